#pragma once

#include "secrets/secretstore.h"

#include <QHash>
#include <QTimer>

// Secrets in memory for tests that do not need the keychain; answers asynchronously, as the
// keychain does. Unavailable mode imitates a locked or missing keychain.
class MemorySecretStore : public SecretStore
{
public:
    using SecretStore::SecretStore;

    QHash<QString, QByteArray> secrets;
    bool unavailable = false;

    void read(const QString &key, Done done) override
    {
        answer(done, secrets.contains(key) ? Status::Ok : Status::NotFound, secrets.value(key));
    }
    void write(const QString &key, const QByteArray &secret, Done done) override
    {
        if (!unavailable)
            secrets.insert(key, secret);
        answer(done, Status::Ok, {});
    }
    void remove(const QString &key, Done done) override
    {
        secrets.remove(key);
        answer(done, Status::Ok, {});
    }
    void removeAll(qint64 sourceId, Done done) override
    {
        Q_UNUSED(sourceId)
        answer(done, Status::Ok, {});
    }

private:
    void answer(const Done &done, Status status, const QByteArray &secret)
    {
        Result result;
        result.status = unavailable ? Status::Unavailable : status;
        result.secret = unavailable ? QByteArray() : secret;
        QTimer::singleShot(0, this, [done, result] { done(result); });
    }
};
