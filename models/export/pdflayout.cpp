#include "pdflayout.h"

#include "pdfstyle.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QTextLayout>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("PdfLayout", text);
}

// A cell longer than this many lines is cut with an ellipsis, so a row always fits a page.
constexpr int MaxCellLines = 14;

} // namespace

PdfLayout::PdfLayout(QPagedPaintDevice *device, QPainter *painter, const PdfPageSetup &setup,
                     const QString &runningTitle, const QString &footer, int totalPages)
    : m_device(device)
    , m_painter(painter)
    , m_runningTitle(runningTitle)
    , m_footer(footer)
    , m_totalPages(totalPages)
    , m_pt(device->logicalDpiX() / 72.0)
{
    const QSizeF paper = setup.pageLayout().fullRectPoints().size();
    m_paper = QRectF(0, 0, paper.width() * m_pt, paper.height() * m_pt);
    const qreal mm = 72.0 / 25.4 * m_pt;
    m_content = m_paper.adjusted(setup.margins.left() * mm, setup.margins.top() * mm,
                                 -setup.margins.right() * mm, -setup.margins.bottom() * mm);
    m_y = m_content.top();
    decorate();
}

qreal PdfLayout::lineHeight(const QFont &font) const
{
    return QFontMetricsF(font, m_device).lineSpacing();
}

qreal PdfLayout::advance(const QString &text, const QFont &font) const
{
    return QFontMetricsF(font, m_device).horizontalAdvance(text);
}

QStringList PdfLayout::wrap(const QString &text, const QFont &font, qreal width) const
{
    QStringList lines;
    const QStringList paragraphs = text.split(QLatin1Char('\n'));
    for (QString paragraph : paragraphs) {
        paragraph.remove(QLatin1Char('\r'));
        if (paragraph.trimmed().isEmpty()) {
            lines.append(QString());
            continue;
        }
        QTextLayout layout(paragraph, font, m_device);
        QTextOption option;
        option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
        layout.setTextOption(option);
        layout.beginLayout();
        for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
            line.setLineWidth(width);
            lines.append(paragraph.mid(line.textStart(), line.textLength()).trimmed());
        }
        layout.endLayout();
    }
    return lines;
}

void PdfLayout::drawText(const QRectF &box, const QString &line, const QFont &font,
                         const QColor &color, Qt::Alignment alignment) const
{
    if (!m_painter)
        return;
    const QFontMetricsF metrics(font, m_device);
    qreal x = box.left();
    if (alignment & Qt::AlignRight)
        x = box.right() - metrics.horizontalAdvance(line);
    else if (alignment & Qt::AlignHCenter)
        x = box.center().x() - metrics.horizontalAdvance(line) / 2;
    m_painter->setFont(font);
    m_painter->setPen(color);
    m_painter->drawText(QPointF(x, box.top() + metrics.ascent()), line);
}

void PdfLayout::decorate()
{
    if (!m_painter || m_titlePage || m_page == 1 || m_runningTitle.isEmpty())
        return;
    const QFont font = PdfStyle::font(PdfStyle::small);
    const qreal y = m_content.top() - 8 * m_pt - lineHeight(font);
    drawText(QRectF(m_content.left(), y, m_content.width(), lineHeight(font)), m_runningTitle, font,
             PdfStyle::muted, Qt::AlignLeft);
    m_painter->setPen(QPen(PdfStyle::rule, 0.6 * m_pt));
    m_painter->drawLine(QPointF(m_content.left(), m_content.top() - 5 * m_pt),
                        QPointF(m_content.right(), m_content.top() - 5 * m_pt));
}

void PdfLayout::finish()
{
    if (!m_painter)
        return;
    const QFont font = PdfStyle::font(PdfStyle::small);
    const qreal top = m_content.bottom() + 8 * m_pt;
    m_painter->setPen(QPen(PdfStyle::rule, 0.6 * m_pt));
    m_painter->drawLine(QPointF(m_content.left(), top), QPointF(m_content.right(), top));
    const QRectF box(m_content.left(), top + 4 * m_pt, m_content.width(), lineHeight(font));
    const QString page = m_totalPages > 0 ? tr("Page %1 of %2").arg(m_page).arg(m_totalPages)
                                          : tr("Page %1").arg(m_page);
    drawText(box, m_footer, font, PdfStyle::muted, Qt::AlignLeft);
    drawText(box, page, font, PdfStyle::muted, Qt::AlignRight);
}

void PdfLayout::newPage()
{
    finish();
    if (m_painter)
        m_device->newPage();
    ++m_page;
    m_titlePage = false;
    m_y = m_content.top();
    decorate();
}

void PdfLayout::ensure(qreal height)
{
    if (m_y + height > m_content.bottom() && m_y > m_content.top())
        newPage();
}

void PdfLayout::pageBreak()
{
    if (m_y > m_content.top() || m_titlePage)
        newPage();
}

void PdfLayout::space(qreal points)
{
    m_y += points * m_pt;
}

void PdfLayout::titlePage(const PdfTitlePage &page)
{
    m_titlePage = true;
    const qreal width = m_content.width();
    qreal y = m_content.top() + m_content.height() * 0.28;
    if (m_painter) {
        m_painter->fillRect(QRectF(m_content.left(), m_content.top(), width, 5 * m_pt),
                            PdfStyle::accent);
    }
    const QFont kindFont = PdfStyle::font(PdfStyle::heading2, true);
    drawText(QRectF(m_content.left(), y, width, lineHeight(kindFont)), page.kind.toUpper(),
             kindFont, PdfStyle::accent, Qt::AlignLeft);
    y += lineHeight(kindFont) + 6 * m_pt;
    const QFont titleFont = PdfStyle::font(PdfStyle::titleSize, true);
    for (const QString &line : wrap(page.title, titleFont, width)) {
        drawText(QRectF(m_content.left(), y, width, lineHeight(titleFont)), line, titleFont,
                 PdfStyle::ink, Qt::AlignLeft);
        y += lineHeight(titleFont);
    }
    const QFont subtitleFont = PdfStyle::font(PdfStyle::heading2);
    y += 4 * m_pt;
    for (const QString &line : wrap(page.subtitle, subtitleFont, width)) {
        drawText(QRectF(m_content.left(), y, width, lineHeight(subtitleFont)), line, subtitleFont,
                 PdfStyle::muted, Qt::AlignLeft);
        y += lineHeight(subtitleFont);
    }
    y += 28 * m_pt;
    if (m_painter) {
        m_painter->setPen(QPen(PdfStyle::rule, 0.8 * m_pt));
        m_painter->drawLine(QPointF(m_content.left(), y), QPointF(m_content.right(), y));
    }
    y += 12 * m_pt;
    const QFont labelFont = PdfStyle::font(PdfStyle::body);
    const QFont valueFont = PdfStyle::font(PdfStyle::body, true);
    qreal labelWidth = 0;
    for (const auto &fact : page.facts)
        labelWidth = qMax(labelWidth, advance(fact.first, labelFont));
    labelWidth += 16 * m_pt;
    for (const auto &fact : page.facts) {
        drawText(QRectF(m_content.left(), y, labelWidth, lineHeight(labelFont)), fact.first,
                 labelFont, PdfStyle::muted, Qt::AlignLeft);
        const QStringList lines = wrap(fact.second, valueFont, width - labelWidth);
        for (const QString &line : lines) {
            drawText(
                QRectF(m_content.left() + labelWidth, y, width - labelWidth, lineHeight(valueFont)),
                line, valueFont, PdfStyle::ink, Qt::AlignLeft);
            y += lineHeight(valueFont);
        }
        y += 5 * m_pt;
    }
    m_y = qMin(y, m_content.bottom());
    newPage();
}

void PdfLayout::heading(const QString &text, int level)
{
    const QFont font = PdfStyle::font(level <= 1 ? PdfStyle::heading1 : PdfStyle::heading2, true);
    const QStringList lines = wrap(text, font, m_content.width());
    const qreal before = m_y > m_content.top() ? (level <= 1 ? 16 : 10) * m_pt : 0;
    const qreal height = lines.size() * lineHeight(font);
    // Never the last thing on a page: keep room for what it introduces.
    ensure(before + height + 70 * m_pt);
    if (m_y > m_content.top())
        m_y += before;
    for (const QString &line : lines) {
        drawText(QRectF(m_content.left(), m_y, m_content.width(), lineHeight(font)), line, font,
                 level <= 1 ? PdfStyle::ink : PdfStyle::accent, Qt::AlignLeft);
        m_y += lineHeight(font);
    }
    if (level <= 1 && m_painter) {
        m_painter->setPen(QPen(PdfStyle::accent, 1.2 * m_pt));
        m_painter->drawLine(QPointF(m_content.left(), m_y + 2 * m_pt),
                            QPointF(m_content.left() + 36 * m_pt, m_y + 2 * m_pt));
    }
    m_y += (level <= 1 ? 9 : 4) * m_pt;
}

void PdfLayout::paragraph(const QString &text, qreal points, const QColor &color)
{
    const QFont font = PdfStyle::font(points > 0 ? points : PdfStyle::body);
    const qreal line = lineHeight(font) * 1.15;
    for (const QString &wrapped : wrap(text, font, m_content.width())) {
        ensure(line);
        drawText(QRectF(m_content.left(), m_y, m_content.width(), line), wrapped, font,
                 color.isValid() ? color : PdfStyle::ink, Qt::AlignLeft);
        m_y += line;
    }
    m_y += 5 * m_pt;
}

void PdfLayout::note(const QString &text)
{
    paragraph(text, PdfStyle::small, PdfStyle::muted);
}

void PdfLayout::emptyState(const QString &text)
{
    const QFont font = PdfStyle::font(PdfStyle::body);
    const QStringList lines = wrap(text, font, m_content.width() - 24 * m_pt);
    const qreal height = lines.size() * lineHeight(font) + 24 * m_pt;
    ensure(height);
    if (m_painter) {
        m_painter->setPen(Qt::NoPen);
        m_painter->setBrush(PdfStyle::stripe);
        m_painter->drawRoundedRect(QRectF(m_content.left(), m_y, m_content.width(), height),
                                   4 * m_pt, 4 * m_pt);
    }
    qreal y = m_y + 12 * m_pt;
    for (const QString &line : lines) {
        drawText(QRectF(m_content.left(), y, m_content.width(), lineHeight(font)), line, font,
                 PdfStyle::muted, Qt::AlignHCenter);
        y += lineHeight(font);
    }
    m_y += height + 8 * m_pt;
}

void PdfLayout::keyFigures(const QList<PdfKeyFigure> &figures)
{
    if (figures.isEmpty())
        return;
    const int perRow = int(qMin<qsizetype>(figures.size(), 4));
    const qreal gap = 8 * m_pt;
    const qreal boxWidth = (m_content.width() - gap * (perRow - 1)) / perRow;
    const QFont valueFont = PdfStyle::font(PdfStyle::figure, true);
    const QFont labelFont = PdfStyle::font(PdfStyle::small);
    const qreal pad = 8 * m_pt;
    for (qsizetype start = 0; start < figures.size(); start += perRow) {
        const QList<PdfKeyFigure> row = figures.mid(start, perRow);
        int labelLines = 1;
        for (const PdfKeyFigure &figure : row) {
            labelLines =
                qMax(labelLines, int(wrap(figure.label, labelFont, boxWidth - 2 * pad).size() +
                                     (figure.detail.isEmpty() ? 0 : 1)));
        }
        const qreal height =
            2 * pad + lineHeight(valueFont) + 2 * m_pt + labelLines * lineHeight(labelFont);
        ensure(height);
        for (qsizetype i = 0; i < row.size(); ++i) {
            const PdfKeyFigure &figure = row.at(i);
            const QRectF box(m_content.left() + i * (boxWidth + gap), m_y, boxWidth, height);
            if (m_painter) {
                m_painter->setPen(Qt::NoPen);
                m_painter->setBrush(PdfStyle::stripe);
                m_painter->drawRect(box);
                m_painter->fillRect(QRectF(box.left(), box.top(), 2.5 * m_pt, box.height()),
                                    PdfStyle::accent);
            }
            qreal y = box.top() + pad;
            const QRectF inner = box.adjusted(pad + 2 * m_pt, 0, -pad, 0);
            QFont fitted = valueFont;
            while (advance(figure.value, fitted) > inner.width() && fitted.pointSizeF() > 8)
                fitted.setPointSizeF(fitted.pointSizeF() - 1);
            drawText(QRectF(inner.left(), y + lineHeight(valueFont) - lineHeight(fitted),
                            inner.width(), lineHeight(fitted)),
                     figure.value, fitted, PdfStyle::ink, Qt::AlignLeft);
            y += lineHeight(valueFont) + 2 * m_pt;
            for (const QString &line : wrap(figure.label, labelFont, inner.width())) {
                drawText(QRectF(inner.left(), y, inner.width(), lineHeight(labelFont)), line,
                         labelFont, PdfStyle::muted, Qt::AlignLeft);
                y += lineHeight(labelFont);
            }
            if (!figure.detail.isEmpty()) {
                const QFontMetricsF metrics(labelFont, m_device);
                drawText(QRectF(inner.left(), y, inner.width(), lineHeight(labelFont)),
                         metrics.elidedText(figure.detail, Qt::ElideRight, inner.width()),
                         labelFont, PdfStyle::faint, Qt::AlignLeft);
            }
        }
        m_y += height + gap;
    }
    m_y += 4 * m_pt;
}

QList<qreal> PdfLayout::columnWidths(const PdfTable &table) const
{
    const QFont font = PdfStyle::font(PdfStyle::table);
    const QFont bold = PdfStyle::font(PdfStyle::table, true);
    const qreal pad = 6 * m_pt;
    const qreal width = m_content.width();
    const qsizetype count = table.columns.size();
    // natural: the longest line; minimum: the longest word, so that words break only when
    // one alone is wider than a third of the page (links, identifiers).
    QList<qreal> natural(count, 0);
    QList<qreal> minimum(count, 0);
    const QFontMetricsF metrics(font, m_device);
    const QFontMetricsF boldMetrics(bold, m_device);
    const auto measure = [&](qsizetype c, const QString &text, const QFontMetricsF &m) {
        for (const QString &line : text.split(QLatin1Char('\n'))) {
            natural[c] = qMax(natural[c], m.horizontalAdvance(line));
            for (const QString &word : line.split(QLatin1Char(' '), Qt::SkipEmptyParts))
                minimum[c] = qMax(minimum[c], m.horizontalAdvance(word));
        }
    };
    for (qsizetype c = 0; c < count; ++c)
        measure(c, table.columns.at(c).title, boldMetrics);
    const qsizetype sampled = qMin<qsizetype>(table.rows.size(), 400);
    for (qsizetype r = 0; r < sampled; ++r) {
        for (qsizetype c = 0; c < count; ++c)
            measure(c, table.rows.at(r).value(c), metrics);
    }
    qreal naturalTotal = 0;
    qreal minimumTotal = 0;
    for (qsizetype c = 0; c < count; ++c) {
        natural[c] += 2 * pad;
        minimum[c] = qMin(minimum[c] + 2 * pad + 1.5 * m_pt, width / 3);
        minimum[c] = qMin(qMax(minimum[c], 32 * m_pt), natural[c]);
        naturalTotal += natural[c];
        minimumTotal += minimum[c];
    }
    QList<qreal> widths = natural;
    if (naturalTotal <= width) {
        // Tables span the text width, the extra shared in proportion.
        for (qreal &w : widths)
            w += (width - naturalTotal) * w / naturalTotal;
        return widths;
    }
    if (minimumTotal >= width) {
        for (qsizetype c = 0; c < count; ++c)
            widths[c] = minimum[c] * width / minimumTotal;
        return widths;
    }
    // Every column gets its longest word; what is left goes to the columns that wrap.
    const qreal extra = width - minimumTotal;
    const qreal wanted = naturalTotal - minimumTotal;
    for (qsizetype c = 0; c < count; ++c)
        widths[c] = minimum[c] + extra * (natural[c] - minimum[c]) / wanted;
    return widths;
}

void PdfLayout::tableHeader(const PdfTable &table, const QList<qreal> &widths)
{
    const QFont bold = PdfStyle::font(PdfStyle::table, true);
    const qreal pad = 6 * m_pt;
    const qreal padV = 4 * m_pt;
    int lines = 1;
    QList<QStringList> wrapped;
    for (qsizetype c = 0; c < table.columns.size(); ++c) {
        wrapped.append(wrap(table.columns.at(c).title, bold, widths.at(c) - 2 * pad));
        lines = qMax(lines, int(wrapped.last().size()));
    }
    const qreal height = lines * lineHeight(bold) + 2 * padV;
    if (m_painter)
        m_painter->fillRect(QRectF(m_content.left(), m_y, m_content.width(), height),
                            PdfStyle::headerFill);
    qreal x = m_content.left();
    for (qsizetype c = 0; c < table.columns.size(); ++c) {
        // Titles sit on the bottom line, as numbers below them do.
        qreal y = m_y + padV + (lines - wrapped.at(c).size()) * lineHeight(bold);
        for (const QString &line : wrapped.at(c)) {
            drawText(QRectF(x + pad, y, widths.at(c) - 2 * pad, lineHeight(bold)), line, bold,
                     PdfStyle::ink, table.columns.at(c).alignment);
            y += lineHeight(bold);
        }
        x += widths.at(c);
    }
    m_y += height;
    if (m_painter) {
        m_painter->setPen(QPen(PdfStyle::ink, 0.8 * m_pt));
        m_painter->drawLine(QPointF(m_content.left(), m_y), QPointF(m_content.right(), m_y));
    }
}

void PdfLayout::table(const PdfTable &table)
{
    if (table.rows.isEmpty()) {
        emptyState(table.emptyText.isEmpty() ? tr("No rows.") : table.emptyText);
        return;
    }
    const QList<qreal> widths = columnWidths(table);
    const QFont font = PdfStyle::font(PdfStyle::table);
    const QFont bold = PdfStyle::font(PdfStyle::table, true);
    const qreal pad = 6 * m_pt;
    const qreal padV = 3.5 * m_pt;
    const qreal line = lineHeight(font);
    // The header and at least one row together.
    ensure(2 * (line + 2 * padV) + lineHeight(bold) * 2);
    tableHeader(table, widths);
    for (qsizetype r = 0; r < table.rows.size(); ++r) {
        const QStringList &row = table.rows.at(r);
        QList<QStringList> cells;
        int lines = 1;
        for (qsizetype c = 0; c < table.columns.size(); ++c) {
            QStringList wrapped = wrap(row.value(c), font, widths.at(c) - 2 * pad);
            if (wrapped.size() > MaxCellLines) {
                wrapped = wrapped.mid(0, MaxCellLines);
                wrapped.last().append(QChar(0x2026));
            }
            lines = qMax(lines, int(wrapped.size()));
            cells.append(wrapped);
        }
        const qreal height = lines * line + 2 * padV;
        if (m_y + height > m_content.bottom()) {
            newPage();
            tableHeader(table, widths);
        }
        if (m_painter && r % 2 == 1)
            m_painter->fillRect(QRectF(m_content.left(), m_y, m_content.width(), height),
                                PdfStyle::stripe);
        qreal x = m_content.left();
        for (qsizetype c = 0; c < table.columns.size(); ++c) {
            qreal y = m_y + padV;
            for (const QString &text : cells.at(c)) {
                drawText(QRectF(x + pad, y, widths.at(c) - 2 * pad, line), text, font,
                         PdfStyle::ink, table.columns.at(c).alignment);
                y += line;
            }
            x += widths.at(c);
        }
        m_y += height;
    }
    if (m_painter) {
        m_painter->setPen(QPen(PdfStyle::rule, 0.8 * m_pt));
        m_painter->drawLine(QPointF(m_content.left(), m_y), QPointF(m_content.right(), m_y));
    }
    m_y += 10 * m_pt;
}

void PdfLayout::drawing(qreal heightPoints,
                        const std::function<void(QPainter *, const QRectF &)> &paint)
{
    const qreal height = qMin(heightPoints * m_pt, m_content.height());
    ensure(height);
    if (m_painter) {
        m_painter->save();
        paint(m_painter, QRectF(m_content.left(), m_y, m_content.width(), height));
        m_painter->restore();
    }
    m_y += height + 8 * m_pt;
}
