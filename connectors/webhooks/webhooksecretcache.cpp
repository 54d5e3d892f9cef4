#include "webhooksecretcache.h"

#include "secrets/secretstore.h"

#include <QPointer>

QString WebhookSecretCache::secretName()
{
    return QStringLiteral("webhook_secret");
}

WebhookSecretCache::WebhookSecretCache(SecretStore *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{
}

void WebhookSecretCache::get(qint64 sourceId, Done done)
{
    const auto cached = m_cache.constFind(sourceId);
    if (cached != m_cache.constEnd() && !cached->expires.hasExpired()) {
        done(cached->state, cached->secret);
        return;
    }
    QList<Done> &waiting = m_waiting[sourceId];
    waiting.append(std::move(done));
    if (waiting.size() > 1)
        return; // a read is already on its way
    QPointer<WebhookSecretCache> self(this);
    m_store->read(SecretStore::key(sourceId, secretName()), [self, sourceId](
                                                                const SecretStore::Result &result) {
        if (!self)
            return;
        Cached entry;
        if (result.status == SecretStore::Status::Ok && !result.secret.isEmpty()) {
            entry = {State::Found, result.secret, QDeadlineTimer(RefreshSeconds * 1000)};
        } else if (result.status == SecretStore::Status::Ok ||
                   result.status == SecretStore::Status::NotFound) {
            entry = {State::Missing, {}, QDeadlineTimer(MissingRetrySeconds * 1000)};
        } else {
            // Not cached: the next request tries the keychain again.
            entry = {State::Unavailable, {}, QDeadlineTimer(0)};
        }
        if (entry.state != State::Unavailable)
            self->m_cache.insert(sourceId, entry);
        const QList<Done> callbacks = self->m_waiting.take(sourceId);
        for (const Done &callback : callbacks)
            callback(entry.state, entry.secret);
    });
}

void WebhookSecretCache::put(qint64 sourceId, const QByteArray &secret, Written done)
{
    QPointer<WebhookSecretCache> self(this);
    m_store->write(SecretStore::key(sourceId, secretName()), secret,
                   [self, sourceId, secret, done](const SecretStore::Result &result) {
                       const bool ok = result.status == SecretStore::Status::Ok;
                       if (ok && self)
                           self->m_cache.insert(sourceId, {State::Found, secret,
                                                           QDeadlineTimer(RefreshSeconds * 1000)});
                       done(ok, result.error);
                   });
}
