#pragma once

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QTimer>

// Automatic incremental sync while the app runs: every source has an interval (off, 5, 15 or
// 60 minutes), remembered per workspace and source.
class SyncScheduler : public QObject
{
    Q_OBJECT
public:
    explicit SyncScheduler(QObject *parent = nullptr);

    static QList<int> choices(); // minutes; 0 is off

    // Forgets the previous workspace's timers and reads this one's from the settings.
    void setWorkspace(const QString &workspaceId, const QList<qint64> &sourceIds);
    int interval(qint64 sourceId) const;
    void setInterval(qint64 sourceId, int minutes);
    // A sync of the source ended (by schedule or by hand): the next one is an interval later.
    void markSynced(qint64 sourceId, const QDateTime &when = QDateTime::currentDateTimeUtc());

    // The sources whose time has come; emits syncDue when there are any.
    QList<qint64> check(const QDateTime &now = QDateTime::currentDateTimeUtc());

Q_SIGNALS:
    void syncDue(const QList<qint64> &sourceIds);

private:
    QString key(qint64 sourceId) const;

    QString m_workspaceId;
    QHash<qint64, int> m_minutes;
    QHash<qint64, QDateTime> m_last;
    QTimer m_timer;
};
