#include "workspace.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

Workspace::Workspace(const QString &folder)
    : m_folder(QDir::cleanPath(QFileInfo(folder).absoluteFilePath()))
{
}

Workspace Workspace::resolve(const QString &explicitFolder)
{
    if (!explicitFolder.isEmpty())
        return Workspace(explicitFolder);
    const QString fromEnvironment = qEnvironmentVariable(EnvironmentVariable);
    if (!fromEnvironment.isEmpty())
        return Workspace(fromEnvironment);
    return Workspace(defaultFolder());
}

QString Workspace::defaultFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/workspaces/default");
}

QString Workspace::databasePath() const
{
    return m_folder + QLatin1Char('/') + QLatin1String(DatabaseFileName);
}

QString Workspace::connectorsFolder() const
{
    return m_folder + QStringLiteral("/connectors");
}

QString Workspace::displayName() const
{
    return QFileInfo(m_folder).fileName();
}
