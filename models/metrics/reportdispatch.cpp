#include "reports.h"
#include "rowcursor.h"

#include "featurecatalog.h"
#include "featureusage.h"

#include <QCoreApplication>

namespace Reports {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Reports", text);
}

const QList<QPair<QString, Kind>> &kinds()
{
    static const QList<QPair<QString, Kind>> list{
        {QStringLiteral("adoption"), Kind::Adoption},
        {QStringLiteral("adoption-roi"), Kind::AdoptionRoi},
        {QStringLiteral("satisfaction"), Kind::Satisfaction},
        {QStringLiteral("velocity"), Kind::Velocity},
        {QStringLiteral("validation"), Kind::Validation}};
    return list;
}

QString idList(const QList<qint64> &ids)
{
    QStringList parts;
    for (qint64 id : ids)
        parts.append(QString::number(id));
    return parts.join(QLatin1Char(','));
}

} // namespace

std::optional<ReportTable> query(const QSqlDatabase &db, const QString &title,
                                 const QList<ReportColumn> &columns, const QString &sql,
                                 const QVariantList &binds, QString *error)
{
    RowCursor rows(db, sql);
    for (int i = 0; i < binds.size(); ++i)
        rows.bind(i, binds.at(i));
    if (!rows.exec()) {
        *error = rows.lastError();
        return std::nullopt;
    }
    ReportTable table;
    table.title = title;
    table.columns = columns;
    while (rows.next()) {
        QVariantList row;
        for (int c = 0; c < columns.size(); ++c) {
            if (rows.isNull(c))
                row.append(QVariant());
            else if (columns.at(c).kind == ReportColumn::Kind::Integer)
                row.append(rows.integer(c));
            else if (columns.at(c).kind == ReportColumn::Kind::Number)
                row.append(rows.real(c));
            else
                row.append(rows.text(c));
        }
        table.rows.append(row);
    }
    if (!rows.lastError().isEmpty()) {
        *error = rows.lastError();
        return std::nullopt;
    }
    return table;
}

std::optional<Kind> kindNamed(const QString &name)
{
    for (const auto &[n, kind] : kinds()) {
        if (n == name)
            return kind;
    }
    return std::nullopt;
}

QString kindName(Kind kind)
{
    for (const auto &[n, k] : kinds()) {
        if (k == kind)
            return n;
    }
    return QString();
}

QStringList kindNames()
{
    QStringList names;
    for (const auto &entry : kinds())
        names.append(entry.first);
    return names;
}

std::optional<ReportTable> run(Kind kind, const QSqlDatabase &db, const ReportWindow &window,
                               const QDate &today, QString *error)
{
    switch (kind) {
    case Kind::Adoption:
        return adoption(db, window, today, error);
    case Kind::AdoptionRoi:
        return adoptionRoi(db, window, today, error);
    case Kind::Satisfaction:
        return satisfaction(db, window, today, error);
    case Kind::Velocity:
        return velocity(db, window, today, error);
    case Kind::Validation:
        return validation(db, window, today, error);
    }
    return std::nullopt;
}

QStringList figureNames()
{
    return {QStringLiteral("active-users"), QStringLiteral("power-users"),
            QStringLiteral("revenue"),      QStringLiteral("feedback"),
            QStringLiteral("companies"),    QStringLiteral("pipeline"),
            QStringLiteral("responses"),    QStringLiteral("work-items")};
}

std::optional<ReportTable> drillDown(const QSqlDatabase &db, const QString &figure,
                                     const QString &key, const ReportWindow &window, QString *error)
{
    error->clear(); // failures below are told apart by a message
    using K = ReportColumn::Kind;
    if (figure == QLatin1String("work-items")) {
        return query(
            db, tr("Work items of %1 resolved in the window").arg(key),
            {{QStringLiteral("id"), tr("Id"), K::Text},
             {QStringLiteral("title"), tr("Title"), K::Text},
             {QStringLiteral("started_at"), tr("Started"), K::Text},
             {QStringLiteral("resolved_at"), tr("Resolved"), K::Text},
             {QStringLiteral("points"), tr("Points"), K::Number},
             {QStringLiteral("sprint"), tr("Sprint"), K::Text}},
            QStringLiteral("SELECT w.external_id, w.title, w.started_at, w.resolved_at, w.points, "
                           "w.sprint FROM work_items w JOIN sources s ON s.id = w.source_id WHERE "
                           "(s.name = ? OR s.name || ' / ' || w.project = ?) AND w.resolved_at >= "
                           "? AND w.resolved_at < ? ORDER BY w.resolved_at"),
            {key, key, window.fromText(), window.endText()}, error);
    }
    bool isNumber = false;
    const qint64 featureId = key.toLongLong(&isNumber);
    const FeatureCatalog catalog = FeatureCatalog::load(db, error);
    const CatalogFeature *feature = isNumber ? catalog.find(featureId) : nullptr;
    if (!feature) {
        if (error->isEmpty())
            *error = tr("There is no feature with id %1.").arg(key);
        return std::nullopt;
    }
    const QString rows = idList(feature->rowIds);
    if (figure == QLatin1String("active-users") || figure == QLatin1String("power-users")) {
        const FeatureUsage::UserDays days = FeatureUsage::userDays(db, *feature, window, error);
        if (!error->isEmpty())
            return std::nullopt;
        QList<qint64> ids;
        for (const auto &[user, userDays] : days) {
            if (figure == QLatin1String("active-users") || userDays >= FeatureUsage::PowerUserDays)
                ids.append(user);
        }
        auto table = query(
            db, tr("Users of %1 in the window").arg(feature->name),
            {{QStringLiteral("user_id"), tr("Id"), K::Integer},
             {QStringLiteral("name"), tr("Name"), K::Text},
             {QStringLiteral("email"), tr("E-mail"), K::Text},
             {QStringLiteral("company"), tr("Company"), K::Text},
             {QStringLiteral("days"), tr("Days with usage"), K::Integer}},
            QStringLiteral("SELECT u.id, u.name, u.email, c.name, (SELECT count(DISTINCT day) FROM "
                           "feature_usage fu WHERE fu.user_id = u.id AND fu.feature_id IN (%1) "
                           "AND fu.day BETWEEN ? AND ?) FROM users u LEFT JOIN companies c ON "
                           "c.id = u.company_id WHERE u.id IN (%2) ORDER BY 5 DESC, u.id")
                .arg(rows, ids.isEmpty() ? QStringLiteral("NULL") : idList(ids)),
            {window.fromText(), window.toText()}, error);
        return table;
    }
    const QString companiesOfUsers =
        QStringLiteral("SELECT DISTINCT u.company_id FROM feature_usage fu JOIN users u ON u.id "
                       "= fu.user_id WHERE fu.feature_id IN (%1) AND fu.day BETWEEN ? AND ?")
            .arg(rows);
    const QList<ReportColumn> dealColumns{{QStringLiteral("id"), tr("Id"), K::Text},
                                          {QStringLiteral("name"), tr("Opportunity"), K::Text},
                                          {QStringLiteral("company"), tr("Company"), K::Text},
                                          {QStringLiteral("stage"), tr("Stage"), K::Text},
                                          {QStringLiteral("deal_size"), tr("Deal size"), K::Number},
                                          {QStringLiteral("currency"), tr("Currency"), K::Text}};
    const QString deals = QStringLiteral(
        "SELECT o.external_id, o.name, c.name, o.stage, o.deal_size, o.currency FROM "
        "sales_opportunities o LEFT JOIN companies c ON c.id = o.company_id WHERE ");
    if (figure == QLatin1String("revenue"))
        return query(db, tr("Opportunities of companies using %1").arg(feature->name), dealColumns,
                     deals + QStringLiteral("o.company_id IN (") + companiesOfUsers +
                         QStringLiteral(") ORDER BY o.deal_size DESC"),
                     {window.fromText(), window.toText()}, error);
    const QString requesting =
        QStringLiteral("SELECT DISTINCT company_id FROM feedback WHERE feature_id IN (%1) AND "
                       "created_at >= ? AND created_at < ?")
            .arg(rows);
    if (figure == QLatin1String("pipeline"))
        return query(db, tr("Open opportunities of companies asking for %1").arg(feature->name),
                     dealColumns,
                     deals + QStringLiteral("o.is_closed = 0 AND o.company_id IN (") + requesting +
                         QStringLiteral(") ORDER BY o.deal_size DESC"),
                     {window.fromText(), window.endText()}, error);
    if (figure == QLatin1String("companies"))
        return query(db, tr("Companies asking for %1").arg(feature->name),
                     {{QStringLiteral("company_id"), tr("Id"), K::Integer},
                      {QStringLiteral("name"), tr("Company"), K::Text},
                      {QStringLiteral("domain"), tr("Domain"), K::Text}},
                     QStringLiteral("SELECT id, name, domain FROM companies WHERE id IN (") +
                         requesting + QStringLiteral(") ORDER BY name"),
                     {window.fromText(), window.endText()}, error);
    if (figure == QLatin1String("feedback") || figure == QLatin1String("responses"))
        return query(
            db,
            figure == QLatin1String("responses")
                ? tr("NPS and CSAT responses about %1").arg(feature->name)
                : tr("Feedback on %1").arg(feature->name),
            {{QStringLiteral("id"), tr("Id"), K::Text},
             {QStringLiteral("created_at"), tr("Created"), K::Text},
             {QStringLiteral("title"), tr("Title"), K::Text},
             {QStringLiteral("score"), tr("Score"), K::Number},
             {QStringLiteral("score_kind"), tr("Kind"), K::Text},
             {QStringLiteral("company"), tr("Company"), K::Text}},
            QStringLiteral("SELECT f.external_id, f.created_at, f.title, f.score, f.score_kind, "
                           "c.name FROM feedback f LEFT JOIN companies c ON c.id = f.company_id "
                           "WHERE f.feature_id IN (%1) AND f.created_at >= ? AND f.created_at < "
                           "? %2 ORDER BY f.created_at")
                .arg(rows, figure == QLatin1String("responses")
                               ? QStringLiteral("AND f.score_kind IN ('nps', 'csat')")
                               : QString()),
            {window.fromText(), window.endText()}, error);
    *error = tr("Unknown figure \"%1\" (expected %2).")
                 .arg(figure, figureNames().join(QStringLiteral(", ")));
    return std::nullopt;
}

} // namespace Reports
