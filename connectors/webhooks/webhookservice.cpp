#include "webhookservice.h"

#include "database.h"
#include "secrets/keychainsecretstore.h"
#include "webhookpipeline.h"
#include "webhookprocessors.h"
#include "webhookreceiver.h"

#include <QSettings>

WebhookService::WebhookService(QObject *parent)
    : QObject(parent)
{
}

WebhookService::~WebhookService()
{
    stop();
}

WebhookService::Settings WebhookService::storedSettings()
{
    const QSettings stored;
    Settings settings;
    settings.enabled = stored.value(QStringLiteral("webhooks/enabled"), false).toBool();
    QHostAddress address;
    if (address.setAddress(stored.value(QStringLiteral("webhooks/bindAddress")).toString()))
        settings.address = address;
    const uint port = stored.value(QStringLiteral("webhooks/port"), 8787).toUInt();
    if (port > 0 && port <= 65535)
        settings.port = quint16(port);
    return settings;
}

void WebhookService::setWorkspace(std::shared_ptr<Database> database)
{
    if (database == m_database)
        return;
    stop();
    m_database = std::move(database);
    restart();
}

void WebhookService::apply(const Settings &settings)
{
    const bool same = settings.enabled == m_settings.enabled &&
                      settings.address == m_settings.address && settings.port == m_settings.port;
    m_settings = settings;
    if (same && (isListening() || !settings.enabled))
        return;
    stop();
    restart();
}

bool WebhookService::isListening() const
{
    return m_receiver != nullptr;
}

quint16 WebhookService::port() const
{
    return m_receiver ? m_receiver->port() : 0;
}

void WebhookService::restart()
{
    if (!m_settings.enabled || !m_database) {
        setStatus(m_settings.enabled ? tr("Webhooks: waiting for a workspace") : QString());
        return;
    }
    m_secrets = std::make_unique<KeychainSecretStore>();
    m_secrets->setScope(m_database->workspaceId());
    m_pipeline = std::make_unique<WebhookPipeline>(m_database.get(), WebhookProcessors::create());
    m_receiver =
        std::make_unique<WebhookReceiver>(m_database.get(), m_secrets.get(), m_pipeline.get());
    WebhookReceiver::Options options;
    options.address = m_settings.address;
    options.port = m_settings.port;
    QString error;
    if (!m_receiver->start(options, &error)) {
        stop();
        setStatus(tr("Webhooks: not receiving (%1)").arg(error));
        return;
    }
    m_pipeline->resumePending();
    const QString host = m_settings.address.protocol() == QAbstractSocket::IPv6Protocol
                             ? QStringLiteral("[%1]").arg(m_settings.address.toString())
                             : m_settings.address.toString();
    setStatus(tr("Webhooks: receiving on http://%1:%2/hooks/").arg(host).arg(m_receiver->port()));
}

void WebhookService::stop()
{
    // The receiver answers only after its commits, so nothing acknowledged is pending here.
    m_receiver.reset();
    m_pipeline.reset();
    m_secrets.reset();
}

void WebhookService::setStatus(const QString &text)
{
    if (text == m_status)
        return;
    m_status = text;
    Q_EMIT statusChanged(text, isListening());
}
