#include "pdfpagesetup.h"

QPageLayout PdfPageSetup::pageLayout() const
{
    return QPageLayout(QPageSize(size), orientation, QMarginsF(0, 0, 0, 0),
                       QPageLayout::Millimeter);
}

std::optional<QPageSize::PageSizeId> PdfPageSetup::sizeNamed(const QString &name)
{
    const QString lower = name.trimmed().toLower();
    if (lower == QLatin1String("a4"))
        return QPageSize::A4;
    if (lower == QLatin1String("letter"))
        return QPageSize::Letter;
    return std::nullopt;
}

QString PdfPageSetup::sizeName(QPageSize::PageSizeId size)
{
    return size == QPageSize::Letter ? QStringLiteral("letter") : QStringLiteral("a4");
}
