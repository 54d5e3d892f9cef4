#include "jsonpath.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QStringView>

namespace JsonPath {
namespace {

QJsonValue step(const QJsonValue &value, QStringView rest);

QJsonValue project(const QJsonArray &array, QStringView rest)
{
    QJsonArray out;
    for (const QJsonValue &item : array) {
        const QJsonValue v = step(item, rest);
        if (v.isArray()) {
            for (const QJsonValue &inner : v.toArray())
                out.append(inner);
        } else if (!v.isUndefined() && !v.isNull()) {
            out.append(v);
        }
    }
    return out;
}

QJsonValue step(const QJsonValue &value, QStringView rest)
{
    if (rest.isEmpty())
        return value;
    if (rest.startsWith(QLatin1Char('.')))
        rest = rest.mid(1);
    if (rest.startsWith(QLatin1Char('['))) {
        const qsizetype close = rest.indexOf(QLatin1Char(']'));
        if (close < 0 || !value.isArray())
            return QJsonValue(QJsonValue::Undefined);
        const QStringView index = rest.mid(1, close - 1);
        const QStringView after = rest.mid(close + 1);
        if (index.isEmpty())
            return project(value.toArray(), after);
        bool ok = false;
        const int i = index.toInt(&ok);
        const QJsonArray array = value.toArray();
        if (!ok || i < 0 || i >= array.size())
            return QJsonValue(QJsonValue::Undefined);
        return step(array.at(i), after);
    }
    qsizetype end = 0;
    while (end < rest.size() && rest.at(end) != QLatin1Char('.') &&
           rest.at(end) != QLatin1Char('['))
        ++end;
    if (!value.isObject())
        return QJsonValue(QJsonValue::Undefined);
    return step(value.toObject().value(rest.left(end)), rest.mid(end));
}

} // namespace

QJsonValue get(const QJsonValue &root, const QString &path)
{
    if (path.isEmpty() || path == QLatin1String("$"))
        return root;
    QStringView view(path);
    if (view.startsWith(QLatin1String("$.")))
        view = view.mid(2);
    return step(root, view);
}

} // namespace JsonPath
