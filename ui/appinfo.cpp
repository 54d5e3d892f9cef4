#include "appinfo.h"

#include <QStandardPaths>

namespace AppInfo {

QString id()
{
    return QStringLiteral("org.example.ProductHub");
}

QUrl homepage()
{
    return QUrl(QStringLiteral(HUB_HOMEPAGE_URL));
}

QUrl userGuide()
{
    QUrl url = homepage();
    url.setPath(url.path() + QStringLiteral("/README.md"));
    url.setFragment(QStringLiteral("using-it"));
    return url;
}

QString logFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) +
           QStringLiteral("/logs");
}

QIcon icon()
{
    // The PNGs keep the icon sharp where the SVG image plugin is missing; the SVG serves
    // every other size.
    QIcon icon;
    for (int size : {16, 24, 32, 48, 64, 128, 256})
        icon.addFile(
            QStringLiteral(":/icons/hicolor/%1x%1/apps/org.example.ProductHub.png").arg(size),
            QSize(size, size));
    icon.addFile(QStringLiteral(":/icons/product-hub.svg"));
    return icon;
}

} // namespace AppInfo
