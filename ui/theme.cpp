#include "theme.h"

#include <QApplication>
#include <QColor>
#include <QPalette>
#include <QSettings>
#include <QStyleFactory>

namespace {

bool s_dark = false;

QPalette lightPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0xf6, 0xf7, 0xf9));
    p.setColor(QPalette::WindowText, QColor(0x1f, 0x23, 0x28));
    p.setColor(QPalette::Base, Qt::white);
    p.setColor(QPalette::AlternateBase, QColor(0xf0, 0xf2, 0xf5));
    p.setColor(QPalette::ToolTipBase, QColor(0x1f, 0x23, 0x28));
    p.setColor(QPalette::ToolTipText, Qt::white);
    p.setColor(QPalette::PlaceholderText, QColor(0x8a, 0x91, 0x99));
    p.setColor(QPalette::Text, QColor(0x1f, 0x23, 0x28));
    p.setColor(QPalette::Button, QColor(0xff, 0xff, 0xff));
    p.setColor(QPalette::ButtonText, QColor(0x1f, 0x23, 0x28));
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Mid, QColor(0xd0, 0xd5, 0xdb));
    p.setColor(QPalette::Dark, QColor(0xa0, 0xa7, 0xb0));
    p.setColor(QPalette::Light, Qt::white);
    p.setColor(QPalette::Midlight, QColor(0xe6, 0xe9, 0xed));
    p.setColor(QPalette::Shadow, QColor(0x6b, 0x72, 0x7b));
    p.setColor(QPalette::Highlight, Theme::accent());
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, Theme::accent());
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0xa0, 0xa7, 0xb0));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0xa0, 0xa7, 0xb0));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0xa0, 0xa7, 0xb0));
    return p;
}

QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x1c, 0x1e, 0x22));
    p.setColor(QPalette::WindowText, QColor(0xe6, 0xe8, 0xeb));
    p.setColor(QPalette::Base, QColor(0x24, 0x27, 0x2c));
    p.setColor(QPalette::AlternateBase, QColor(0x2a, 0x2d, 0x33));
    p.setColor(QPalette::ToolTipBase, QColor(0xe6, 0xe8, 0xeb));
    p.setColor(QPalette::ToolTipText, QColor(0x1c, 0x1e, 0x22));
    p.setColor(QPalette::PlaceholderText, QColor(0x85, 0x8b, 0x94));
    p.setColor(QPalette::Text, QColor(0xe6, 0xe8, 0xeb));
    p.setColor(QPalette::Button, QColor(0x2c, 0x2f, 0x35));
    p.setColor(QPalette::ButtonText, QColor(0xe6, 0xe8, 0xeb));
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Mid, QColor(0x3a, 0x3e, 0x45));
    p.setColor(QPalette::Dark, QColor(0x14, 0x15, 0x18));
    p.setColor(QPalette::Light, QColor(0x3a, 0x3e, 0x45));
    p.setColor(QPalette::Midlight, QColor(0x33, 0x36, 0x3c));
    p.setColor(QPalette::Shadow, Qt::black);
    p.setColor(QPalette::Highlight, Theme::accent());
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, Theme::accent().lighter(130));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x6b, 0x70, 0x78));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x6b, 0x70, 0x78));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x6b, 0x70, 0x78));
    return p;
}

} // namespace

namespace Theme {

void apply(QApplication &app)
{
    // PRODUCT_HUB_THEME, else the Preferences choice, else the system; callable again after
    // the choice changed. The palette before we first replace it says whether the system is dark.
    static const bool systemDark =
        QApplication::palette().color(QPalette::Window).lightness() < 128;
    QString forced = qEnvironmentVariable("PRODUCT_HUB_THEME");
    if (forced.isEmpty()) // Preferences: "system", "light" or "dark"
        forced = QSettings().value(QStringLiteral("appearance/theme")).toString();
    s_dark = forced == QLatin1String("dark") || (forced != QLatin1String("light") && systemDark);
    app.setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    app.setPalette(s_dark ? darkPalette() : lightPalette());
}

bool isDark()
{
    return s_dark;
}

QColor accent()
{
    return QColor(0x4f, 0x5b, 0xd5);
}

} // namespace Theme
