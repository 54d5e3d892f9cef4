#pragma once

#include "pdfpagesetup.h"

#include <QColor>
#include <QFont>
#include <QList>
#include <QRectF>
#include <QString>
#include <QStringList>

#include <functional>

class QPagedPaintDevice;
class QPainter;

// A table for PdfLayout: columns with their alignment, rows of text (cells wrap).
struct PdfTable
{
    struct Column
    {
        QString title;
        Qt::Alignment alignment = Qt::AlignLeft;
    };
    QList<Column> columns;
    QList<QStringList> rows;
    // Shown instead of an empty table.
    QString emptyText;
};

struct PdfKeyFigure
{
    QString value;
    QString label;
    QString detail;
};

struct PdfTitlePage
{
    QString kind;     // "Adoption report"
    QString title;    // the workspace, the plan
    QString subtitle; // the window, the view
    QList<std::pair<QString, QString>> facts;
};

// Flows a document onto pages: title page, headings, paragraphs, key figures, tables split
// across pages with their header repeated, drawings kept whole; every page gets a running
// title, a footer with the export date and "Page N of M". Coordinates are the device's
// pixels; sizes are asked for in points. A document is laid out twice: once without a
// painter to count the pages, then painted.
class PdfLayout
{
public:
    // painter null: measure only. totalPages: from the measuring pass (0 while measuring).
    PdfLayout(QPagedPaintDevice *device, QPainter *painter, const PdfPageSetup &setup,
              const QString &runningTitle, const QString &footer, int totalPages);

    // Device pixels per point.
    qreal pt() const { return m_pt; }
    qreal contentWidth() const { return m_content.width(); }
    qreal contentHeight() const { return m_content.height(); }
    // Space left on the current page, in device pixels.
    qreal remaining() const { return m_content.bottom() - m_y; }
    int pageCount() const { return m_page; }
    QPainter *painter() const { return m_painter; }

    void titlePage(const PdfTitlePage &page);
    void heading(const QString &text, int level = 1);
    void paragraph(const QString &text, qreal points = 0, const QColor &color = QColor());
    void note(const QString &text);
    void keyFigures(const QList<PdfKeyFigure> &figures);
    void table(const PdfTable &table);
    // An empty-data message in a tinted box, instead of a table or a chart.
    void emptyState(const QString &text);
    // A drawing heightPoints tall across the content width, kept on one page.
    void drawing(qreal heightPoints, const std::function<void(QPainter *, const QRectF &)> &paint);
    void space(qreal points);
    void pageBreak();
    // Draws the last footer; call once at the end of a painting pass.
    void finish();

    // Lines of text as they wrap at width (device pixels) in font.
    QStringList wrap(const QString &text, const QFont &font, qreal width) const;
    qreal lineHeight(const QFont &font) const;
    qreal advance(const QString &text, const QFont &font) const;

private:
    void ensure(qreal height);
    void newPage();
    void decorate();
    void drawText(const QRectF &box, const QString &line, const QFont &font, const QColor &color,
                  Qt::Alignment alignment) const;
    QList<qreal> columnWidths(const PdfTable &table) const;
    void tableHeader(const PdfTable &table, const QList<qreal> &widths);

    QPagedPaintDevice *m_device;
    QPainter *m_painter;
    QString m_runningTitle;
    QString m_footer;
    int m_totalPages;
    qreal m_pt;
    QRectF m_paper;
    QRectF m_content;
    qreal m_y = 0;
    int m_page = 1;
    bool m_titlePage = false;
};
