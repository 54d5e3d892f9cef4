#include "feedbacksource.h"

#include "database.h"
#include "personaldata.h"

#include <QCoreApplication>

namespace {

constexpr int Window = 2000;

QString tr(const char *text)
{
    return QCoreApplication::translate("FeedbackSource", text);
}

} // namespace

FeedbackSource::FeedbackSource(Database *database, FeedbackQuery query)
    : m_database(database)
    , m_query(std::move(query))
{
}

QList<ExportColumn> FeedbackSource::feedbackColumns()
{
    using K = ExportColumn::Kind;
    const QString table = QStringLiteral("feedback");
    const auto column = [&](const char *key, const QString &title, K kind) {
        const QString name = QString::fromLatin1(key);
        return ExportColumn{name, title, kind, PersonalData::isPersonal(table, name)};
    };
    return {column("id", tr("Id"), K::Integer),
            column("created_at", tr("Created"), K::DateTime),
            column("source", tr("Source"), K::Text),
            column("title", tr("Title"), K::Text),
            column("body", tr("Text"), K::Text),
            column("author", tr("Author"), K::Text),
            column("company", tr("Company"), K::Text),
            column("score", tr("Score"), K::Number),
            column("score_kind", tr("Score kind"), K::Text),
            column("channel", tr("Channel"), K::Text),
            column("status", tr("Status"), K::Text),
            column("features", tr("Features"), K::Text),
            column("tags", tr("Tags"), K::Text)};
}

QList<ExportColumn> FeedbackSource::columns() const
{
    return feedbackColumns();
}

bool FeedbackSource::open(QString *error)
{
    const std::optional<qint64> count = m_query.count(m_database->connection(), error);
    if (!count)
        return false;
    m_count = *count;
    m_cursor = FeedbackQuery::Cursor();
    m_window.clear();
    m_next = 0;
    return true;
}

bool FeedbackSource::fetchWindow()
{
    m_window.clear();
    m_next = 0;
    if (m_cursor.atEnd)
        return false;
    return m_query.fetch(m_database->connection(), &m_cursor, Window, &m_window, &m_error) &&
           !m_window.isEmpty();
}

bool FeedbackSource::next(QStringList *cells)
{
    if (m_next >= m_window.size() && !fetchWindow())
        return false;
    const FeedbackRow &row = m_window.at(m_next++);
    QStringList features;
    for (const FeedbackFeatureLink &link : row.features)
        features.append(link.name);
    *cells = {QString::number(row.id),
              row.createdAt,
              row.source,
              row.title,
              row.firstLine,
              row.author,
              row.company,
              ExportValue::text(row.score, ExportColumn::Kind::Number),
              row.scoreKind,
              row.channel,
              row.status,
              features.join(QStringLiteral("; ")),
              row.tags.join(QStringLiteral("; "))};
    return true;
}
