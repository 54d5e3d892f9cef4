#pragma once

#include "fakehttpserver.h"

#include <QDateTime>
#include <QJsonObject>
#include <QMap>
#include <QMutex>

#include <memory>

// Amplitude's Export API, GET /api/2/export?start=YYYYMMDDTHH&end=YYYYMMDDTHH, as it answers:
// a ZIP archive holding, per hour of server_upload_time in the inclusive range, gzipped files
// of one event JSON object per line (PROJECT/PROJECT_YYYY-MM-DD_H#N.json.gz); 404 when the
// range holds no events, 400 for a malformed range, with {"error": ...} bodies. Requests need HTTP
// Basic with the project's API key and secret key.
class FakeAmplitude
{
public:
    FakeAmplitude(FakeHttpServer &server, const QByteArray &apiKey, const QByteArray &secretKey);

    // An event as the export writes it; event_time is written as Amplitude's examples show
    // ("2026-11-03 14:05:09.123456").
    static QJsonObject event(const QString &type, const QString &userId, const QDateTime &at,
                             const QDateTime &uploaded);
    // Files the event under the hour of its server_upload_time.
    void addEvent(const QJsonObject &event, const QDateTime &uploaded);
    // The archive for this hour replaced by these bytes.
    void setRawHour(const QDateTime &hour, const QByteArray &archive);

    // The (start, end) of each request, in order.
    QList<QPair<QString, QString>> ranges() const;
    void clearLog();

    // Stored (uncompressed) ZIP entries, as tests need to build damaged ones.
    static QByteArray zip(const QList<QPair<QString, QByteArray>> &files);
    static QByteArray gzip(const QByteArray &data);

private:
    struct Data
    {
        mutable QMutex mutex;
        QMap<QDateTime, QList<QByteArray>> hours; // lines
        QMap<QDateTime, QByteArray> rawHours;
        QList<QPair<QString, QString>> ranges;
    };
    std::shared_ptr<Data> m_data;
};
