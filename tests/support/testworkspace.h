#pragma once

#include "database.h"

#include <QByteArray>
#include <QTemporaryDir>

// A workspace in a temporary folder, removed with the test.
class TestWorkspace
{
public:
    TestWorkspace();

    QString folder() const { return m_dir.path(); }
    QString databasePath() const;
    // Opens (and migrates) the workspace; fails the test on error.
    std::unique_ptr<Database> open() const;

    static QByteArray fileDigest(const QString &path);
    // A digest of every row of a table in a stable order, to compare two workspaces.
    static QByteArray tableDigest(const QSqlDatabase &db, const QString &table);

private:
    QTemporaryDir m_dir;
};
