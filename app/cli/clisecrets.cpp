#include "clisecrets.h"

#include "secrets/keychainsecretstore.h"

#include <QEventLoop>

CliSecrets::CliSecrets(const QString &scope)
{
    auto store = std::make_unique<KeychainSecretStore>();
    store->setScope(scope);
    m_store = std::move(store);
}

CliSecrets::~CliSecrets() = default;

template<typename Call> SecretStore::Result CliSecrets::wait(Call call)
{
    SecretStore::Result result;
    bool done = false;
    QEventLoop loop;
    call([&](const SecretStore::Result &r) {
        result = r;
        done = true;
        loop.quit();
    });
    if (!done)
        loop.exec();
    return result;
}

SecretStore::Result CliSecrets::read(const QString &key)
{
    return wait([&](SecretStore::Done done) { m_store->read(key, std::move(done)); });
}

SecretStore::Result CliSecrets::write(const QString &key, const QByteArray &secret)
{
    return wait([&](SecretStore::Done done) { m_store->write(key, secret, std::move(done)); });
}

SecretStore::Result CliSecrets::removeAll(qint64 sourceId)
{
    return wait([&](SecretStore::Done done) { m_store->removeAll(sourceId, std::move(done)); });
}
