#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

// The events of one period of an export (a day, an hour), already counted: per user, event
// name and UTC day, how many events. Its size grows with the distinct users and event names
// of the period, never with the number of events.
class UsagePeriod
{
public:
    explicit UsagePeriod(QString period = QString());

    const QString &period() const { return m_period; }
    // Counts one event. userId is the service's id of the user; at is when it happened. The
    // texts are copied when kept, so they may wrap a caller's buffer (QByteArray::fromRawData).
    // False when the period holds more distinct event names or days than can be counted.
    bool add(const QByteArray &userId, const QByteArray &eventName, const QDateTime &at);
    qint64 events() const { return m_events; }
    bool isEmpty() const { return m_counts.isEmpty(); }

    struct User
    {
        QString externalId;
        QDateTime firstSeen;
    };
    struct Count
    {
        int user; // index into users()
        int event;
        int day;
        qint64 count;
    };
    const QList<User> &users() const { return m_users; }
    const QList<QString> &eventNames() const { return m_eventNames; }
    const QList<QString> &days() const { return m_days; }
    QList<Count> counts() const;

    static constexpr int MaxEventNames = 1 << 20;
    static constexpr int MaxDays = 1 << 12;

private:
    int userIndex(const QByteArray &userId, const QDateTime &at);
    int eventIndex(const QByteArray &eventName);
    int dayIndex(const QDateTime &at);

    QString m_period;
    qint64 m_events = 0;
    QList<User> m_users;
    QHash<QByteArray, int> m_userIndex;
    QList<QString> m_eventNames;
    QHash<QByteArray, int> m_eventIndex;
    QList<QString> m_days;
    QHash<qint64, int> m_dayIndex; // by days since the epoch
    // (user, event, day) packed: 32 bits of user, 20 of event, 12 of day.
    QHash<quint64, qint64> m_counts;
};
