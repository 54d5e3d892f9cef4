#pragma once

#include <QObject>

class Banner;
class QSystemTrayIcon;

// Tells the user that a trigger fired: a desktop notification through the system tray where
// there is one, otherwise the page's inline banner.
class TriggerNotifier : public QObject
{
    Q_OBJECT
public:
    TriggerNotifier(Banner *fallback, QObject *parent = nullptr);

    void notify(const QString &title, const QString &message);
    // Whether notifications go to the desktop (false: to the banner).
    bool usesDesktop() const;

private:
    Banner *m_fallback;
    QSystemTrayIcon *m_tray = nullptr;
};
