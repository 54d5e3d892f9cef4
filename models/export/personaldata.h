#pragma once

#include <QList>
#include <QString>
#include <QStringList>

// Which columns name a person, decided here for every export: a table's columns, a report's
// column keys and a view's column titles all ask the same list.
namespace PersonalData {

// A column of a workspace table (users.email, feedback.author, ...).
bool isPersonal(const QString &table, const QString &column);
// A column known only by its key or title, as reports and views name them.
bool isPersonalKey(const QString &keyOrTitle);
// The columns of one table known by keys or titles, in order: as isPersonalKey(), and a
// "name" beside an e-mail address is a person's name.
QList<bool> personalColumns(const QStringList &keysOrTitles);

} // namespace PersonalData
