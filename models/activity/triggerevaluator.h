#pragma once

#include "trigger.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>

#include <optional>

// A trigger that fired: its condition became true (or, for an event trigger, an event came).
struct TriggerFiring
{
    qint64 triggerId = 0;
    QString name;
    QString detail;
};

// Checks the user's triggers against the workspace, inside a writer job: each firing is
// recorded in the activity feed, in the same transaction as the trigger's new state.
namespace TriggerEvaluator {

struct Condition
{
    bool holds = false;
    std::optional<double> value;
    QString detail; // what made it hold, in words
};

// Evaluates every enabled trigger as of now.
std::optional<QList<TriggerFiring>> evaluate(QSqlDatabase &db, const QDateTime &now,
                                             QString *error);

// The condition of one (non-event) trigger as of now; read-only.
std::optional<Condition> check(const QSqlDatabase &db, const Trigger &trigger, const QDateTime &now,
                               QString *error);

} // namespace TriggerEvaluator
