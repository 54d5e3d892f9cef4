#pragma once

#include <QColor>
#include <QFont>
#include <QList>
#include <QString>

// The look of every exported PDF: one type family, a small scale of sizes (points), and a
// sober palette that prints well in grey too.
namespace PdfStyle {

QString family();
// A font of the family at size points; bold for headings and figures.
QFont font(qreal points, bool bold = false);
// Keeps every letter a glyph of its own, so the PDF's text reads back as written.
void noLigatures(QFont &font);

inline const QColor ink{0x1f, 0x29, 0x37};
inline const QColor muted{0x5f, 0x6b, 0x7a};
inline const QColor faint{0x9a, 0xa4, 0xb1};
inline const QColor rule{0xd5, 0xdb, 0xe3};
inline const QColor stripe{0xf4, 0xf6, 0xf9};
inline const QColor headerFill{0xe8, 0xee, 0xf6};
inline const QColor accent{0x1d, 0x4e, 0xd8};
inline const QColor accentSoft{0xdb, 0xe6, 0xfd};
inline const QColor warning{0xb4, 0x53, 0x09};

// Colours of chart series, told apart in print as well.
QList<QColor> series();

constexpr qreal titleSize = 28;
constexpr qreal heading1 = 16;
constexpr qreal heading2 = 12;
constexpr qreal body = 9.5;
constexpr qreal small = 8;
constexpr qreal table = 8.5;
constexpr qreal figure = 18;

} // namespace PdfStyle
