#include "usageperiod.h"

#include "isodate.h"

UsagePeriod::UsagePeriod(QString period)
    : m_period(std::move(period))
{
}

bool UsagePeriod::add(const QByteArray &userId, const QByteArray &eventName, const QDateTime &at)
{
    const int event = eventIndex(eventName);
    const int day = dayIndex(at);
    if (event >= MaxEventNames || day >= MaxDays)
        return false;
    const quint64 key =
        (quint64(quint32(userIndex(userId, at))) << 32) | (quint64(event) << 12) | quint64(day);
    ++m_counts[key];
    ++m_events;
    return true;
}

int UsagePeriod::userIndex(const QByteArray &userId, const QDateTime &at)
{
    const auto found = m_userIndex.constFind(userId);
    if (found != m_userIndex.constEnd()) {
        User &user = m_users[*found];
        if (at < user.firstSeen)
            user.firstSeen = at;
        return *found;
    }
    const int index = int(m_users.size());
    m_users.append({QString::fromUtf8(userId), at});
    m_userIndex.insert(QByteArray(userId.constData(), userId.size()), index); // may be raw data
    return index;
}

int UsagePeriod::eventIndex(const QByteArray &eventName)
{
    const auto found = m_eventIndex.constFind(eventName);
    if (found != m_eventIndex.constEnd())
        return *found;
    const int index = int(m_eventNames.size());
    m_eventNames.append(QString::fromUtf8(eventName));
    m_eventIndex.insert(QByteArray(eventName.constData(), eventName.size()), index);
    return index;
}

int UsagePeriod::dayIndex(const QDateTime &at)
{
    const qint64 epochDay = at.toSecsSinceEpoch() / 86400 - (at.toSecsSinceEpoch() < 0 ? 1 : 0);
    const auto found = m_dayIndex.constFind(epochDay);
    if (found != m_dayIndex.constEnd())
        return *found;
    const int index = int(m_days.size());
    m_days.append(IsoDate::day(at.toUTC().date()));
    m_dayIndex.insert(epochDay, index);
    return index;
}

QList<UsagePeriod::Count> UsagePeriod::counts() const
{
    QList<Count> result;
    result.reserve(m_counts.size());
    for (auto it = m_counts.constBegin(); it != m_counts.constEnd(); ++it)
        result.append({int(it.key() >> 32), int((it.key() >> 12) & (MaxEventNames - 1)),
                       int(it.key() & (MaxDays - 1)), it.value()});
    return result;
}
