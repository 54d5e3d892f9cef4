#include "feedbackdigestpdf.h"

#include "pdflayout.h"
#include "pdfstyle.h"

#include <QCoreApplication>
#include <QLocale>
#include <QMap>

#include <algorithm>

namespace {

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("FeedbackDigestPdf", text, disambiguation, n);
}

QString count(qint64 value)
{
    return QLocale(QLocale::English, QLocale::UnitedStates).toString(value);
}

QString score(const FeedbackRow &row)
{
    if (row.score.isNull())
        return QString();
    const double value = row.score.toDouble();
    const QString number =
        value == qint64(value) ? QString::number(qint64(value)) : QString::number(value, 'f', 1);
    if (row.scoreKind == QLatin1String("votes"))
        return tr("%1 votes").arg(number);
    return row.scoreKind.isEmpty() ? number : row.scoreKind.toUpper() + QLatin1Char(' ') + number;
}

} // namespace

QString FeedbackDigestData::describe(const FeedbackFilter &filter)
{
    QStringList parts;
    if (!filter.text.trimmed().isEmpty())
        parts.append(tr("matching “%1”").arg(filter.text.trimmed()));
    if (!filter.statuses.isEmpty())
        parts.append(tr("status %1").arg(filter.statuses.join(QStringLiteral(", "))));
    if (!filter.tags.isEmpty())
        parts.append(tr("tagged %1").arg(filter.tags.join(QStringLiteral(", "))));
    if (filter.feature == FeedbackFilter::Feature::Unlinked)
        parts.append(tr("not linked to a feature"));
    else if (filter.feature == FeedbackFilter::Feature::Linked)
        parts.append(filter.featureId > 0 ? tr("linked to one feature")
                                          : tr("linked to a feature"));
    if (filter.minScore || filter.maxScore)
        parts.append(tr("score %1 to %2")
                         .arg(filter.minScore ? QString::number(*filter.minScore) : tr("any"),
                              filter.maxScore ? QString::number(*filter.maxScore) : tr("any")));
    if (filter.from.isValid() || filter.to.isValid())
        parts.append(tr("created %1 to %2")
                         .arg(filter.from.isValid() ? filter.from.toString(Qt::ISODate) : tr("any"),
                              filter.to.isValid() ? filter.to.toString(Qt::ISODate) : tr("today")));
    if (!filter.sourceIds.isEmpty())
        parts.append(tr("from %n source(s)", nullptr, int(filter.sourceIds.size())));
    if (filter.companyId > 0)
        parts.append(tr("from one company"));
    return parts.isEmpty() ? tr("All feedback")
                           : tr("Feedback %1").arg(parts.join(QStringLiteral("; ")));
}

std::optional<FeedbackDigestData> FeedbackDigestData::load(const QSqlDatabase &db,
                                                           const QString &workspace,
                                                           const FeedbackQuery &query,
                                                           QString *error, int limit)
{
    FeedbackDigestData data;
    data.workspace = workspace;
    data.view = describe(query.filter());
    const std::optional<qint64> total = query.count(db, error);
    if (!total)
        return std::nullopt;
    data.total = *total;
    FeedbackQuery::Cursor cursor;
    QList<FeedbackRow> rows;
    while (rows.size() < limit && !cursor.atEnd) {
        QList<FeedbackRow> window;
        if (!query.fetch(db, &cursor, qMin(500, limit - int(rows.size())), &window, error))
            return std::nullopt;
        if (window.isEmpty())
            break;
        rows += window;
    }
    data.shown = rows.size();
    QMap<QString, qsizetype> groupOf;
    Group unlinked;
    for (const FeedbackRow &row : std::as_const(rows)) {
        if (row.features.isEmpty()) {
            unlinked.items.append(row);
            continue;
        }
        for (const FeedbackFeatureLink &link : row.features) {
            auto it = groupOf.constFind(link.name);
            if (it == groupOf.constEnd()) {
                it = groupOf.insert(link.name, data.groups.size());
                data.groups.append({link.name, {}});
            }
            data.groups[*it].items.append(row);
        }
    }
    std::stable_sort(data.groups.begin(), data.groups.end(), [](const Group &a, const Group &b) {
        return a.items.size() != b.items.size() ? a.items.size() > b.items.size()
                                                : a.feature.localeAwareCompare(b.feature) < 0;
    });
    if (!unlinked.items.isEmpty())
        data.groups.append(unlinked);
    return data;
}

FeedbackDigestPdf::FeedbackDigestPdf(FeedbackDigestData data)
    : m_data(std::move(data))
{
}

QString FeedbackDigestPdf::title() const
{
    return tr("Feedback digest");
}

QString FeedbackDigestPdf::noFeedbackText()
{
    return tr("No feedback matches this view.");
}

void FeedbackDigestPdf::layOut(PdfLayout &layout) const
{
    PdfTitlePage page;
    page.kind = title();
    page.title = m_data.workspace;
    page.subtitle = m_data.view;
    page.facts = {
        {tr("Workspace"), m_data.workspace},
        {tr("View"), m_data.view},
        {tr("Items"),
         m_data.shown < m_data.total
             ? tr("%1 of %2 (the first of the view)").arg(count(m_data.shown), count(m_data.total))
             : count(m_data.total)},
        {tr("Exported"), exportedAt().toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")) +
                             QStringLiteral(" UTC")}};
    layout.titlePage(page);

    layout.heading(tr("Summary"));
    if (m_data.groups.isEmpty()) {
        layout.emptyState(noFeedbackText());
        return;
    }
    qsizetype linkedGroups = 0;
    for (const auto &group : m_data.groups)
        linkedGroups += group.feature.isEmpty() ? 0 : 1;
    const qsizetype unlinked =
        m_data.groups.last().feature.isEmpty() ? m_data.groups.last().items.size() : 0;
    layout.keyFigures({{count(m_data.total), tr("Items in this view"), {}},
                       {count(linkedGroups), tr("Features mentioned"), {}},
                       {count(unlinked), tr("Items not linked to a feature"), {}}});
    PdfTable overview;
    overview.columns = {{tr("Feature"), Qt::AlignLeft}, {tr("Items"), Qt::AlignRight}};
    for (const auto &group : m_data.groups)
        overview.rows.append(
            {group.feature.isEmpty() ? tr("Not linked to a feature") : group.feature,
             count(group.items.size())});
    layout.table(overview);
    if (m_data.shown < m_data.total)
        layout.note(tr("The digest holds the first %1 items of the view's %2; export the view "
                       "as CSV for all of them.")
                        .arg(count(m_data.shown), count(m_data.total)));

    for (const auto &group : m_data.groups) {
        layout.heading(group.feature.isEmpty() ? tr("Not linked to a feature") : group.feature);
        layout.note(tr("%n item(s)", nullptr, int(group.items.size())));
        PdfTable table;
        table.columns = {{tr("Date"), Qt::AlignLeft},
                         {tr("Feedback"), Qt::AlignLeft},
                         {tr("Company"), Qt::AlignLeft},
                         {tr("Source"), Qt::AlignLeft},
                         {tr("Score"), Qt::AlignRight}};
        for (const FeedbackRow &row : group.items) {
            QString text = row.title.trimmed();
            if (!row.firstLine.trimmed().isEmpty() && row.firstLine.trimmed() != text)
                text = text.isEmpty() ? row.firstLine.trimmed()
                                      : text + QLatin1Char('\n') + row.firstLine.trimmed();
            table.rows.append({row.createdAt.left(10), text, row.company, row.source, score(row)});
        }
        layout.table(table);
    }
}
