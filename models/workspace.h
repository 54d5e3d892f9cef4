#pragma once

#include <QString>

// Where a workspace lives: a folder holding workspace.sqlite and the user's own connectors.
class Workspace
{
public:
    static constexpr const char *DatabaseFileName = "workspace.sqlite";
    static constexpr const char *EnvironmentVariable = "PRODUCT_HUB_WORKSPACE";

    explicit Workspace(const QString &folder);

    // The folder chosen by an explicit option, else PRODUCT_HUB_WORKSPACE, else the default.
    static Workspace resolve(const QString &explicitFolder = QString());
    // The default workspace under the application's data location.
    static QString defaultFolder();

    QString folder() const { return m_folder; }
    QString databasePath() const;
    QString connectorsFolder() const;
    // A short name for titles: the folder's name.
    QString displayName() const;

private:
    QString m_folder;
};
