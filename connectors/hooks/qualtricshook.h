#pragma once

#include "engine/streamhook.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QUrl>

// Qualtrics hands out responses through an asynchronous export, three different requests
// for one survey: POST .../export-responses starts it and answers a progressId; GET
// .../export-responses/{progressId} is asked until its status is "complete" and names a
// fileId; GET .../export-responses/{fileId}/file is a ZIP holding one JSON (or NDJSON) file
// of {"responses": [...]}. The hook walks these steps as the stream's pages (the first two
// give no records), unpacks the file, and adds to each response, under "productHub", what a
// mapping cannot compute: the score and its kind (nps or csat) from the questions the source
// names, a title, and the comment text.
class QualtricsExportHook : public StreamHook
{
public:
    struct Polling
    {
        int firstDelayMs = 500;
        int maxDelayMs = 5000;
        qint64 maxWaitMs = qint64(30) * 60 * 1000;
    };

    QualtricsExportHook();
    explicit QualtricsExportHook(Polling polling);

    bool prepareRequest(HttpRequest &request, const Source &source, const StreamSpec &stream,
                        QString *error) override;
    bool transformBody(QByteArray &body, QString *error) override;
    bool pagesItself() const override { return true; }
    std::optional<HttpRequest> nextRequest(const HttpRequest &current, const JsonRecord &body,
                                           int recordCount, QString *error) override;

    struct Questions
    {
        QString nps;
        QString csat;
        QString comment;
    };
    // The export file (a ZIP, or the JSON itself) as {"responses": [...]}, each response's
    // own bytes kept and "productHub" added. False with a message for a damaged or
    // unexpected file.
    static bool responsesFromFile(const QByteArray &file, const Questions &questions,
                                  QByteArray *out, QString *error);
    // What the hook adds to one response: {score, scoreKind, scoreQuestion, title, comment}.
    static QJsonObject annotation(const QJsonObject &response, const Questions &questions);

private:
    enum class Step { Start, Progress, File, Done };

    bool readProgress(const QJsonObject &result, QString *error);

    Polling m_polling;
    Questions m_questions;
    Step m_step = Step::Start;
    QUrl m_exportUrl; // .../surveys/{id}/export-responses
    QString m_progressId;
    QString m_fileId;
    double m_percent = 0;
    int m_delayMs = 0;
    QElapsedTimer m_waiting;
};

void registerQualtricsHooks();
