#pragma once

#include "trigger.h"

#include <QList>
#include <QSqlDatabase>

#include <optional>

// Reads and writes the triggers table. Writes run in the caller's (writer) transaction.
namespace TriggerStore {

std::optional<QList<Trigger>> load(const QSqlDatabase &db, QString *error);

// Adds trigger (under its own id when it has one, so an undone delete comes back as it was).
// A new trigger (no id, or a lastActivityId below 0) starts after the newest activity entry:
// history does not fire it.
std::optional<qint64> insert(QSqlDatabase &db, const Trigger &trigger, QString *error);
// Saves name, kind, parameters and enabled. A changed condition starts over, unfired.
bool update(QSqlDatabase &db, const Trigger &trigger, QString *error);
bool remove(QSqlDatabase &db, qint64 id, QString *error);
// Saves what the evaluator learnt: active, last value, last firing, last entry looked at.
bool saveState(QSqlDatabase &db, const Trigger &trigger, QString *error);

} // namespace TriggerStore
