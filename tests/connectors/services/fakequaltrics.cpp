#include "fakequaltrics.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMutexLocker>
#include <QUuid>

#include <zlib.h>

namespace {

using Response = FakeHttpServer::Response;

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonObject meta(const QString &status)
{
    return QJsonObject{
        {QStringLiteral("httpStatus"), status},
        {QStringLiteral("requestId"), QUuid::createUuid().toString(QUuid::WithoutBraces)}};
}

QByteArray ok(const QJsonObject &result)
{
    return compact({{QStringLiteral("result"), result},
                    {QStringLiteral("meta"), meta(QStringLiteral("200 - OK"))}});
}

void put16(QByteArray &out, quint32 value)
{
    out.append(char(value & 0xff)).append(char((value >> 8) & 0xff));
}

void put32(QByteArray &out, quint32 value)
{
    put16(out, value & 0xffff);
    put16(out, value >> 16);
}

} // namespace

QByteArray FakeQualtrics::error(int status, const QString &code, const QString &message)
{
    static const QMap<int, QString> phrases{{400, QStringLiteral("Bad Request")},
                                            {401, QStringLiteral("Unauthorized")},
                                            {404, QStringLiteral("Not Found")},
                                            {429, QStringLiteral("Too Many Requests")}};
    QJsonObject body = meta(QStringLiteral("%1 - %2").arg(status).arg(phrases.value(status)));
    body.insert(QStringLiteral("error"), QJsonObject{{QStringLiteral("errorMessage"), message},
                                                     {QStringLiteral("errorCode"), code}});
    return compact({{QStringLiteral("meta"), body}});
}

QByteArray FakeQualtrics::zip(const QString &name, const QByteArray &contents)
{
    z_stream stream{};
    deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
    QByteArray data(qsizetype(deflateBound(&stream, uLong(contents.size()))), Qt::Uninitialized);
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(contents.constData()));
    stream.avail_in = uInt(contents.size());
    stream.next_out = reinterpret_cast<Bytef *>(data.data());
    stream.avail_out = uInt(data.size());
    deflate(&stream, Z_FINISH);
    data.resize(qsizetype(stream.total_out));
    deflateEnd(&stream);
    const auto crc = quint32(
        crc32(0, reinterpret_cast<const Bytef *>(contents.constData()), uInt(contents.size())));
    const QByteArray fileName = name.toUtf8();

    QByteArray out;
    put32(out, 0x04034b50);
    for (quint32 value : {20u, 0x0800u, 8u, 0u, 0u})
        put16(out, value);
    put32(out, crc);
    put32(out, quint32(data.size()));
    put32(out, quint32(contents.size()));
    put16(out, quint32(fileName.size()));
    put16(out, 0);
    out.append(fileName).append(data);
    const auto directory = quint32(out.size());
    put32(out, 0x02014b50);
    for (quint32 value : {20u, 20u, 0x0800u, 8u, 0u, 0u})
        put16(out, value);
    put32(out, crc);
    put32(out, quint32(data.size()));
    put32(out, quint32(contents.size()));
    put16(out, quint32(fileName.size()));
    for (quint32 value : {0u, 0u, 0u, 0u})
        put16(out, value);
    put32(out, 0);
    put32(out, 0);
    out.append(fileName);
    const auto directorySize = quint32(out.size()) - directory;
    put32(out, 0x06054b50);
    for (quint32 value : {0u, 0u, 1u, 1u})
        put16(out, value);
    put32(out, directorySize);
    put32(out, directory);
    put16(out, 0);
    return out;
}

FakeQualtrics::FakeQualtrics(FakeHttpServer &server, const QByteArray &token)
    : m_data(std::make_shared<Data>())
{
    m_data->token = token;
    const std::shared_ptr<Data> data = m_data;
    server.routePrefix("*", QStringLiteral("/API/v3/surveys/"),
                       [data](const FakeHttpServer::Request &request) {
                           const QMutexLocker locker(&data->mutex);
                           return handle(*data, request);
                       });
}

FakeHttpServer::Response FakeQualtrics::handle(Data &data, const FakeHttpServer::Request &request)
{
    if (request.header("x-api-token") != data.token) {
        return Response::json(error(401, QStringLiteral("AUTH_1.2"),
                                    QStringLiteral("Authentication failed. Please verify your "
                                                   "API token.")),
                              401);
    }
    // "", "API", "v3", "surveys", SURVEY, "export-responses", [ID, ["file"]]
    const QStringList parts = request.path.split(QLatin1Char('/'));
    if (parts.size() < 6 || parts.at(5) != QLatin1String("export-responses")) {
        return Response::json(error(404, QStringLiteral("GS_1.1"),
                                    QStringLiteral("The requested resource does not exist.")),
                              404);
    }
    const QString survey = parts.at(4);
    if (!data.surveys.contains(survey)) {
        return Response::json(error(404, QStringLiteral("SS_1.2"),
                                    QStringLiteral("Survey %1 was not found.").arg(survey)),
                              404);
    }
    if (parts.size() == 6 && request.method == "POST") {
        const QJsonObject body = QJsonDocument::fromJson(request.body).object();
        data.exportRequests.append(body);
        const QString format = body.value(QStringLiteral("format")).toString();
        if (format != QLatin1String("json") && format != QLatin1String("ndjson") &&
            format != QLatin1String("csv")) {
            return Response::json(error(400, QStringLiteral("RPE_1.1"),
                                        QStringLiteral("Invalid request. Missing or invalid "
                                                       "parameter format.")),
                                  400);
        }
        const QString startText = body.value(QStringLiteral("startDate")).toString();
        const QDateTime startDate = QDateTime::fromString(startText, Qt::ISODate);
        if (!startText.isEmpty() && !startDate.isValid()) {
            return Response::json(error(400, QStringLiteral("RPE_1.3"),
                                        QStringLiteral("Invalid request. The startDate '%1' is "
                                                       "not a valid ISO 8601 date.")
                                            .arg(startText)),
                                  400);
        }
        data.startDates.append(startText);
        Job job;
        job.surveyId = survey;
        for (const QJsonObject &response : std::as_const(data.surveys[survey])) {
            const QDateTime recorded =
                QDateTime::fromString(response.value(QStringLiteral("values"))
                                          .toObject()
                                          .value(QStringLiteral("recordedDate"))
                                          .toString(),
                                      Qt::ISODateWithMs);
            if (!startDate.isValid() || recorded >= startDate)
                job.responses.append(response);
        }
        const QString progressId =
            QStringLiteral("ES_%1").arg(++data.nextId, 15, 10, QLatin1Char('0'));
        data.jobs.insert(progressId, job);
        return Response::json(ok({{QStringLiteral("progressId"), progressId},
                                  {QStringLiteral("percentComplete"), 0.0},
                                  {QStringLiteral("status"), QStringLiteral("inProgress")}}));
    }
    if (parts.size() == 7 && request.method == "GET") {
        ++data.progressRequests;
        const auto job = data.jobs.find(parts.at(6));
        if (job == data.jobs.end()) {
            return Response::json(
                error(404, QStringLiteral("RPE_4.1"),
                      QStringLiteral("Export %1 was not found.").arg(parts.at(6))),
                404);
        }
        if (data.failExports) {
            return Response::json(ok({{QStringLiteral("percentComplete"), 40.0},
                                      {QStringLiteral("status"), QStringLiteral("failed")}}));
        }
        if (++job->polls <= data.pollsBeforeComplete) {
            return Response::json(ok({{QStringLiteral("percentComplete"),
                                       100.0 * job->polls / (data.pollsBeforeComplete + 1)},
                                      {QStringLiteral("status"), QStringLiteral("inProgress")}}));
        }
        const QString fileId =
            QUuid::createUuid().toString(QUuid::WithoutBraces) + QStringLiteral("-def");
        data.files.insert(fileId, *job);
        return Response::json(ok({{QStringLiteral("fileId"), fileId},
                                  {QStringLiteral("percentComplete"), 100.0},
                                  {QStringLiteral("status"), QStringLiteral("complete")}}));
    }
    if (parts.size() == 8 && parts.at(7) == QLatin1String("file") && request.method == "GET") {
        const auto file = data.files.constFind(parts.at(6));
        if (file == data.files.constEnd()) {
            return Response::json(error(404, QStringLiteral("RPE_4.2"),
                                        QStringLiteral("File %1 was not found.").arg(parts.at(6))),
                                  404);
        }
        QJsonArray responses;
        for (const QJsonObject &response : file->responses)
            responses.append(response);
        data.served += int(responses.size());
        const QByteArray json = compact({{QStringLiteral("responses"), responses}});
        QByteArray archive =
            zip(QStringLiteral("Customer pulse %1.json").arg(file->surveyId), json);
        switch (data.fileFault) {
        case FileFault::None:
            break;
        case FileFault::Truncated:
            archive.truncate(archive.size() * 2 / 3); // a file cut short, with a matching length
            break;
        case FileFault::Corrupt:
            // Inside the compressed data, which lies in the middle of a one-file archive.
            archive[archive.size() / 2] = char(archive[archive.size() / 2] ^ 0x5a);
            archive[archive.size() / 2 + 1] = char(archive[archive.size() / 2 + 1] ^ 0x5a);
            break;
        case FileFault::NotAZip:
            archive = "<html><body>Maintenance</body></html>";
            break;
        }
        Response response;
        response.status = 200;
        response.body = archive;
        response.withHeader("Content-Type", "application/zip");
        return response;
    }
    return Response::json(error(404, QStringLiteral("GS_1.1"),
                                QStringLiteral("The requested resource does not exist.")),
                          404);
}

void FakeQualtrics::addSurvey(const QString &surveyId)
{
    const QMutexLocker locker(&m_data->mutex);
    m_data->surveys[surveyId];
}

void FakeQualtrics::addResponse(const QString &surveyId, const QJsonObject &response)
{
    const QMutexLocker locker(&m_data->mutex);
    m_data->surveys[surveyId].append(response);
}

QJsonObject FakeQualtrics::response(int n, const QDateTime &recorded, int nps, int csat,
                                    const QString &comment)
{
    const QString id =
        QStringLiteral("R_%1").arg(QStringLiteral("1hZ3x%1").arg(n, 10, 10, QLatin1Char('0')));
    QJsonObject values{
        {QStringLiteral("startDate"), recorded.addSecs(-95).toUTC().toString(Qt::ISODate)},
        {QStringLiteral("endDate"), recorded.addMSecs(-400).toUTC().toString(Qt::ISODate)},
        {QStringLiteral("status"), 0},
        {QStringLiteral("ipAddress"), QStringLiteral("203.0.113.%1").arg(n % 250)},
        {QStringLiteral("progress"), 100},
        {QStringLiteral("duration"), 95},
        {QStringLiteral("finished"), 1},
        {QStringLiteral("recordedDate"), recorded.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("_recordId"), id},
        {QStringLiteral("locationLatitude"), QStringLiteral("52.3676")},
        {QStringLiteral("locationLongitude"), QStringLiteral("4.9041")},
        {QStringLiteral("distributionChannel"), QStringLiteral("email")},
        {QStringLiteral("userLanguage"), QStringLiteral("EN")},
        {QStringLiteral("recipientEmail"), QStringLiteral("customer%1@example.com").arg(n)},
        {QStringLiteral("recipientFirstName"), QStringLiteral("Dana")},
        {QStringLiteral("externalDataReference"), QStringLiteral("acct-%1").arg(n)},
    };
    QJsonObject labels{{QStringLiteral("status"), QStringLiteral("IP Address")},
                       {QStringLiteral("finished"), QStringLiteral("True")}};
    QJsonArray displayed;
    QJsonObject displayedValues;
    if (nps >= 0) {
        values.insert(QStringLiteral("QID3"), nps);
        values.insert(QStringLiteral("QID3_NPS_GROUP"), nps >= 9 ? 3 : nps >= 7 ? 2 : 1);
        labels.insert(QStringLiteral("QID3"), QString::number(nps));
        labels.insert(QStringLiteral("QID3_NPS_GROUP"), nps >= 9   ? QStringLiteral("Promoter")
                                                        : nps >= 7 ? QStringLiteral("Passive")
                                                                   : QStringLiteral("Detractor"));
        displayed.append(QStringLiteral("QID3"));
        displayedValues.insert(QStringLiteral("QID3"),
                               QJsonArray{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
    }
    if (csat >= 0) {
        values.insert(QStringLiteral("QID4"), csat);
        labels.insert(QStringLiteral("QID4"),
                      csat >= 4 ? QStringLiteral("Satisfied") : QStringLiteral("Not satisfied"));
        displayed.append(QStringLiteral("QID4"));
        displayedValues.insert(QStringLiteral("QID4"), QJsonArray{1, 2, 3, 4, 5});
    }
    if (!comment.isEmpty()) {
        values.insert(QStringLiteral("QID5_TEXT"), comment);
        displayed.append(QStringLiteral("QID5_TEXT"));
    }
    return QJsonObject{{QStringLiteral("responseId"), id},
                       {QStringLiteral("values"), values},
                       {QStringLiteral("labels"), labels},
                       {QStringLiteral("displayedFields"), displayed},
                       {QStringLiteral("displayedValues"), displayedValues}};
}

void FakeQualtrics::setPollsBeforeComplete(int polls)
{
    const QMutexLocker locker(&m_data->mutex);
    m_data->pollsBeforeComplete = polls;
}

void FakeQualtrics::setFailExports(bool fail)
{
    const QMutexLocker locker(&m_data->mutex);
    m_data->failExports = fail;
}

void FakeQualtrics::setFileFault(FileFault fault)
{
    const QMutexLocker locker(&m_data->mutex);
    m_data->fileFault = fault;
}

QStringList FakeQualtrics::startDates() const
{
    const QMutexLocker locker(&m_data->mutex);
    return m_data->startDates;
}

QList<QJsonObject> FakeQualtrics::exportRequests() const
{
    const QMutexLocker locker(&m_data->mutex);
    return m_data->exportRequests;
}

int FakeQualtrics::progressRequests() const
{
    const QMutexLocker locker(&m_data->mutex);
    return m_data->progressRequests;
}

int FakeQualtrics::responsesServed() const
{
    const QMutexLocker locker(&m_data->mutex);
    return m_data->served;
}

void FakeQualtrics::clearLog()
{
    const QMutexLocker locker(&m_data->mutex);
    m_data->startDates.clear();
    m_data->exportRequests.clear();
    m_data->progressRequests = 0;
    m_data->served = 0;
}
