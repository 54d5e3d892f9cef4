#pragma once

#include "fakehttpserver.h"

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QMap>
#include <QMutex>

#include <memory>

// Mixpanel's raw event export, GET /api/2.0/export?project_id=&from_date=&to_date=, as it
// answers: the events of the inclusive UTC day range, one JSON object per line
// ({"event": ..., "properties": {"time": epoch seconds, "distinct_id", "$insert_id", ...}}),
// not de-duplicated, without pagination. Requests need a service account's Basic
// credentials and the project's id; others get Mixpanel's {"request", "error"} body.
class FakeMixpanel
{
public:
    FakeMixpanel(FakeHttpServer &server, const QByteArray &username, const QByteArray &secret,
                 const QString &projectId);

    // An event line as the export writes it.
    static QJsonObject event(const QString &name, const QString &distinctId, const QDateTime &at,
                             const QString &insertId = QString());
    // Files the event under the UTC day of its properties.time.
    void addEvent(const QJsonObject &event);
    // A day's export body replaced by these bytes, as a damaged export would be.
    void setRawDay(const QDate &day, const QByteArray &body);

    // The (from_date, to_date) of each export request, in order.
    QList<QPair<QString, QString>> ranges() const;
    void clearLog();

    static QByteArray error(const QString &request, const QString &message);

private:
    struct Data
    {
        mutable QMutex mutex;
        QMap<QDate, QByteArray> days;
        QList<QPair<QString, QString>> ranges;
    };
    std::shared_ptr<Data> m_data;
};
