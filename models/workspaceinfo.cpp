#include "workspaceinfo.h"

#include "canonicaltables.h"

#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

WorkspaceInfo WorkspaceInfo::collect(const QSqlDatabase &db, const QString &path, int schemaVersion)
{
    WorkspaceInfo info;
    info.path = path;
    info.schemaVersion = schemaVersion;
    info.fileSize = QFileInfo(path).size() + QFileInfo(path + QStringLiteral("-wal")).size();
    QSqlQuery query(db);
    for (const QString &table : CanonicalTables::all()) {
        // Table names come from our own fixed list, never from input.
        qint64 count = -1;
        if (query.exec(QStringLiteral("SELECT count(*) FROM ") + table) && query.next())
            count = query.value(0).toLongLong();
        info.rowCounts.append({table, count});
    }
    return info;
}

qint64 WorkspaceInfo::rowCount(const QString &table) const
{
    for (const auto &[name, count] : rowCounts) {
        if (name == table)
            return count;
    }
    return -1;
}

IntegrityReport IntegrityReport::run(const QSqlDatabase &db)
{
    IntegrityReport report;
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA integrity_check"))) {
        report.problems.append(query.lastError().text());
        return report;
    }
    while (query.next()) {
        const QString line = query.value(0).toString();
        if (line != QLatin1String("ok"))
            report.problems.append(line);
    }
    if (!query.exec(QStringLiteral("PRAGMA foreign_key_check"))) {
        report.problems.append(query.lastError().text());
        return report;
    }
    while (query.next()) {
        report.problems.append(QObject::tr("Row %1 of %2 refers to a missing row of %3")
                                   .arg(query.value(1).toString(), query.value(0).toString(),
                                        query.value(2).toString()));
    }
    if (query.exec(QStringLiteral("INSERT INTO feedback_fts(feedback_fts, rank) "
                                  "VALUES ('integrity-check', 1)"))) {
        // passes silently when the full-text index matches the feedback table
    } else {
        report.problems.append(QObject::tr("The feedback search index is out of step: %1")
                                   .arg(query.lastError().text()));
    }
    report.ok = report.problems.isEmpty();
    return report;
}
