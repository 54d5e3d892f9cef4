#include "unavailablesecretstore.h"

#include <QCoreApplication>

UnavailableSecretStore::UnavailableSecretStore(const QString &reason, QObject *parent)
    : SecretStore(parent)
    , m_reason(reason)
{
}

QString UnavailableSecretStore::messageFor(const QString &reason)
{
    return QCoreApplication::translate(
               "SecretStore",
               "No keychain is available (%1). Secrets are only ever kept in the system "
               "keychain; start a keyring such as GNOME Keyring or KWallet and try again.")
        .arg(reason);
}

void UnavailableSecretStore::read(const QString &, Done done)
{
    answer(std::move(done));
}

void UnavailableSecretStore::write(const QString &, const QByteArray &, Done done)
{
    answer(std::move(done));
}

void UnavailableSecretStore::remove(const QString &, Done done)
{
    answer(std::move(done));
}

void UnavailableSecretStore::removeAll(qint64, Done done)
{
    answer(std::move(done));
}

void UnavailableSecretStore::answer(Done done)
{
    Result result;
    result.status = Status::Unavailable;
    result.error = messageFor(m_reason);
    // Queued, because the contract promises asynchronous answers and callers rely on it.
    QMetaObject::invokeMethod(
        this, [done = std::move(done), result] { done(result); }, Qt::QueuedConnection);
}
