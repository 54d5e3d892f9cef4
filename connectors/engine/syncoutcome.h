#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>

// How one stream of one source ended.
struct StreamOutcome
{
    enum class Status { Ok, Failed, RateLimited, Cancelled };

    QString source;
    QString stream;
    Status status = Status::Ok;
    qint64 records = 0;
    int pages = 0;
    QString error;
    QDateTime resumeAt; // with RateLimited

    static QString statusName(Status status); // as stored in sync_runs
};

Q_DECLARE_METATYPE(StreamOutcome)
