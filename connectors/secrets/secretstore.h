#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

#include <functional>

// Where secrets live: the OS keychain, never a file. Keys are scoped by source id
// ("source/<id>/<name>", names such as "token", "refresh_token", "webhook_secret").
// Every call is asynchronous; done runs on the caller's thread.
class SecretStore : public QObject
{
    Q_OBJECT
public:
    enum class Status { Ok, NotFound, Unavailable, Error };

    struct Result
    {
        Status status = Status::Error;
        QByteArray secret; // with read()
        QString error;     // for the user when status is not Ok
    };
    using Done = std::function<void(const Result &)>;

    using QObject::QObject;

    static QString key(qint64 sourceId, const QString &name);
    // The reverse of key(): false when the key is not of the form "source/<id>/<name>".
    static bool parseKey(const QString &key, qint64 *sourceId, QString *name);

    virtual void read(const QString &key, Done done) = 0;
    virtual void write(const QString &key, const QByteArray &secret, Done done) = 0;
    virtual void remove(const QString &key, Done done) = 0;
    // Removes every secret stored for the source (the store keeps an index of names).
    virtual void removeAll(qint64 sourceId, Done done) = 0;
};
