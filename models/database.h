#pragma once

#include "workspace.h"

#include <QHash>
#include <QMutex>
#include <QSqlDatabase>
#include <QString>

#include <memory>

class DatabaseWriter;

// An open workspace database. Checks the file before touching it, migrates it, and hands
// every thread its own named connection. Writes go through writer(), the single writer.
class Database
{
public:
    enum class Error {
        None,
        CannotCreateFolder,
        NotADatabase,
        Corrupt,
        NewerSchema,
        MigrationFailed,
        CannotOpen,
    };

    struct OpenResult
    {
        std::unique_ptr<Database> database;
        Error error = Error::None;
        QString message;
    };

    struct Options
    {
        bool create = true;     // create the folder and file when missing
        int targetVersion = -1; // stop migrating at this version (for tests of old files)
    };

    static OpenResult open(const Workspace &workspace, const Options &options);
    static OpenResult open(const Workspace &workspace) { return open(workspace, Options()); }
    ~Database();

    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    const Workspace &workspace() const { return m_workspace; }
    QString path() const { return m_workspace.databasePath(); }
    int schemaVersion() const { return m_schemaVersion; }
    // A random id made when the workspace was created; scopes its secrets in the keychain.
    QString workspaceId() const { return m_workspaceId; }

    // This thread's own connection, opened on first use and closed when the thread ends.
    QSqlDatabase connection();
    DatabaseWriter *writer();

private:
    explicit Database(const Workspace &workspace);
    QSqlDatabase openConnection(const QString &name, bool readOnly, QString *error) const;

    Workspace m_workspace;
    int m_schemaVersion = 0;
    QString m_workspaceId;
    QString m_prefix;
    // Shared with the thread-exit hooks, which may run after this Database is gone.
    struct Connections
    {
        QMutex mutex;
        QHash<const void *, QString> byThread;
    };
    std::shared_ptr<Connections> m_connections = std::make_shared<Connections>();
    std::unique_ptr<DatabaseWriter> m_writer;
};
