#pragma once

#include "migration.h"

#include <QSqlDatabase>

// Brings a workspace database up to the newest schema, one transaction per migration,
// recording each applied version in schema_migrations.
class Migrator
{
public:
    Migrator(QSqlDatabase db, QList<Migration> migrations);

    // The highest version recorded in the database; 0 for a database never migrated.
    // Returns -1 and sets error when the database cannot be read.
    static int currentVersion(const QSqlDatabase &db, QString *error);

    int latestVersion() const;

    // Applies every migration above the current version, up to targetVersion (default: all).
    // On failure the failing migration is rolled back and error names it.
    bool migrate(QString *error, int targetVersion = -1);

private:
    bool apply(const Migration &migration, QString *error);

    QSqlDatabase m_db;
    QList<Migration> m_migrations;
};
