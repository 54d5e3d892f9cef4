#include "sharedsecretverifier.h"

#include <QCoreApplication>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("SharedSecretVerifier", text);
}

} // namespace

SharedSecretVerifier::SharedSecretVerifier(SharedSecretScheme scheme)
    : m_scheme(std::move(scheme))
{
}

bool SharedSecretVerifier::acceptsMethod(const QByteArray &method) const
{
    return method == "POST" || (m_scheme.answersGetProbe && method == "GET");
}

std::optional<WebhookVerdict> SharedSecretVerifier::handshake(const WebhookRequest &request,
                                                              bool hasSecret) const
{
    Q_UNUSED(hasSecret)
    if (request.method != "GET" || !m_scheme.answersGetProbe)
        return std::nullopt;
    WebhookVerdict verdict;
    verdict.kind = WebhookVerdict::Kind::Answer;
    verdict.status = 200;
    verdict.contentType = "text/plain";
    if (!m_scheme.probeEchoItem.isEmpty())
        verdict.responseBody =
            request.query.queryItemValue(m_scheme.probeEchoItem, QUrl::FullyDecoded).toUtf8();
    return verdict;
}

QByteArray SharedSecretVerifier::presented(const WebhookRequest &request) const
{
    switch (m_scheme.carrier) {
    case SharedSecretScheme::Carrier::Header:
        return request.header(m_scheme.name);
    case SharedSecretScheme::Carrier::BasicAuth: {
        const QByteArray authorization = request.header("authorization");
        if (!authorization.startsWith("Basic "))
            return QByteArray();
        return QByteArray::fromBase64(authorization.mid(6).trimmed());
    }
    case SharedSecretScheme::Carrier::Query:
        return request.query.queryItemValue(QString::fromLatin1(m_scheme.name), QUrl::FullyDecoded)
            .toUtf8();
    case SharedSecretScheme::Carrier::BodyField:
        return WebhookCrypto::jsonField(request.body, QString::fromLatin1(m_scheme.name)).toUtf8();
    }
    return QByteArray();
}

WebhookVerdict SharedSecretVerifier::verify(const WebhookRequest &request,
                                            const QByteArray &secret) const
{
    const QByteArray given = presented(request);
    if (given.isEmpty())
        return WebhookVerdict::reject(
            m_scheme.mismatchStatus,
            tr("The request carries no %1.").arg(QString::fromLatin1(m_scheme.name)));
    if (!WebhookCrypto::constantTimeEquals(given, secret))
        return WebhookVerdict::reject(m_scheme.mismatchStatus,
                                      tr("The %1 does not match this source's secret.")
                                          .arg(QString::fromLatin1(m_scheme.name)));
    QString eventType;
    if (!m_scheme.eventHeader.isEmpty())
        eventType = QString::fromUtf8(request.header(m_scheme.eventHeader));
    if (eventType.isEmpty() && !m_scheme.eventField.isEmpty())
        eventType = m_scheme.bodyFormat == BodyFormat::Form
                        ? WebhookCrypto::formField(request.body, m_scheme.eventField)
                        : WebhookCrypto::jsonField(request.body, m_scheme.eventField);
    const QString delivery = m_scheme.deliveryHeader.isEmpty()
                                 ? QString()
                                 : QString::fromUtf8(request.header(m_scheme.deliveryHeader));
    return WebhookVerdict::accept(delivery, eventType);
}

SharedSecretScheme SharedSecretVerifier::pipedrive()
{
    SharedSecretScheme s;
    s.provider = QStringLiteral("pipedrive");
    s.carrier = SharedSecretScheme::Carrier::BasicAuth;
    s.name = "Basic credentials";
    s.eventField = QStringLiteral("event");
    return s;
}

SharedSecretScheme SharedSecretVerifier::mailchimp()
{
    SharedSecretScheme s;
    s.provider = QStringLiteral("mailchimp");
    s.carrier = SharedSecretScheme::Carrier::Query;
    s.name = "secret";
    s.bodyFormat = WebhookVerifier::BodyFormat::Form;
    s.eventField = QStringLiteral("type");
    s.answersGetProbe = true;
    return s;
}

SharedSecretScheme SharedSecretVerifier::productboard()
{
    SharedSecretScheme s;
    s.provider = QStringLiteral("productboard");
    s.carrier = SharedSecretScheme::Carrier::Query;
    s.name = "secret";
    s.eventField = QStringLiteral("data.eventType");
    s.answersGetProbe = true;
    s.probeEchoItem = QStringLiteral("validationToken");
    return s;
}

SharedSecretScheme SharedSecretVerifier::figma()
{
    SharedSecretScheme s;
    s.provider = QStringLiteral("figma");
    s.carrier = SharedSecretScheme::Carrier::BodyField;
    s.name = "passcode";
    s.mismatchStatus = 400;
    s.eventField = QStringLiteral("event_type");
    return s;
}
