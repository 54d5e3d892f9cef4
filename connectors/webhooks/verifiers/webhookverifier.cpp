#include "webhookverifier.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QUrlQuery>

#include <algorithm>

WebhookVerdict WebhookVerdict::accept(const QString &deliveryId, const QString &eventType)
{
    WebhookVerdict verdict;
    verdict.kind = Kind::Accept;
    verdict.status = 200;
    verdict.deliveryId = deliveryId;
    verdict.eventType = eventType;
    return verdict;
}

WebhookVerdict WebhookVerdict::reject(int status, const QString &reason)
{
    WebhookVerdict verdict;
    verdict.kind = Kind::Reject;
    verdict.status = status;
    verdict.reason = reason;
    return verdict;
}

namespace WebhookCrypto {

QByteArray hmacSha256(const QByteArray &key, const QByteArray &message)
{
    return QMessageAuthenticationCode::hash(message, key, QCryptographicHash::Sha256);
}

bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    // volatile keeps the compiler from turning the loop into one that stops at the first
    // difference.
    volatile unsigned char difference = a.size() == b.size() ? 0 : 1;
    const qsizetype length = std::max(a.size(), b.size());
    for (qsizetype i = 0; i < length; ++i) {
        const char x = i < a.size() ? a.at(i) : 0;
        const char y = i < b.size() ? b.at(i) : 0;
        difference = difference | static_cast<unsigned char>(x ^ y);
    }
    return difference == 0;
}

QString jsonField(const QByteArray &body, const QString &path)
{
    const QJsonDocument document = QJsonDocument::fromJson(body);
    QJsonValue value = document.object();
    if (document.isArray() && !document.array().isEmpty())
        value = document.array().first(); // HubSpot batches events: the first names them
    for (const QString &part : path.split(QLatin1Char('.'))) {
        if (!value.isObject())
            return QString();
        value = value.toObject().value(part);
    }
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return QString::number(value.toDouble(), 'f', 0);
    return QString();
}

QString formField(const QByteArray &body, const QString &name)
{
    QByteArray plusAsSpace = body;
    plusAsSpace.replace('+', ' ');
    const QUrlQuery query(QString::fromUtf8(plusAsSpace));
    return query.queryItemValue(name, QUrl::FullyDecoded);
}

QDateTime epochTime(const QByteArray &text)
{
    bool ok = false;
    const qint64 value = text.trimmed().toLongLong(&ok);
    if (!ok || value <= 0)
        return QDateTime();
    // Anything past 10^11 is milliseconds: as seconds it would be thousands of years away.
    return value > 100'000'000'000LL ? QDateTime::fromMSecsSinceEpoch(value, Qt::UTC)
                                     : QDateTime::fromSecsSinceEpoch(value, Qt::UTC);
}

bool withinWindow(const QDateTime &at, const QDateTime &now, int toleranceSeconds)
{
    return at.isValid() && std::abs(at.msecsTo(now)) <= qint64(toleranceSeconds) * 1000;
}

} // namespace WebhookCrypto
