#include "syncscheduler.h"

#include <QSettings>

SyncScheduler::SyncScheduler(QObject *parent)
    : QObject(parent)
{
    // Half a minute is fine enough for five-minute intervals and costs nothing.
    m_timer.setInterval(30 * 1000);
    connect(&m_timer, &QTimer::timeout, this, [this] { check(); });
    m_timer.start();
}

QList<int> SyncScheduler::choices()
{
    return {0, 5, 15, 60};
}

QString SyncScheduler::key(qint64 sourceId) const
{
    return QStringLiteral("connections/schedule/%1/%2").arg(m_workspaceId).arg(sourceId);
}

void SyncScheduler::setWorkspace(const QString &workspaceId, const QList<qint64> &sourceIds)
{
    if (workspaceId != m_workspaceId) {
        m_minutes.clear();
        m_last.clear();
    }
    m_workspaceId = workspaceId;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QSettings settings;
    QHash<qint64, int> minutes;
    for (qint64 id : sourceIds) {
        const int value = settings.value(key(id), 0).toInt();
        if (!choices().contains(value) || value == 0)
            continue;
        minutes.insert(id, value);
        if (!m_last.contains(id))
            m_last.insert(id, now);
    }
    m_minutes = minutes;
}

int SyncScheduler::interval(qint64 sourceId) const
{
    return m_minutes.value(sourceId, 0);
}

void SyncScheduler::setInterval(qint64 sourceId, int minutes)
{
    if (m_workspaceId.isEmpty() || !choices().contains(minutes))
        return;
    QSettings settings;
    if (minutes == 0) {
        settings.remove(key(sourceId));
        m_minutes.remove(sourceId);
        return;
    }
    settings.setValue(key(sourceId), minutes);
    m_minutes.insert(sourceId, minutes);
    if (!m_last.contains(sourceId))
        m_last.insert(sourceId, QDateTime::currentDateTimeUtc());
}

void SyncScheduler::markSynced(qint64 sourceId, const QDateTime &when)
{
    m_last.insert(sourceId, when);
}

QList<qint64> SyncScheduler::check(const QDateTime &now)
{
    QList<qint64> due;
    for (auto it = m_minutes.cbegin(); it != m_minutes.cend(); ++it) {
        const QDateTime last = m_last.value(it.key());
        if (!last.isValid() || last.addSecs(qint64(it.value()) * 60) <= now)
            due.append(it.key());
    }
    std::sort(due.begin(), due.end());
    for (qint64 id : std::as_const(due))
        m_last.insert(id, now);
    if (!due.isEmpty())
        Q_EMIT syncDue(due);
    return due;
}
