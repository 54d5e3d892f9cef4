#pragma once

#include "fakehttpserver.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QMutex>
#include <QStringList>

#include <memory>

// Qualtrics' API v3 response export for some surveys, under /API/v3. Every request needs
// X-API-TOKEN. POST /surveys/{id}/export-responses with {"format", "startDate", "compress"}
// starts a job of the responses recorded at or after startDate and answers
// {"result": {"progressId", "percentComplete", "status": "inProgress"}, "meta": {...}};
// GET .../export-responses/{progressId} reports "inProgress" a few times, then "complete"
// with a fileId; GET .../export-responses/{fileId}/file is a ZIP holding "<survey>.json",
// {"responses": [...]}. Errors are {"meta": {"httpStatus", "error": {"errorMessage",
// "errorCode"}, "requestId"}}.
class FakeQualtrics
{
public:
    enum class FileFault { None, Truncated, Corrupt, NotAZip };

    FakeQualtrics(FakeHttpServer &server, const QByteArray &token);

    void addSurvey(const QString &surveyId);
    void addResponse(const QString &surveyId, const QJsonObject &response);
    // A response as Qualtrics exports it. A negative nps or csat leaves that question out.
    static QJsonObject response(int n, const QDateTime &recorded, int nps, int csat,
                                const QString &comment = {});

    void setPollsBeforeComplete(int polls);
    void setFailExports(bool fail);
    void setFileFault(FileFault fault);

    QStringList startDates() const; // of each export started, empty when absent
    QList<QJsonObject> exportRequests() const;
    int progressRequests() const;
    int responsesServed() const;
    void clearLog();

    static QByteArray error(int status, const QString &code, const QString &message);
    static QByteArray zip(const QString &name, const QByteArray &contents);

private:
    struct Job
    {
        QString surveyId;
        QList<QJsonObject> responses;
        int polls = 0;
    };
    struct Data
    {
        mutable QMutex mutex;
        QByteArray token;
        QMap<QString, QList<QJsonObject>> surveys;
        QMap<QString, Job> jobs;  // by progressId
        QMap<QString, Job> files; // by fileId
        int pollsBeforeComplete = 2;
        bool failExports = false;
        FileFault fileFault = FileFault::None;
        QStringList startDates;
        QList<QJsonObject> exportRequests;
        int progressRequests = 0;
        int served = 0;
        int nextId = 0;
    };
    static FakeHttpServer::Response handle(Data &data, const FakeHttpServer::Request &request);
    std::shared_ptr<Data> m_data;
};
