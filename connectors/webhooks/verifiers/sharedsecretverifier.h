#pragma once

#include "webhookverifier.h"

// Providers that sign nothing and instead send back a shared secret the user configured:
// in a header (GitLab's X-Gitlab-Token), as HTTP Basic credentials (Pipedrive), in the URL's
// query (Mailchimp, Productboard: ?secret=...) or echoed in the body (Figma's passcode).
struct SharedSecretScheme
{
    enum class Carrier { Header, BasicAuth, Query, BodyField };

    QString provider;
    Carrier carrier = Carrier::Header;
    QByteArray name; // the header, query item or body field carrying the secret
    WebhookVerifier::BodyFormat bodyFormat = WebhookVerifier::BodyFormat::Json;
    int mismatchStatus = 401; // Figma asks for 400, which also stops the webhook
    QByteArray deliveryHeader;
    QByteArray eventHeader;
    QString eventField;
    // A GET probing the URL when the webhook is saved: answered 200, echoing this query item
    // when set (Productboard's validationToken), with an empty body when not (Mailchimp).
    bool answersGetProbe = false;
    QString probeEchoItem;
};

class SharedSecretVerifier : public WebhookVerifier
{
public:
    explicit SharedSecretVerifier(SharedSecretScheme scheme);

    QString provider() const override { return m_scheme.provider; }
    BodyFormat bodyFormat() const override { return m_scheme.bodyFormat; }
    bool acceptsMethod(const QByteArray &method) const override;
    std::optional<WebhookVerdict> handshake(const WebhookRequest &request,
                                            bool hasSecret) const override;
    WebhookVerdict verify(const WebhookRequest &request, const QByteArray &secret) const override;

    static SharedSecretScheme pipedrive();
    static SharedSecretScheme mailchimp();
    static SharedSecretScheme productboard();
    static SharedSecretScheme figma();

protected:
    const SharedSecretScheme &scheme() const { return m_scheme; }

private:
    QByteArray presented(const WebhookRequest &request) const;

    SharedSecretScheme m_scheme;
};
