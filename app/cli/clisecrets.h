#pragma once

#include "secrets/secretstore.h"

#include <memory>

// The command line's view of the keychain: the same asynchronous store the window uses,
// waited on, since a command has nothing else to do meanwhile.
class CliSecrets
{
public:
    // scope: the workspace's id, under which its secrets are filed.
    explicit CliSecrets(const QString &scope);
    ~CliSecrets();

    SecretStore::Result read(const QString &key);
    SecretStore::Result write(const QString &key, const QByteArray &secret);
    SecretStore::Result removeAll(qint64 sourceId);

    SecretStore *store() const { return m_store.get(); }

private:
    template<typename Call> SecretStore::Result wait(Call call);

    std::unique_ptr<SecretStore> m_store;
};
