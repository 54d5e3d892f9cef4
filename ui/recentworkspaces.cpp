#include "recentworkspaces.h"

#include <QFileInfo>
#include <QSettings>

namespace RecentWorkspaces {
namespace {

const QString RecentKey = QStringLiteral("workspaces/recent");
const QString LastKey = QStringLiteral("workspaces/last");

} // namespace

QStringList list()
{
    QStringList folders = QSettings().value(RecentKey).toStringList();
    folders.erase(std::remove_if(folders.begin(), folders.end(),
                                 [](const QString &folder) { return !QFileInfo(folder).isDir(); }),
                  folders.end());
    return folders;
}

QString last()
{
    return QSettings().value(LastKey).toString();
}

void add(const QString &folder)
{
    QSettings settings;
    QStringList folders = settings.value(RecentKey).toStringList();
    folders.removeAll(folder);
    folders.prepend(folder);
    while (folders.size() > MaximumCount)
        folders.removeLast();
    settings.setValue(RecentKey, folders);
    settings.setValue(LastKey, folder);
}

void clear()
{
    QSettings settings;
    settings.remove(RecentKey);
}

} // namespace RecentWorkspaces
