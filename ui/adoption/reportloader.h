#pragma once

#include "metrics/reporttable.h"

#include <QHash>
#include <QObject>
#include <QSqlDatabase>

#include <functional>
#include <memory>
#include <optional>

class Database;

// Runs reports on worker threads, each with its own connection, and hands the results back
// on the UI thread. Requests are named: a newer request under a name makes the older one's
// result stale, and a stale result is dropped instead of overwriting the newer one.
class ReportLoader : public QObject
{
    Q_OBJECT
public:
    using Job = std::function<std::optional<ReportTable>(const QSqlDatabase &db, QString *error)>;

    explicit ReportLoader(QObject *parent = nullptr);

    void run(const QString &name, const std::shared_ptr<Database> &database, Job job);
    // Makes every request in flight stale, for example when the workspace changes.
    void cancelAll();
    bool isBusy() const { return !m_pending.isEmpty(); }
    bool isPending(const QString &name) const { return m_pending.contains(name); }

Q_SIGNALS:
    void loaded(const QString &name, const ReportTable &table);
    void failed(const QString &name, const QString &error);
    void busyChanged(bool busy);

private:
    QHash<QString, quint64> m_generation;
    QHash<QString, quint64> m_pending; // name -> generation still awaited
    quint64 m_next = 0;
};
