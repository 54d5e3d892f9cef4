#include "fakeamplitude.h"

#include <QJsonDocument>

#include <zlib.h>

namespace {

const QString projectId = QStringLiteral("187520");

void put16(QByteArray &out, quint32 value)
{
    out.append(char(value & 0xff)).append(char((value >> 8) & 0xff));
}

void put32(QByteArray &out, quint32 value)
{
    put16(out, value & 0xffff);
    put16(out, value >> 16);
}

QDateTime hourOf(const QDateTime &when)
{
    const QDateTime utc = when.toUTC();
    return QDateTime(utc.date(), QTime(utc.time().hour(), 0), Qt::UTC);
}

QDateTime parseHour(const QString &text)
{
    QDateTime hour = QDateTime::fromString(text, QStringLiteral("yyyyMMdd'T'HH"));
    hour.setTimeSpec(Qt::UTC);
    return hour;
}

// Amplitude's error bodies are not documented for the Export API; its other REST APIs answer
// {"error": "..."}, which is what this fake sends.
FakeHttpServer::Response text(int status, const QByteArray &message)
{
    return FakeHttpServer::Response::json(
        QJsonDocument(QJsonObject{{QStringLiteral("error"), QString::fromUtf8(message)}})
            .toJson(QJsonDocument::Compact),
        status);
}

} // namespace

FakeAmplitude::FakeAmplitude(FakeHttpServer &server, const QByteArray &apiKey,
                             const QByteArray &secretKey)
    : m_data(std::make_shared<Data>())
{
    const QByteArray authorization = "Basic " + QByteArray(apiKey + ':' + secretKey).toBase64();
    server.route("GET", QStringLiteral("/api/2/export"),
                 [data = m_data, authorization](const FakeHttpServer::Request &request) {
                     if (request.header("authorization") != authorization)
                         return text(401, "Invalid API key");
                     const QString startText =
                         request.query.queryItemValue(QStringLiteral("start"));
                     const QString endText = request.query.queryItemValue(QStringLiteral("end"));
                     const QDateTime start = parseHour(startText);
                     const QDateTime end = parseHour(endText);
                     if (!start.isValid() || !end.isValid() || end < start)
                         return text(400, "Invalid start or end time: expected YYYYMMDDTHH, "
                                          "got start=" +
                                              startText.toUtf8() + " end=" + endText.toUtf8());
                     QMutexLocker lock(&data->mutex);
                     data->ranges.append({startText, endText});
                     if (start == end && data->rawHours.contains(start)) {
                         FakeHttpServer::Response response;
                         response.body = data->rawHours.value(start);
                         response.withHeader("Content-Type", "application/zip");
                         return response;
                     }
                     QList<QPair<QString, QByteArray>> files;
                     for (auto it = data->hours.lowerBound(start);
                          it != data->hours.constEnd() && it.key() <= end; ++it) {
                         // Amplitude splits an hour into several files; two lines each here.
                         const QList<QByteArray> &lines = it.value();
                         for (int part = 0; part * 2 < lines.size(); ++part) {
                             QByteArray body;
                             for (int i = part * 2; i < qMin(lines.size(), part * 2 + 2); ++i)
                                 body += lines.at(i) + '\n';
                             files.append({QStringLiteral("%1/%1_%2_%3#%4.json.gz")
                                               .arg(projectId,
                                                    it.key().toString(QStringLiteral("yyyy-MM-dd")))
                                               .arg(it.key().time().hour())
                                               .arg(part),
                                           gzip(body)});
                         }
                     }
                     if (files.isEmpty())
                         return text(404, "Raw data files were not found.");
                     FakeHttpServer::Response response;
                     response.body = zip(files);
                     response.withHeader("Content-Type", "application/zip");
                     return response;
                 });
}

QJsonObject FakeAmplitude::event(const QString &type, const QString &userId, const QDateTime &at,
                                 const QDateTime &uploaded)
{
    const auto stamp = [](const QDateTime &when) -> QString {
        return when.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")) +
               QStringLiteral("456");
    };
    return {{QStringLiteral("event_type"), type},
            {QStringLiteral("user_id"), userId.isEmpty() ? QJsonValue() : QJsonValue(userId)},
            {QStringLiteral("device_id"), QStringLiteral("C8F9E604-F01A-4BD9-95C6-8E5357DF265D")},
            {QStringLiteral("amplitude_id"), 12345678901.0},
            {QStringLiteral("uuid"),
             QStringLiteral("%1-%2-%3").arg(type, userId).arg(at.toMSecsSinceEpoch())},
            {QStringLiteral("$insert_id"),
             QStringLiteral("ins-%1-%2").arg(userId).arg(at.toMSecsSinceEpoch())},
            {QStringLiteral("event_time"), stamp(at)},
            {QStringLiteral("client_event_time"), stamp(at)},
            {QStringLiteral("server_received_time"), stamp(uploaded)},
            {QStringLiteral("server_upload_time"), stamp(uploaded)},
            {QStringLiteral("processed_time"), stamp(uploaded)},
            {QStringLiteral("session_id"), double(at.toMSecsSinceEpoch())},
            {QStringLiteral("app"), 187520},
            {QStringLiteral("platform"), QStringLiteral("Web")},
            {QStringLiteral("os_name"), QStringLiteral("Chrome")},
            {QStringLiteral("country"), QStringLiteral("Portugal")},
            {QStringLiteral("city"), QStringLiteral("Lisbon")},
            {QStringLiteral("paying"), QJsonValue()},
            {QStringLiteral("library"), QStringLiteral("amplitude-ts/2.11.0")},
            {QStringLiteral("event_properties"),
             QJsonObject{{QStringLiteral("format"), QStringLiteral("csv")}}},
            {QStringLiteral("user_properties"),
             QJsonObject{{QStringLiteral("plan"), QStringLiteral("Premium")}}},
            {QStringLiteral("group_properties"), QJsonObject()}};
}

void FakeAmplitude::addEvent(const QJsonObject &event, const QDateTime &uploaded)
{
    QMutexLocker lock(&m_data->mutex);
    m_data->hours[hourOf(uploaded)].append(QJsonDocument(event).toJson(QJsonDocument::Compact));
}

void FakeAmplitude::setRawHour(const QDateTime &hour, const QByteArray &archive)
{
    QMutexLocker lock(&m_data->mutex);
    m_data->rawHours.insert(hourOf(hour), archive);
}

QList<QPair<QString, QString>> FakeAmplitude::ranges() const
{
    QMutexLocker lock(&m_data->mutex);
    return m_data->ranges;
}

void FakeAmplitude::clearLog()
{
    QMutexLocker lock(&m_data->mutex);
    m_data->ranges.clear();
}

QByteArray FakeAmplitude::gzip(const QByteArray &data)
{
    z_stream stream{};
    deflateInit2(&stream, Z_BEST_SPEED, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
    QByteArray out(qsizetype(deflateBound(&stream, uLong(data.size())) + 32), Qt::Uninitialized);
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    stream.avail_in = uInt(data.size());
    stream.next_out = reinterpret_cast<Bytef *>(out.data());
    stream.avail_out = uInt(out.size());
    deflate(&stream, Z_FINISH);
    out.resize(qsizetype(stream.total_out));
    deflateEnd(&stream);
    return out;
}

QByteArray FakeAmplitude::zip(const QList<QPair<QString, QByteArray>> &files)
{
    QByteArray out;
    QByteArray directory;
    for (const auto &[name, contents] : files) {
        const QByteArray fileName = name.toUtf8();
        const auto crc = quint32(
            crc32(0, reinterpret_cast<const Bytef *>(contents.constData()), uInt(contents.size())));
        const auto offset = quint32(out.size());
        // Local header: version, flags (UTF-8 names), method 0 (stored), time, date.
        put32(out, 0x04034b50);
        for (quint32 value : {10u, 0x0800u, 0u, 0u, 0x21u})
            put16(out, value);
        put32(out, crc);
        put32(out, quint32(contents.size()));
        put32(out, quint32(contents.size()));
        put16(out, quint32(fileName.size()));
        put16(out, 0);
        out.append(fileName).append(contents);

        put32(directory, 0x02014b50);
        for (quint32 value : {10u, 10u, 0x0800u, 0u, 0u, 0x21u})
            put16(directory, value);
        put32(directory, crc);
        put32(directory, quint32(contents.size()));
        put32(directory, quint32(contents.size()));
        put16(directory, quint32(fileName.size()));
        for (quint32 value : {0u, 0u, 0u, 0u})
            put16(directory, value);
        put32(directory, 0);
        put32(directory, offset);
        directory.append(fileName);
    }
    const auto directoryOffset = quint32(out.size());
    out.append(directory);
    put32(out, 0x06054b50);
    put16(out, 0);
    put16(out, 0);
    put16(out, quint32(files.size()));
    put16(out, quint32(files.size()));
    put32(out, quint32(directory.size()));
    put32(out, directoryOffset);
    put16(out, 0);
    return out;
}
