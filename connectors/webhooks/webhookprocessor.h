#pragma once

#include "webhookevent.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

// Turns a stored delivery into canonical rows and hub events. It runs inside a job of the
// workspace's single writer, in the same transaction that records the event's new status:
// the rows it writes land together with "processed", or not at all.
class WebhookProcessor
{
public:
    enum class Result {
        Processed, // canonical rows written
        Ignored,   // a delivery the hub has no use for (a ping, an unrelated event)
        Failed     // the payload could not be processed; error says why, retry later
    };

    struct Outcome
    {
        Result result = Result::Ignored;
        QString error;
        // The hub event types the delivery stands for (feature_release, user_feedback, ...).
        QStringList hubEvents;
    };

    virtual ~WebhookProcessor() = default;

    virtual Outcome process(QSqlDatabase &db, const WebhookEvent &event) = 0;
};
