#pragma once

#include <QStringList>

// The workspaces opened lately, newest first, kept in QSettings.
namespace RecentWorkspaces {

constexpr int MaximumCount = 8;

QStringList list();
QString last();
void add(const QString &folder);
void clear();

} // namespace RecentWorkspaces
