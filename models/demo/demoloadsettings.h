#pragma once

#include <QList>
#include <QPair>
#include <QSqlDatabase>
#include <QString>

// Connection settings for writing a whole demo workspace in one transaction; the destructor
// puts the previous ones back. Apply outside a transaction: SQLite ignores foreign_keys and
// may refuse temp_store inside one.
class DemoLoadSettings
{
public:
    explicit DemoLoadSettings(const QSqlDatabase &db);
    ~DemoLoadSettings();

    DemoLoadSettings(const DemoLoadSettings &) = delete;
    DemoLoadSettings &operator=(const DemoLoadSettings &) = delete;

private:
    void set(const char *pragma, const QString &value);

    QSqlDatabase m_db;
    QList<QPair<QString, QString>> m_previous; // pragma and its value before the load
    bool m_leftWal = false;
};
