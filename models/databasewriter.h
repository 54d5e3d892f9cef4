#pragma once

#include <QFuture>
#include <QObject>
#include <QSqlDatabase>
#include <QString>

#include <functional>
#include <memory>

class Database;

struct WriteResult
{
    bool ok = true;
    QString error;
};

// The single writer of a workspace: every write runs on its one thread, in submission order,
// so that threads never fight over SQLite's write lock.
class DatabaseWriter
{
public:
    // A unit of work. Returning false (with error set) rolls its transaction back.
    using Job = std::function<bool(QSqlDatabase &db, QString *error)>;

    enum class Transaction { Wrap, None };

    explicit DatabaseWriter(Database *database);
    ~DatabaseWriter();

    DatabaseWriter(const DatabaseWriter &) = delete;
    DatabaseWriter &operator=(const DatabaseWriter &) = delete;

    // Runs job on the writer thread, by default inside one transaction.
    QFuture<WriteResult> submit(Job job, Transaction transaction = Transaction::Wrap);
    // Runs job on the writer thread, then done on context's thread (through its event loop).
    // Unlike continuations on the returned future, this never misses a job that finished
    // before the caller was ready.
    void submit(Job job, QObject *context, std::function<void(const WriteResult &)> done,
                Transaction transaction = Transaction::Wrap);
    // Submits and waits. Never call it from a job (it would wait on itself).
    WriteResult run(Job job, Transaction transaction = Transaction::Wrap);

private:
    class Thread;
    std::unique_ptr<Thread> m_thread;
};
