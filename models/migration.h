#pragma once

#include <QList>
#include <QString>

// One step of the workspace schema: applied once, in one transaction, in version order.
struct Migration
{
    int version = 0;
    QString name;
    QString sql;
};

namespace Migrations {

// The migrations shipped with the application (resources/migrations/NNNN_name.sql).
QList<Migration> bundled();

// The newest schema version this build knows.
int latestBundledVersion();

} // namespace Migrations
