#include "reporttablepdf.h"

#include "pdflayout.h"

#include <QCoreApplication>
#include <QLocale>

ReportTablePdf::ReportTablePdf(ReportTable table, QString workspace, QString window)
    : m_table(std::move(table))
    , m_workspace(std::move(workspace))
    , m_window(std::move(window))
{
}

QString ReportTablePdf::cell(const QVariant &value, ReportColumn::Kind kind)
{
    if (!value.isValid() || value.isNull())
        return QStringLiteral("–");
    const QLocale english(QLocale::English, QLocale::UnitedStates);
    switch (kind) {
    case ReportColumn::Kind::Integer:
        return english.toString(value.toLongLong());
    case ReportColumn::Kind::Number:
        return english.toString(value.toDouble(), 'f', 1);
    case ReportColumn::Kind::Percent:
        return english.toString(value.toDouble(), 'f', 1) + QLatin1Char('%');
    case ReportColumn::Kind::Money:
        return english.toString(value.toDouble(), 'f', 0);
    case ReportColumn::Kind::Text:
    case ReportColumn::Kind::Date:
        break;
    }
    return value.toString();
}

void ReportTablePdf::layOut(PdfLayout &layout) const
{
    const auto tr = [](const char *text) {
        return QCoreApplication::translate("ReportTablePdf", text);
    };
    PdfTitlePage page;
    page.kind = tr("Report");
    page.title = m_table.title;
    page.subtitle = m_workspace;
    page.facts = {{tr("Workspace"), m_workspace}};
    if (!m_window.isEmpty())
        page.facts.append({tr("Window"), m_window});
    page.facts.append(
        {tr("Exported"), exportedAt().toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")) +
                             QStringLiteral(" UTC")});
    layout.titlePage(page);
    layout.heading(m_table.title);
    PdfTable table;
    QList<int> shown;
    for (int c = 0; c < m_table.columns.size(); ++c) {
        const ReportColumn &column = m_table.columns.at(c);
        // Ids are for drilling down in the app; people read the names beside them.
        if (column.key == QLatin1String("feature_id") || column.key == QLatin1String("user_id") ||
            column.key == QLatin1String("company_id"))
            continue;
        shown.append(c);
        const bool text =
            column.kind == ReportColumn::Kind::Text || column.kind == ReportColumn::Kind::Date;
        table.columns.append({column.title, text ? Qt::AlignLeft : Qt::AlignRight});
    }
    table.emptyText = tr("This report has no rows for this window.");
    for (const QVariantList &row : m_table.rows) {
        QStringList cells;
        for (const int c : shown)
            cells.append(cell(row.value(c), m_table.columns.at(c).kind));
        table.rows.append(cells);
    }
    layout.table(table);
    for (const QString &note : m_table.notes)
        layout.note(note);
}
