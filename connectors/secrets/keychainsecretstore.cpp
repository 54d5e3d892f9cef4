#include "keychainsecretstore.h"

#include "logging.h"
#include "unavailablesecretstore.h"

#include <qt6keychain/keychain.h>

#include <memory>

namespace {

// On Linux QtKeychain reports a missing or unusable Secret Service (no D-Bus session, no
// keyring daemon, no default collection) as OtherError with the D-Bus or libsecret message.
bool looksLikeMissingService(const QString &detail)
{
    static const QLatin1String markers[] = {
        QLatin1String("dbus"),
        QLatin1String("d-bus"),
        QLatin1String("org.freedesktop"),
        QLatin1String("secret service"),
        QLatin1String("secrets"),
        QLatin1String("collection"),
        QLatin1String("not provided by"),
        QLatin1String("serviceunknown"),
        QLatin1String("autolaunch"),
        QLatin1String("keyring"),
        QLatin1String("kwallet"),
    };
    for (const QLatin1String &marker : markers) {
        if (detail.contains(marker, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

} // namespace

QString KeychainSecretStore::defaultService()
{
    return QStringLiteral("product-hub");
}

KeychainSecretStore::KeychainSecretStore(QObject *parent)
    : KeychainSecretStore(defaultService(), parent)
{
}

KeychainSecretStore::KeychainSecretStore(const QString &service, QObject *parent)
    : SecretStore(parent)
    , m_service(service)
{
}

KeychainSecretStore::~KeychainSecretStore() = default;

void KeychainSecretStore::read(const QString &key, Done done)
{
    enqueue([this, key, done](Finish finish) {
        readEntry(key, [finish, done](const Result &result) {
            finish();
            done(result);
        });
    });
}

void KeychainSecretStore::write(const QString &key, const QByteArray &secret, Done done)
{
    enqueue([this, key, secret, done](Finish finish) {
        auto complete = [finish, done](const Result &result) {
            finish();
            done(result);
        };
        qint64 sourceId = 0;
        QString name;
        if (!parseKey(key, &sourceId, &name)) {
            writeEntry(key, secret, complete);
            return;
        }
        if (!isValidName(name)) {
            Result invalid;
            invalid.error = tr("“%1” cannot be used as the name of a secret.").arg(name);
            complete(invalid);
            return;
        }
        // The name goes into the index before the secret is written, so there is never a
        // secret that removeAll() cannot find.
        readIndex(sourceId, [this, key, secret, sourceId, name, complete](const Result &indexResult,
                                                                          QStringList names) {
            if (indexResult.status != Status::Ok) {
                complete(indexResult);
                return;
            }
            if (names.contains(name)) {
                writeEntry(key, secret, complete);
                return;
            }
            names.append(name);
            writeIndex(sourceId, names, [this, key, secret, complete](const Result &written) {
                if (written.status != Status::Ok)
                    complete(written);
                else
                    writeEntry(key, secret, complete);
            });
        });
    });
}

void KeychainSecretStore::remove(const QString &key, Done done)
{
    enqueue([this, key, done](Finish finish) {
        auto complete = [finish, done](const Result &result) {
            finish();
            done(result);
        };
        deleteEntry(key, [this, key, complete](const Result &deleted) {
            if (deleted.status != Status::Ok) {
                complete(deleted);
                return;
            }
            qint64 sourceId = 0;
            QString name;
            if (!parseKey(key, &sourceId, &name)) {
                complete(deleted);
                return;
            }
            // The secret is gone; a stale name left in the index is harmless, so index
            // trouble from here on is logged rather than reported.
            readIndex(sourceId, [this, sourceId, name, complete](const Result &indexResult,
                                                                 QStringList names) {
                Result ok;
                ok.status = Status::Ok;
                if (indexResult.status != Status::Ok || !names.removeAll(name)) {
                    complete(ok);
                    return;
                }
                auto logged = [complete, ok](const Result &result) {
                    if (result.status != Status::Ok)
                        qCWarning(hubSecrets) << "Could not update the index:" << result.error;
                    complete(ok);
                };
                if (names.isEmpty())
                    deleteEntry(indexKey(sourceId), logged);
                else
                    writeIndex(sourceId, names, logged);
            });
        });
    });
}

void KeychainSecretStore::removeAll(qint64 sourceId, Done done)
{
    enqueue([this, sourceId, done](Finish finish) {
        auto complete = [finish, done](const Result &result) {
            finish();
            done(result);
        };
        readIndex(sourceId, [this, sourceId, complete](const Result &indexResult,
                                                       const QStringList &names) {
            if (indexResult.status != Status::Ok) {
                complete(indexResult);
                return;
            }
            Result ok;
            ok.status = Status::Ok;
            deleteNames(sourceId, names, ok, [this, sourceId, complete](const Result &deleted) {
                // On failure the index stays, so a later removeAll() still finds what is left.
                if (deleted.status != Status::Ok)
                    complete(deleted);
                else
                    deleteEntry(indexKey(sourceId), complete);
            });
        });
    });
}

void KeychainSecretStore::enqueue(Operation operation)
{
    m_queue.enqueue(std::move(operation));
    if (m_busy)
        return;
    m_busy = true;
    // Started from the event loop, so even an immediate answer reaches the caller after the
    // call returned, as the contract promises.
    QMetaObject::invokeMethod(
        this, [this] { runNext(); }, Qt::QueuedConnection);
}

void KeychainSecretStore::runNext()
{
    if (m_queue.isEmpty()) {
        m_busy = false;
        return;
    }
    Operation operation = m_queue.dequeue();
    auto finished = std::make_shared<bool>(false);
    operation([this, finished] {
        if (*finished)
            return;
        *finished = true;
        QMetaObject::invokeMethod(
            this, [this] { runNext(); }, Qt::QueuedConnection);
    });
}

void KeychainSecretStore::readEntry(const QString &key, Done done)
{
    startJob(new QKeychain::ReadPasswordJob(m_service), key, std::move(done));
}

void KeychainSecretStore::writeEntry(const QString &key, const QByteArray &data, Done done)
{
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setBinaryData(data);
    startJob(job, key, std::move(done));
}

void KeychainSecretStore::deleteEntry(const QString &key, Done done)
{
    startJob(new QKeychain::DeletePasswordJob(m_service), key,
             [done = std::move(done)](const Result &result) {
                 // Removing what is not there leaves the keychain as asked.
                 if (result.status == Status::NotFound) {
                     Result ok;
                     ok.status = Status::Ok;
                     done(ok);
                 } else {
                     done(result);
                 }
             });
}

void KeychainSecretStore::startJob(QKeychain::Job *job, const QString &key, Done done)
{
    // Jobs have no parent: the keychain backends call back into a job after the D-Bus round
    // trip, so a job must outlive the store rather than die with it. It deletes itself.
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(m_scope.isEmpty() ? key : QString(u"workspace/" + m_scope + u'/' + key));
    connect(job, &QKeychain::Job::finished, this,
            [this, key, done = std::move(done)](QKeychain::Job *finished) {
                Result result = resultOf(*finished);
                if (result.status == Status::Ok) {
                    if (auto *readJob = qobject_cast<QKeychain::ReadPasswordJob *>(finished))
                        result.secret = readJob->binaryData();
                } else if (result.status != Status::NotFound) {
                    qCWarning(hubSecrets).nospace()
                        << "Keychain " << finished->metaObject()->className() << " for " << key
                        << " failed: " << finished->errorString();
                }
                qCDebug(hubSecrets)
                    << finished->metaObject()->className() << key << "status" << int(result.status);
                done(result);
            });
    job->start();
}

void KeychainSecretStore::readIndex(qint64 sourceId, IndexDone done)
{
    readEntry(indexKey(sourceId), [done = std::move(done)](const Result &result) {
        if (result.status == Status::NotFound) {
            Result ok;
            ok.status = Status::Ok;
            done(ok, {});
        } else if (result.status != Status::Ok) {
            done(result, {});
        } else {
            done(result, QString::fromUtf8(result.secret).split(u'\n', Qt::SkipEmptyParts));
        }
    });
}

void KeychainSecretStore::writeIndex(qint64 sourceId, const QStringList &names, Done done)
{
    writeEntry(indexKey(sourceId), names.join(u'\n').toUtf8(), std::move(done));
}

void KeychainSecretStore::deleteNames(qint64 sourceId, QStringList names, Result firstFailure,
                                      Done done)
{
    if (names.isEmpty()) {
        done(firstFailure);
        return;
    }
    const QString name = names.takeFirst();
    deleteEntry(key(sourceId, name),
                [this, sourceId, names, firstFailure, done](const Result &result) {
                    Result failure = firstFailure;
                    if (result.status != Status::Ok && failure.status == Status::Ok)
                        failure = result;
                    deleteNames(sourceId, names, failure, done);
                });
}

QString KeychainSecretStore::indexKey(qint64 sourceId)
{
    return key(sourceId, QStringLiteral(".index"));
}

bool KeychainSecretStore::isValidName(const QString &name)
{
    // Names starting with a dot are reserved for the store's own entries (the index), and
    // the index is one name a line.
    return !name.isEmpty() && !name.startsWith(u'.') && !name.contains(u'/') &&
           !name.contains(u'\n');
}

SecretStore::Result KeychainSecretStore::resultOf(const QKeychain::Job &job) const
{
    Result result;
    const QString detail = job.errorString();
    switch (job.error()) {
    case QKeychain::NoError:
        result.status = Status::Ok;
        break;
    case QKeychain::EntryNotFound:
        result.status = Status::NotFound;
        result.error = tr("No secret is stored under this name.");
        break;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::AccessDenied:
        result.status = Status::Unavailable;
        result.error = UnavailableSecretStore::messageFor(
            detail.isEmpty() ? tr("no keychain service was found") : detail);
        break;
    case QKeychain::AccessDeniedByUser:
        result.status = Status::Unavailable;
        result.error = tr("Access to the keychain was not granted. Unlock the keychain when it "
                          "asks and try again.");
        break;
    case QKeychain::OtherError:
        if (detail.contains(QLatin1String("locked"), Qt::CaseInsensitive)) {
            result.status = Status::Unavailable;
            result.error = tr("The keychain is locked (%1). Unlock it, for example by logging "
                              "in again, and try again. Secrets are only ever kept in the "
                              "system keychain.")
                               .arg(detail);
        } else if (looksLikeMissingService(detail)) {
            result.status = Status::Unavailable;
            result.error = UnavailableSecretStore::messageFor(detail);
        } else {
            result.status = Status::Error;
            result.error = tr("The keychain could not complete the request: %1").arg(detail);
        }
        break;
    case QKeychain::CouldNotDeleteEntry:
        result.status = Status::Error;
        result.error = tr("The keychain could not remove the secret: %1").arg(detail);
        break;
    }
    return result;
}
