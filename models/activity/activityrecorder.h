#pragma once

#include "hubevent.h"

#include <QSqlDatabase>
#include <QStringList>
#include <QVariantList>

// Writes hub events into the activity table, inside the caller's (writer) transaction.
namespace ActivityRecorder {

// Records event unless an entry with its dedupe key exists; inserted tells which.
bool record(QSqlDatabase &db, const HubEvent &event, bool *inserted, QString *error);

// The hub events a page of synced rows stands for: releases out, new feedback, deals won,
// merges, usage updates. Only happenings of the last RecentDays count: the first sync of a
// source brings years of history, which is not news. columns as RowWriter takes them.
bool recordSyncedPage(QSqlDatabase &db, const QString &stream, const QString &target,
                      qint64 sourceId, const QStringList &columns, const QList<QVariantList> &rows,
                      const QDateTime &now, QString *error);

inline constexpr int RecentDays = 14;

} // namespace ActivityRecorder
