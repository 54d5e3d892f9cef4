#include "exporttables.h"

#include "personaldata.h"

#include <QCoreApplication>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ExportTables", text);
}

using K = ExportColumn::Kind;

ExportColumn column(const QString &table, const char *key, const QString &title, K kind)
{
    const QString name = QString::fromLatin1(key);
    return {name, title, kind, PersonalData::isPersonal(table, name)};
}

ExportTable make(const QString &name, const QString &table, const QString &title,
                 const QString &select, const QString &from, const QList<ExportColumn> &columns)
{
    return {name, title, QStringLiteral("SELECT ") + select + QStringLiteral(" FROM ") + from,
            QStringLiteral("SELECT count(*) FROM ") + table, columns};
}

QList<ExportTable> all()
{
    const QString features = QStringLiteral("features");
    const QString feedback = QStringLiteral("feedback");
    const QString work = QStringLiteral("work_items");
    const QString sales = QStringLiteral("sales_opportunities");
    const QString campaigns = QStringLiteral("campaigns");
    const QString users = QStringLiteral("users");
    const QString companies = QStringLiteral("companies");
    return {
        make(features, features, tr("Features"),
             QStringLiteral("f.id, f.name, f.status, f.release_date, s.name, f.description, "
                            "f.merged_into, f.url, f.updated_at"),
             QStringLiteral("features f LEFT JOIN sources s ON s.id = f.source_id ORDER BY f.id"),
             {column(features, "id", tr("Id"), K::Integer),
              column(features, "name", tr("Name"), K::Text),
              column(features, "status", tr("Status"), K::Text),
              column(features, "release_date", tr("Release date"), K::Date),
              column(features, "source", tr("Source"), K::Text),
              column(features, "description", tr("Description"), K::Text),
              column(features, "merged_into", tr("Merged into"), K::Integer),
              column(features, "url", tr("Link"), K::Text),
              column(features, "updated_at", tr("Updated"), K::DateTime)}),
        make(feedback, feedback, tr("Feedback"),
             QStringLiteral("f.id, f.created_at, s.name, f.title, f.body, f.author, c.name, "
                            "f.score, f.score_kind, f.channel, coalesce(t.status, f.status), "
                            "ft.name, f.url"),
             QStringLiteral("feedback f JOIN sources s ON s.id = f.source_id "
                            "LEFT JOIN companies c ON c.id = f.company_id "
                            "LEFT JOIN features ft ON ft.id = f.feature_id "
                            "LEFT JOIN feedback_triage t ON t.source_id = f.source_id "
                            "AND t.external_id = f.external_id ORDER BY f.id"),
             {column(feedback, "id", tr("Id"), K::Integer),
              column(feedback, "created_at", tr("Created"), K::DateTime),
              column(feedback, "source", tr("Source"), K::Text),
              column(feedback, "title", tr("Title"), K::Text),
              column(feedback, "body", tr("Text"), K::Text),
              column(feedback, "author", tr("Author"), K::Text),
              column(feedback, "company", tr("Company"), K::Text),
              column(feedback, "score", tr("Score"), K::Number),
              column(feedback, "score_kind", tr("Score kind"), K::Text),
              column(feedback, "channel", tr("Channel"), K::Text),
              column(feedback, "status", tr("Status"), K::Text),
              column(feedback, "feature", tr("Feature"), K::Text),
              column(feedback, "url", tr("Link"), K::Text)}),
        make(QStringLiteral("work-items"), work, tr("Work items"),
             QStringLiteral("w.id, w.title, w.kind, w.state, w.points, w.assignee, w.project, "
                            "w.sprint, ft.name, w.created_at, w.started_at, w.resolved_at, "
                            "s.name, w.url"),
             QStringLiteral("work_items w JOIN sources s ON s.id = w.source_id "
                            "LEFT JOIN features ft ON ft.id = w.feature_id ORDER BY w.id"),
             {column(work, "id", tr("Id"), K::Integer), column(work, "title", tr("Title"), K::Text),
              column(work, "kind", tr("Kind"), K::Text),
              column(work, "state", tr("State"), K::Text),
              column(work, "points", tr("Points"), K::Number),
              column(work, "assignee", tr("Assignee"), K::Text),
              column(work, "project", tr("Project"), K::Text),
              column(work, "sprint", tr("Sprint"), K::Text),
              column(work, "feature", tr("Feature"), K::Text),
              column(work, "created_at", tr("Created"), K::DateTime),
              column(work, "started_at", tr("Started"), K::DateTime),
              column(work, "resolved_at", tr("Resolved"), K::DateTime),
              column(work, "source", tr("Source"), K::Text),
              column(work, "url", tr("Link"), K::Text)}),
        make(QStringLiteral("opportunities"), sales, tr("Sales opportunities"),
             QStringLiteral("o.id, o.name, c.name, o.stage, o.is_closed, o.is_won, o.deal_size, "
                            "o.currency, o.close_date, s.name"),
             QStringLiteral("sales_opportunities o JOIN sources s ON s.id = o.source_id "
                            "LEFT JOIN companies c ON c.id = o.company_id ORDER BY o.id"),
             {column(sales, "id", tr("Id"), K::Integer), column(sales, "name", tr("Name"), K::Text),
              column(sales, "company", tr("Company"), K::Text),
              column(sales, "stage", tr("Stage"), K::Text),
              column(sales, "is_closed", tr("Closed"), K::Integer),
              column(sales, "is_won", tr("Won"), K::Integer),
              column(sales, "deal_size", tr("Deal size"), K::Number),
              column(sales, "currency", tr("Currency"), K::Text),
              column(sales, "close_date", tr("Close date"), K::Date),
              column(sales, "source", tr("Source"), K::Text)}),
        make(campaigns, campaigns, tr("Campaigns"),
             QStringLiteral("m.id, m.name, m.type, m.status, m.start_date, m.end_date, "
                            "m.product_launch, s.name"),
             QStringLiteral("campaigns m JOIN sources s ON s.id = m.source_id ORDER BY m.id"),
             {column(campaigns, "id", tr("Id"), K::Integer),
              column(campaigns, "name", tr("Name"), K::Text),
              column(campaigns, "type", tr("Type"), K::Text),
              column(campaigns, "status", tr("Status"), K::Text),
              column(campaigns, "start_date", tr("Start"), K::Date),
              column(campaigns, "end_date", tr("End"), K::Date),
              column(campaigns, "product_launch", tr("Product launch"), K::Text),
              column(campaigns, "source", tr("Source"), K::Text)}),
        make(users, users, tr("Users"),
             QStringLiteral("u.id, u.name, u.email, c.name, u.first_seen_at, u.external_id, "
                            "s.name"),
             QStringLiteral("users u LEFT JOIN sources s ON s.id = u.source_id "
                            "LEFT JOIN companies c ON c.id = u.company_id ORDER BY u.id"),
             {column(users, "id", tr("Id"), K::Integer), column(users, "name", tr("Name"), K::Text),
              column(users, "email", tr("E-mail"), K::Text),
              column(users, "company", tr("Company"), K::Text),
              column(users, "first_seen_at", tr("First seen"), K::DateTime),
              column(users, "external_id", tr("Id in source"), K::Text),
              column(users, "source", tr("Source"), K::Text)}),
        make(companies, companies, tr("Companies"), QStringLiteral("c.id, c.name, c.domain"),
             QStringLiteral("companies c ORDER BY c.id"),
             {column(companies, "id", tr("Id"), K::Integer),
              column(companies, "name", tr("Name"), K::Text),
              column(companies, "domain", tr("Domain"), K::Text)}),
    };
}

} // namespace

namespace ExportTables {

QStringList names()
{
    QStringList list;
    for (const ExportTable &table : all())
        list.append(table.name);
    return list;
}

std::optional<ExportTable> named(const QString &name)
{
    QString wanted = name.trimmed().toLower();
    wanted.replace(QLatin1Char('_'), QLatin1Char('-'));
    if (wanted == QLatin1String("sales-opportunities"))
        wanted = QStringLiteral("opportunities");
    for (const ExportTable &table : all()) {
        if (table.name == wanted)
            return table;
    }
    return std::nullopt;
}

} // namespace ExportTables
