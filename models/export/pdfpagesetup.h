#pragma once

#include <QMarginsF>
#include <QPageLayout>
#include <QPageSize>
#include <QString>

#include <optional>

// The paper a PDF is laid out on: size, orientation and margins (millimetres).
struct PdfPageSetup
{
    QPageSize::PageSizeId size = QPageSize::A4;
    QPageLayout::Orientation orientation = QPageLayout::Portrait;
    QMarginsF margins{18, 18, 18, 18};

    // The paper with no printer margins; PdfLayout keeps its own margins inside it.
    QPageLayout pageLayout() const;
    // a4 or letter, any case.
    static std::optional<QPageSize::PageSizeId> sizeNamed(const QString &name);
    static QString sizeName(QPageSize::PageSizeId size);
};
