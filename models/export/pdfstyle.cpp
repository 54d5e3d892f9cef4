#include "pdfstyle.h"

#include <QFontDatabase>

namespace PdfStyle {

QString family()
{
    // A family whose glyphs the PDF can embed; the first one installed wins.
    static const QString chosen = [] {
        const QStringList installed = QFontDatabase::families();
        for (const QString &candidate :
             {QStringLiteral("Noto Sans"), QStringLiteral("DejaVu Sans"),
              QStringLiteral("Liberation Sans"), QStringLiteral("Arial")}) {
            if (installed.contains(candidate))
                return candidate;
        }
        return QFontDatabase::systemFont(QFontDatabase::GeneralFont).family();
    }();
    return chosen;
}

void noLigatures(QFont &font)
{
    // Ligatures ("fl" as one glyph) make copied and searched text differ from the words;
    // any letter spacing turns them off (Qt keeps spacing in 64ths of a pixel), and 1/32 of a
    // pixel is far below what the eye sees.
    font.setLetterSpacing(QFont::AbsoluteSpacing, 1.0 / 32);
}

QFont font(qreal points, bool bold)
{
    QFont font(family());
    font.setPointSizeF(points);
    font.setBold(bold);
    font.setKerning(true);
    font.setHintingPreference(QFont::PreferNoHinting);
    noLigatures(font);
    return font;
}

QList<QColor> series()
{
    return {QColor(0x1d, 0x4e, 0xd8), QColor(0xea, 0x58, 0x0c), QColor(0x16, 0xa3, 0x4a),
            QColor(0x7c, 0x3a, 0xed), QColor(0x08, 0x91, 0xb2), QColor(0xdb, 0x27, 0x77),
            QColor(0x65, 0x73, 0x8b), QColor(0xca, 0x8a, 0x04)};
}

} // namespace PdfStyle
