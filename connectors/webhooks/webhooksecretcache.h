#pragma once

#include <QByteArray>
#include <QDeadlineTimer>
#include <QHash>
#include <QList>
#include <QObject>

#include <functional>

class SecretStore;

// The sources' webhook signing secrets, read from the keychain once and kept in memory for a
// short while: a keychain round trip per request would cap the receiver's throughput. A secret
// changed with "webhooks secret" is seen within RefreshSeconds.
class WebhookSecretCache : public QObject
{
    Q_OBJECT
public:
    static constexpr int RefreshSeconds = 30;
    static constexpr int MissingRetrySeconds = 5;

    // The name under which a source's secret lives (SecretStore::key(id, Name)).
    static QString secretName();

    enum class State { Found, Missing, Unavailable };
    // secret is set when state is Found; an empty stored secret counts as missing.
    using Done = std::function<void(State state, const QByteArray &secret)>;
    using Written = std::function<void(bool ok, const QString &error)>;

    explicit WebhookSecretCache(SecretStore *store, QObject *parent = nullptr);

    // Calls done at once when cached, else after one keychain read shared by every request
    // for the same source that arrives meanwhile.
    void get(qint64 sourceId, Done done);
    // Stores a secret a handshake handed over, in the keychain first, then here.
    void put(qint64 sourceId, const QByteArray &secret, Written done);

private:
    struct Cached
    {
        State state = State::Missing;
        QByteArray secret;
        QDeadlineTimer expires;
    };

    SecretStore *m_store;
    QHash<qint64, Cached> m_cache;
    QHash<qint64, QList<Done>> m_waiting;
};
