#include "testworkspace.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

TestWorkspace::TestWorkspace()
{
    if (!m_dir.isValid())
        qFatal("Cannot create a temporary folder for a test workspace");
}

QString TestWorkspace::databasePath() const
{
    return Workspace(folder()).databasePath();
}

std::unique_ptr<Database> TestWorkspace::open() const
{
    Database::OpenResult result = Database::open(Workspace(folder()));
    if (!result.database)
        qWarning("Cannot open the test workspace: %s", qPrintable(result.message));
    return std::move(result.database);
}

QByteArray TestWorkspace::fileDigest(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return hash.result().toHex();
}

QByteArray TestWorkspace::tableDigest(const QSqlDatabase &db, const QString &table)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    // Every column, ordered by every column: independent of insertion order.
    if (!query.exec(QStringLiteral("SELECT * FROM ") + table + QStringLiteral(" LIMIT 0")))
        return query.lastError().text().toUtf8();
    const QSqlRecord record = query.record();
    QStringList columns;
    for (int i = 0; i < record.count(); ++i)
        columns.append(QString::number(i + 1));
    if (!query.exec(QStringLiteral("SELECT * FROM ") + table + QStringLiteral(" ORDER BY ") +
                    columns.join(QStringLiteral(", "))))
        return query.lastError().text().toUtf8();
    QCryptographicHash hash(QCryptographicHash::Sha256);
    while (query.next()) {
        for (int i = 0; i < record.count(); ++i) {
            hash.addData(query.value(i).toString().toUtf8());
            hash.addData(QByteArrayView("\x1f", 1));
        }
        hash.addData(QByteArrayView("\x1e", 1));
    }
    return hash.result().toHex();
}
