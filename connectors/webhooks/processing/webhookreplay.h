#pragma once

#include "webhooks/webhookprocessor.h"

#include <QSqlDatabase>

// Runs a processor again over one stored delivery and records the new status, inside a
// writer job: for the journal's Replay, and after a mapping fix.
namespace WebhookReplay {

// The stored delivery with id, as the receiver stored it; false with error if it is gone.
bool load(const QSqlDatabase &db, qint64 id, WebhookEvent *event, QString *error);

// Processes delivery id and sets its status and error. Returns false only when the
// workspace could not be read or written; a delivery that fails is recorded as failed.
bool replay(QSqlDatabase &db, WebhookProcessor &processor, qint64 id,
            WebhookProcessor::Outcome *outcome, QString *error);

} // namespace WebhookReplay
