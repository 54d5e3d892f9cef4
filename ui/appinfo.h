#pragma once

#include <QIcon>
#include <QString>
#include <QUrl>

// Facts about the application that several places show or open; each is defined once here.
namespace AppInfo {

// The reverse-DNS id of the desktop entry, the AppStream metainfo and the installed icons.
QString id();
// project() HOMEPAGE_URL of the top-level CMakeLists.txt.
QUrl homepage();
// The user guide: the "Using it" section of the README, as published on the homepage.
QUrl userGuide();
// Where the log files are written: <AppLocalDataLocation>/logs.
QString logFolder();
// The application icon in every size that is shipped.
QIcon icon();

} // namespace AppInfo
