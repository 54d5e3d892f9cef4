#include "qualtricshook.h"

#include "engine/jsonslices.h"
#include "engine/zipreader.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QStringList>
#include <QThread>

#include <cmath>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("QualtricsExportHook", text);
}

const QByteArray noRecords = "{\"responses\":[]}";

// A number from a value Qualtrics gives as a number or as digits; NaN otherwise.
double numberOf(const QJsonValue &value)
{
    if (value.isDouble())
        return value.toDouble();
    if (value.isString()) {
        bool ok = false;
        const double number = value.toString().trimmed().toDouble(&ok);
        if (ok)
            return number;
    }
    return std::nan("");
}

QJsonObject resultOf(const QByteArray &body, QString *error)
{
    QJsonParseError parse{};
    const QJsonDocument document = QJsonDocument::fromJson(body, &parse);
    const QJsonObject result = document.object().value(QStringLiteral("result")).toObject();
    if (!document.isObject() || result.isEmpty()) {
        *error = tr("the answer has no \"result\" object (%1)")
                     .arg(parse.error == QJsonParseError::NoError ? tr("unexpected shape")
                                                                  : parse.errorString());
    }
    return result;
}

HttpRequest getRequest(const HttpRequest &current, const QUrl &url)
{
    HttpRequest next = current;
    next.method = "GET";
    next.url = url;
    next.body.clear();
    next.headers.removeIf([](const QPair<QByteArray, QByteArray> &header) {
        return header.first.compare("content-type", Qt::CaseInsensitive) == 0;
    });
    return next;
}

// The JSON or NDJSON file inside the export ZIP.
bool exportFileText(const QByteArray &file, QByteArray *text, bool *lines, QString *error)
{
    if (!file.startsWith("PK")) {
        // An export started with "compress": false is the JSON file itself.
        *text = file;
        *lines = false;
        return true;
    }
    ZipReader zip(file);
    if (!zip.open(error))
        return false;
    const ZipReader::Entry *found = nullptr;
    QStringList names;
    for (const ZipReader::Entry &entry : zip.entries()) {
        if (entry.isDirectory())
            continue;
        names.append(entry.name);
        const QString lower = entry.name.toLower();
        if (lower.endsWith(QLatin1String(".json")) || lower.endsWith(QLatin1String(".ndjson"))) {
            if (found) {
                *error = tr("the export ZIP holds more than one JSON file (%1)")
                             .arg(names.join(QStringLiteral(", ")));
                return false;
            }
            found = &entry;
        }
    }
    if (!found) {
        *error = names.isEmpty() ? tr("the export ZIP is empty")
                                 : tr("the export ZIP holds no JSON file (only %1)")
                                       .arg(names.join(QStringLiteral(", ")));
        return false;
    }
    *lines = found->name.endsWith(QLatin1String(".ndjson"), Qt::CaseInsensitive);
    return zip.readAll(*found, text, error);
}

} // namespace

QualtricsExportHook::QualtricsExportHook()
    : QualtricsExportHook(Polling())
{
}

QualtricsExportHook::QualtricsExportHook(Polling polling)
    : m_polling(polling)
{
}

bool QualtricsExportHook::prepareRequest(HttpRequest &request, const Source &source,
                                         const StreamSpec &, QString *)
{
    // Called once per survey: each runs its own export.
    m_questions.nps = source.settings.value(QStringLiteral("nps_question")).toString();
    m_questions.csat = source.settings.value(QStringLiteral("csat_question")).toString();
    m_questions.comment = source.settings.value(QStringLiteral("comment_question")).toString();
    m_step = Step::Start;
    m_exportUrl = request.url;
    m_progressId.clear();
    m_fileId.clear();
    m_percent = 0;
    m_delayMs = m_polling.firstDelayMs;
    return true;
}

bool QualtricsExportHook::readProgress(const QJsonObject &result, QString *error)
{
    const QString status = result.value(QStringLiteral("status")).toString();
    m_percent = result.value(QStringLiteral("percentComplete")).toDouble();
    if (status == QLatin1String("complete")) {
        m_fileId = result.value(QStringLiteral("fileId")).toString();
        if (m_fileId.isEmpty()) {
            *error = tr("Qualtrics says the export is complete but names no fileId");
            return false;
        }
        m_step = Step::File;
        return true;
    }
    if (status == QLatin1String("inProgress"))
        return true;
    *error = status == QLatin1String("failed")
                 ? tr("Qualtrics could not complete the response export (status \"failed\")")
                 : tr("Qualtrics reports the response export as \"%1\"").arg(status);
    return false;
}

bool QualtricsExportHook::transformBody(QByteArray &body, QString *error)
{
    switch (m_step) {
    case Step::Start: {
        const QJsonObject result = resultOf(body, error);
        if (result.isEmpty())
            return false;
        m_progressId = result.value(QStringLiteral("progressId")).toString();
        if (m_progressId.isEmpty()) {
            *error = tr("Qualtrics started no export: the answer names no progressId");
            return false;
        }
        m_step = Step::Progress;
        m_waiting.start();
        body = noRecords;
        return true;
    }
    case Step::Progress: {
        const QJsonObject result = resultOf(body, error);
        if (result.isEmpty() || !readProgress(result, error))
            return false;
        body = noRecords;
        return true;
    }
    case Step::File: {
        QByteArray out;
        if (!responsesFromFile(body, m_questions, &out, error))
            return false;
        body = out;
        m_step = Step::Done;
        return true;
    }
    case Step::Done:
        break;
    }
    *error = tr("an answer arrived after the export was read");
    return false;
}

std::optional<HttpRequest> QualtricsExportHook::nextRequest(const HttpRequest &current,
                                                            const JsonRecord &, int, QString *error)
{
    switch (m_step) {
    case Step::Progress: {
        if (!m_progressId.isEmpty() && m_waiting.elapsed() > m_polling.maxWaitMs) {
            *error = tr("the Qualtrics export was not complete after %1 minutes (%2% done)")
                         .arg(m_polling.maxWaitMs / 60000)
                         .arg(m_percent);
            return std::nullopt;
        }
        // Qualtrics builds the file meanwhile; asking again at once would only spend requests.
        if (current.method == "GET") {
            QThread::msleep(ulong(m_delayMs));
            m_delayMs = qMin(m_polling.maxDelayMs, m_delayMs * 3 / 2);
        }
        QUrl url = m_exportUrl;
        url.setPath(url.path() + QLatin1Char('/') + m_progressId);
        return getRequest(current, url);
    }
    case Step::File: {
        QUrl url = m_exportUrl;
        url.setPath(url.path() + QLatin1Char('/') + m_fileId + QStringLiteral("/file"));
        return getRequest(current, url);
    }
    case Step::Start:
    case Step::Done:
        break;
    }
    return std::nullopt;
}

QJsonObject QualtricsExportHook::annotation(const QJsonObject &response, const Questions &questions)
{
    const QJsonObject values = response.value(QStringLiteral("values")).toObject();
    QJsonObject out;
    const double nps =
        questions.nps.isEmpty() ? std::nan("") : numberOf(values.value(questions.nps));
    const double csat =
        questions.csat.isEmpty() ? std::nan("") : numberOf(values.value(questions.csat));
    // An NPS answer is a whole number from 0 to 10; anything else is not a score.
    if (!std::isnan(nps) && nps >= 0 && nps <= 10 && nps == std::floor(nps)) {
        out.insert(QStringLiteral("score"), nps);
        out.insert(QStringLiteral("scoreKind"), QStringLiteral("nps"));
        out.insert(QStringLiteral("scoreQuestion"), questions.nps);
        const QString group = nps >= 9   ? tr("promoter")
                              : nps >= 7 ? tr("passive")
                                         : tr("detractor");
        out.insert(QStringLiteral("title"), tr("NPS %1 (%2)").arg(nps).arg(group));
    } else if (!std::isnan(csat) && csat >= 0) {
        out.insert(QStringLiteral("score"), csat);
        out.insert(QStringLiteral("scoreKind"), QStringLiteral("csat"));
        out.insert(QStringLiteral("scoreQuestion"), questions.csat);
        out.insert(QStringLiteral("title"), tr("CSAT %1").arg(csat));
    }
    if (!questions.comment.isEmpty()) {
        const QString comment = values.value(questions.comment).toString().trimmed();
        if (!comment.isEmpty())
            out.insert(QStringLiteral("comment"), comment);
    }
    return out;
}

bool QualtricsExportHook::responsesFromFile(const QByteArray &file, const Questions &questions,
                                            QByteArray *out, QString *error)
{
    QByteArray text;
    bool lines = false;
    if (!exportFileText(file, &text, &lines, error))
        return false;
    QList<QByteArrayView> responses;
    if (lines) {
        qsizetype start = 0;
        while (start < text.size()) {
            qsizetype end = text.indexOf('\n', start);
            if (end < 0)
                end = text.size();
            const QByteArrayView line = QByteArrayView(text).sliced(start, end - start).trimmed();
            if (!line.isEmpty())
                responses.append(line);
            start = end + 1;
        }
    } else if (!JsonSlices::arrayElements(text, QStringLiteral("responses"), &responses)) {
        *error = text.trimmed().startsWith('{')
                     ? tr("the export file has no \"responses\" list, or it is cut short")
                     : tr("the export file is not JSON");
        return false;
    }
    // Each response keeps its own bytes; "productHub" goes in front of its first member.
    out->clear();
    out->reserve(text.size() + responses.size() * 96 + 32);
    out->append("{\"responses\":[");
    for (qsizetype i = 0; i < responses.size(); ++i) {
        const QByteArrayView bytes = responses.at(i);
        QJsonParseError parse{};
        const QJsonDocument document = QJsonDocument::fromJson(bytes.toByteArray(), &parse);
        if (!document.isObject()) {
            *error = tr("response %1 of the export file is not a JSON object (%2)")
                         .arg(i + 1)
                         .arg(parse.error == QJsonParseError::NoError ? tr("not an object")
                                                                      : parse.errorString());
            return false;
        }
        if (i > 0)
            out->append(',');
        const QByteArray added =
            QJsonDocument(annotation(document.object(), questions)).toJson(QJsonDocument::Compact);
        const qsizetype open = bytes.indexOf('{');
        const bool empty = document.object().isEmpty();
        out->append("{\"productHub\":").append(added).append(empty ? "" : ",");
        out->append(bytes.sliced(open + 1));
    }
    out->append("]}");
    return true;
}

void registerQualtricsHooks()
{
    StreamHooks::add(QStringLiteral("qualtrics-export"),
                     [] { return std::make_unique<QualtricsExportHook>(); });
}
