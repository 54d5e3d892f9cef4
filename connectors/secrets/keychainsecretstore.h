#pragma once

#include "secretstore.h"

#include <QQueue>
#include <QStringList>

namespace QKeychain {
class Job;
}

// Secrets in the system keychain through QtKeychain (Secret Service, KWallet, macOS Keychain,
// Windows Credential Store), under one service name. Never falls back to plain text: without
// a keychain every call answers Unavailable.
//
// Calls run one after another in the order they were made, so a read after a write sees the
// write, and the per-source index of names ("source/<id>/.index") is never updated by two
// calls at once. Keys that are not of the form "source/<id>/<name>" work but are not indexed.
// Removing a secret that does not exist is not an error. Destroying the store drops the
// callbacks of calls still pending.
class KeychainSecretStore : public SecretStore
{
    Q_OBJECT
public:
    static QString defaultService(); // "product-hub"

    explicit KeychainSecretStore(QObject *parent = nullptr);
    // Tests pass their own service so they never touch the app's secrets.
    explicit KeychainSecretStore(const QString &service, QObject *parent = nullptr);
    ~KeychainSecretStore() override;

    QString service() const { return m_service; }

    // Source ids are only unique within one workspace: a store scoped to a workspace files
    // every key under that workspace's id, so two workspaces never see each other's secrets.
    void setScope(const QString &scope) { m_scope = scope; }
    QString scope() const { return m_scope; }

    void read(const QString &key, Done done) override;
    void write(const QString &key, const QByteArray &secret, Done done) override;
    void remove(const QString &key, Done done) override;
    void removeAll(qint64 sourceId, Done done) override;

private:
    using Finish = std::function<void()>;
    using Operation = std::function<void(Finish finish)>;
    using IndexDone = std::function<void(const Result &result, const QStringList &names)>;

    void enqueue(Operation operation);
    void runNext();

    // Single keychain jobs; done receives the mapped result.
    void readEntry(const QString &key, Done done);
    void writeEntry(const QString &key, const QByteArray &data, Done done);
    void deleteEntry(const QString &key, Done done);
    void startJob(QKeychain::Job *job, const QString &key, Done done);

    void readIndex(qint64 sourceId, IndexDone done);
    void writeIndex(qint64 sourceId, const QStringList &names, Done done);
    void deleteNames(qint64 sourceId, QStringList names, Result firstFailure, Done done);

    static QString indexKey(qint64 sourceId);
    static bool isValidName(const QString &name);
    Result resultOf(const QKeychain::Job &job) const;

    QString m_service;
    QString m_scope;
    QQueue<Operation> m_queue;
    bool m_busy = false;
};
