#pragma once

#include "secretstore.h"

// The secret store used when the system keychain is known to be missing: every call answers
// Unavailable with the reason, so the app can say so instead of keeping secrets anywhere else.
class UnavailableSecretStore : public SecretStore
{
    Q_OBJECT
public:
    explicit UnavailableSecretStore(const QString &reason, QObject *parent = nullptr);

    QString reason() const { return m_reason; }
    // The message shown for a missing keychain, shared with the keychain store.
    static QString messageFor(const QString &reason);

    void read(const QString &key, Done done) override;
    void write(const QString &key, const QByteArray &secret, Done done) override;
    void remove(const QString &key, Done done) override;
    void removeAll(qint64 sourceId, Done done) override;

private:
    void answer(Done done);

    QString m_reason;
};
