#include "triggernotifier.h"

#include "banner.h"

#include <QApplication>
#include <QSystemTrayIcon>

TriggerNotifier::TriggerNotifier(Banner *fallback, QObject *parent)
    : QObject(parent)
    , m_fallback(fallback)
{
}

bool TriggerNotifier::usesDesktop() const
{
    return QSystemTrayIcon::isSystemTrayAvailable() && QSystemTrayIcon::supportsMessages();
}

void TriggerNotifier::notify(const QString &title, const QString &message)
{
    if (usesDesktop()) {
        if (!m_tray) {
            m_tray = new QSystemTrayIcon(QApplication::windowIcon(), this);
            m_tray->setToolTip(QApplication::applicationDisplayName());
            m_tray->show();
        }
        m_tray->showMessage(title, message, QSystemTrayIcon::Information);
        return;
    }
    m_fallback->showMessage(tr("Trigger fired: %1. %2").arg(title, message), Banner::Kind::Info);
}
