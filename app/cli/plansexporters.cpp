#include "plansexporters.h"

#include "launch/planjson.h"

#include <QCoreApplication>
#include <QMap>
#include <QSaveFile>

namespace PlanExporters {
namespace {

QMap<QString, Writer> &writers()
{
    static QMap<QString, Writer> registered;
    return registered;
}

bool writeJson(const Input &input, const QString &path, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = QCoreApplication::translate("PlanExporters", "Cannot write %1: %2")
                     .arg(path, file.errorString());
        return false;
    }
    file.write(Launch::PlanJson::toJson(input.plan, &input.context));
    if (!file.commit()) {
        *error = QCoreApplication::translate("PlanExporters", "Cannot write %1: %2")
                     .arg(path, file.errorString());
        return false;
    }
    return true;
}

const Registration json(QStringLiteral("json"), writeJson);

} // namespace

void add(const QString &format, Writer writer)
{
    writers().insert(format, std::move(writer));
}

const Writer *find(const QString &format)
{
    const auto it = writers().constFind(format);
    return it == writers().constEnd() ? nullptr : &*it;
}

QStringList formats()
{
    return writers().keys();
}

} // namespace PlanExporters
