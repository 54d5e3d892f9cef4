#include "payloadfields.h"

#include "isodate.h"
#include "rawjson.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

PayloadFields::PayloadFields(const QJsonValue &root)
    : m_root(root)
{
}

QJsonValue PayloadFields::value(const QString &path) const
{
    if (path.isEmpty())
        return m_root;
    QJsonValue current = m_root;
    for (const QStringView part : QStringView(path).split(u'.')) {
        if (current.isArray()) {
            bool numeric = false;
            const int index = part.toInt(&numeric);
            current = numeric ? current.toArray().at(index) : QJsonValue(QJsonValue::Undefined);
        } else if (current.isObject()) {
            current = current.toObject().value(part);
        } else {
            return QJsonValue(QJsonValue::Undefined);
        }
    }
    return current;
}

bool PayloadFields::has(const QString &path) const
{
    const QJsonValue found = value(path);
    return !found.isUndefined() && !found.isNull();
}

void PayloadFields::fail(const QString &path, const QString &problem)
{
    if (m_error.isEmpty())
        m_error = problem.arg(path);
}

QJsonObject PayloadFields::object(const QString &path)
{
    const QJsonValue found = value(path);
    if (!found.isObject()) {
        fail(path, found.isUndefined() || found.isNull()
                       ? QCoreApplication::translate("PayloadFields", "the payload has no \"%1\"")
                       : QCoreApplication::translate("PayloadFields",
                                                     "\"%1\" in the payload is not an object"));
        return {};
    }
    return found.toObject();
}

QString PayloadFields::optionalId(const QString &path) const
{
    const QJsonValue found = value(path);
    if (found.isString())
        return found.toString();
    if (found.isDouble()) {
        const double number = found.toDouble();
        if (number == double(qint64(number)))
            return QString::number(qint64(number));
    }
    return {};
}

QString PayloadFields::id(const QString &path)
{
    const QString found = optionalId(path);
    if (found.isEmpty()) {
        fail(path, has(path)
                       ? QCoreApplication::translate("PayloadFields",
                                                     "\"%1\" in the payload is not an id")
                       : QCoreApplication::translate("PayloadFields", "the payload has no \"%1\""));
    }
    return found;
}

QString PayloadFields::text(const QString &path)
{
    const QString found = optionalText(path);
    if (found.isEmpty()) {
        fail(path,
             has(path)
                 ? QCoreApplication::translate("PayloadFields", "\"%1\" in the payload is not text")
                 : QCoreApplication::translate("PayloadFields", "the payload has no \"%1\""));
    }
    return found;
}

QString PayloadFields::optionalText(const QString &path) const
{
    const QJsonValue found = value(path);
    if (found.isString())
        return found.toString();
    if (found.isDouble())
        return optionalId(path);
    return {};
}

QDateTime PayloadFields::parseTime(const QJsonValue &value)
{
    // GitLab hooks write "2024-01-05 10:00:00 UTC".
    if (value.isString() && value.toString().endsWith(QLatin1String(" UTC")))
        return IsoDate::parse(value.toString().chopped(4));
    return IsoDate::parse(value);
}

QVariant PayloadFields::timestamp(std::initializer_list<const char *> paths) const
{
    for (const char *path : paths) {
        const QDateTime when = parseTime(value(QLatin1String(path)));
        if (when.isValid())
            return IsoDate::timestamp(when);
    }
    return QVariant(QMetaType(QMetaType::QString));
}

QVariant PayloadFields::day(std::initializer_list<const char *> paths) const
{
    for (const char *path : paths) {
        const QDateTime when = parseTime(value(QLatin1String(path)));
        if (when.isValid())
            return IsoDate::day(when.date());
    }
    return QVariant(QMetaType(QMetaType::QString));
}

QVariant PayloadFields::number(const QString &path) const
{
    const QJsonValue found = value(path);
    if (found.isDouble())
        return found.toDouble();
    if (found.isString()) {
        bool ok = false;
        const double parsed = found.toString().toDouble(&ok);
        if (ok)
            return parsed;
    }
    return QVariant(QMetaType(QMetaType::Double));
}

QVariant PayloadFields::firstText(std::initializer_list<const char *> paths) const
{
    for (const char *path : paths) {
        const QString found = optionalText(QLatin1String(path));
        if (!found.isEmpty())
            return found;
    }
    return QVariant(QMetaType(QMetaType::QString));
}

QVariant PayloadFields::raw(const QString &path) const
{
    const QJsonValue found = value(path);
    const QJsonDocument document =
        found.isArray() ? QJsonDocument(found.toArray()) : QJsonDocument(found.toObject());
    return RawJson::pack(document.toJson(QJsonDocument::Compact));
}
