#include "formencoding.h"

#include <QUrl>

namespace {

QString decodeComponent(QByteArray component)
{
    component.replace('+', ' ');
    return QString::fromUtf8(QByteArray::fromPercentEncoding(component));
}

} // namespace

namespace FormEncoding {

QByteArray encode(const Items &items)
{
    QByteArray encoded;
    for (const auto &[key, value] : items) {
        if (!encoded.isEmpty())
            encoded += '&';
        encoded += QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value);
    }
    return encoded;
}

Items decode(const QByteArray &encoded)
{
    Items items;
    for (const QByteArray &pair : encoded.split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype equals = pair.indexOf('=');
        if (equals < 0)
            items.append({decodeComponent(pair), QString()});
        else
            items.append(
                {decodeComponent(pair.left(equals)), decodeComponent(pair.mid(equals + 1))});
    }
    return items;
}

QString value(const Items &items, const QString &key, int *occurrences)
{
    QString found;
    int count = 0;
    for (const auto &item : items) {
        if (item.first == key) {
            if (count == 0)
                found = item.second;
            ++count;
        }
    }
    if (occurrences)
        *occurrences = count;
    return found;
}

} // namespace FormEncoding
