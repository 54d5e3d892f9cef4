#pragma once

#include <QHostAddress>
#include <QObject>

#include <memory>

class Database;
class KeychainSecretStore;
class WebhookPipeline;
class WebhookReceiver;

// The webhook receiver as the window runs it: on while the user has it turned on (the
// webhooks/... settings of Preferences) and a workspace is open, restarted when either
// changes. Deliveries stored before are processed when it starts.
class WebhookService : public QObject
{
    Q_OBJECT
public:
    struct Settings
    {
        bool enabled = false;
        QHostAddress address = QHostAddress(QHostAddress::LocalHost);
        quint16 port = 8787;
    };

    explicit WebhookService(QObject *parent = nullptr);
    ~WebhookService() override;

    // What Preferences stored (webhooks/enabled, webhooks/bindAddress, webhooks/port).
    static Settings storedSettings();

    void setWorkspace(std::shared_ptr<Database> database);
    void apply(const Settings &settings);

    bool isListening() const;
    quint16 port() const;
    // One line for the status bar: where it listens, or why it could not start; empty when
    // the receiver is turned off.
    QString statusText() const { return m_status; }

Q_SIGNALS:
    void statusChanged(const QString &text, bool listening);

private:
    void restart();
    void stop();
    void setStatus(const QString &text);

    std::shared_ptr<Database> m_database;
    Settings m_settings;
    std::unique_ptr<KeychainSecretStore> m_secrets;
    std::unique_ptr<WebhookPipeline> m_pipeline;
    std::unique_ptr<WebhookReceiver> m_receiver;
    QString m_status;
};
