#include "featurecatalog.h"
#include "featureusage.h"
#include "money.h"
#include "reports.h"
#include "rowcursor.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>

namespace Reports {
namespace {

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("Reports", text, disambiguation, n);
}

double rate(qint64 part, qint64 whole)
{
    return whole > 0 ? 100.0 * double(part) / double(whole) : 0.0;
}

void noteWindow(ReportTable &table, const ReportWindow &window, const QDate &today)
{
    table.notes.append(tr("Window: %1.").arg(window.label()));
    if (window.to >= today)
        table.notes.append(
            tr("The window includes today, which is not over: its figures will still grow."));
}

// What both adoption tables stand on: the features to count and the users active in the
// product, the denominator of every adoption rate.
struct Basis
{
    FeatureCatalog catalog;
    qint64 productUsers = 0;
};

std::optional<Basis> loadBasis(const QSqlDatabase &db, const ReportWindow &window, QString *error)
{
    error->clear(); // failures below are told apart by a message
    Basis basis;
    basis.catalog = FeatureCatalog::load(db, error);
    if (error->isEmpty())
        basis.productUsers = FeatureUsage::productActiveUsers(db, window, error);
    return error->isEmpty() ? std::optional<Basis>(std::move(basis)) : std::nullopt;
}

// The columns both adoption tables begin with, filled by adoptionCells().
QList<ReportColumn> adoptionColumns()
{
    return {{QStringLiteral("feature_id"), tr("Id"), ReportColumn::Kind::Integer},
            {QStringLiteral("feature"), tr("Feature"), ReportColumn::Kind::Text},
            {QStringLiteral("release_date"), tr("Released"), ReportColumn::Kind::Date},
            {QStringLiteral("active_users"), tr("Active users"), ReportColumn::Kind::Integer},
            {QStringLiteral("adoption_rate"), tr("Adoption"), ReportColumn::Kind::Percent},
            {QStringLiteral("power_users"), tr("Power users"), ReportColumn::Kind::Integer}};
}

QVariantList adoptionCells(const CatalogFeature &feature, const FeatureUsage::UserDays &days,
                           qint64 productUsers)
{
    return {feature.id,
            feature.name,
            feature.releaseDate.isValid() ? QVariant(feature.releaseDate.toString(Qt::ISODate))
                                          : QVariant(),
            qint64(days.size()),
            rate(days.size(), productUsers),
            FeatureUsage::powerUsers(days)};
}

} // namespace

std::optional<ReportTable> adoption(const QSqlDatabase &db, const ReportWindow &window,
                                    const QDate &today, QString *error)
{
    const std::optional<Basis> basis = loadBasis(db, window, error);
    if (!basis)
        return std::nullopt;
    const qint64 productUsers = basis->productUsers;
    ReportTable table;
    table.title = tr("Feature adoption");
    table.columns = adoptionColumns();
    for (const CatalogFeature &feature : basis->catalog.features()) {
        const FeatureUsage::UserDays days = FeatureUsage::userDays(db, feature, window, error);
        if (!error->isEmpty())
            return std::nullopt;
        table.rows.append(adoptionCells(feature, days, productUsers));
    }
    std::stable_sort(table.rows.begin(), table.rows.end(),
                     [](const QVariantList &a, const QVariantList &b) {
                         return a.at(3).toLongLong() > b.at(3).toLongLong();
                     });
    noteWindow(table, window, today);
    table.notes.append(tr("Adoption = active users of the feature / %1 users active in the "
                          "product in the window. Power users: usage on at least %2 distinct "
                          "days.")
                           .arg(productUsers)
                           .arg(FeatureUsage::PowerUserDays));
    return table;
}

std::optional<ReportTable> adoptionCurve(const QSqlDatabase &db, qint64 featureId, bool weekly,
                                         const QDate &today, QString *error)
{
    error->clear(); // failures below are told apart by a message
    const FeatureCatalog catalog = FeatureCatalog::load(db, error);
    if (!error->isEmpty())
        return std::nullopt;
    const CatalogFeature *feature = catalog.find(featureId);
    if (!feature) {
        *error = tr("There is no feature with id %1.").arg(featureId);
        return std::nullopt;
    }
    // Each user's first day with the feature, then each product user's first day since
    // the start: one pass over the feature's rows, one index probe per user. The rows come in
    // day order (the key is feature, day, user), so a day's text is parsed once, not per row,
    // and first days are kept in an array indexed by the workspace's dense user ids.
    QDate start = feature->releaseDate;
    const std::optional<size_t> userSlots = FeatureUsage::userIdSlots(db, error);
    if (!userSlots)
        return std::nullopt;
    std::vector<qint64> firstDayOf(*userSlots, 0); // Julian days; 0: none
    RowCursor rows(db, QStringLiteral("SELECT user_id, day FROM feature_usage WHERE "
                                      "feature_id = ? AND day >= ? AND day <= ? ORDER BY day"));
    for (qint64 rowId : feature->rowIds) {
        rows.bind(0, rowId);
        rows.bind(1, start.isValid() ? start.toString(Qt::ISODate) : QStringLiteral("0000"));
        rows.bind(2, today.toString(Qt::ISODate));
        if (!rows.exec()) {
            *error = rows.lastError();
            return std::nullopt;
        }
        QString dayText;
        qint64 day = 0;
        while (rows.next()) {
            const qint64 user = rows.integer(0);
            if (user <= 0 || user >= qint64(firstDayOf.size()))
                continue; // a row of a user removed since; the key keeps it from mattering
            if (rows.text(1) != dayText) {
                dayText = rows.text(1);
                day = QDate::fromString(dayText, Qt::ISODate).toJulianDay();
            }
            qint64 &first = firstDayOf[size_t(user)];
            if (first == 0 || day < first)
                first = day;
        }
    }
    QHash<QDate, qint64> featureFirst;
    for (qint64 first : firstDayOf) {
        if (first != 0)
            ++featureFirst[QDate::fromJulianDay(first)];
    }
    if (!start.isValid()) {
        for (auto it = featureFirst.cbegin(); it != featureFirst.cend(); ++it)
            start = start.isValid() ? std::min(start, it.key()) : it.key();
    }
    ReportTable table;
    table.title =
        tr("Adoption of %1 since %2")
            .arg(feature->name, start.isValid() ? start.toString(Qt::ISODate) : tr("its release"));
    table.columns = {
        {QStringLiteral("period"), weekly ? tr("Week of") : tr("Day"), ReportColumn::Kind::Date},
        {QStringLiteral("new_users"), tr("New users"), ReportColumn::Kind::Integer},
        {QStringLiteral("users"), tr("Users so far"), ReportColumn::Kind::Integer},
        {QStringLiteral("product_users"), tr("Product users so far"), ReportColumn::Kind::Integer},
        {QStringLiteral("adoption_rate"), tr("Adoption"), ReportColumn::Kind::Percent},
        {QStringLiteral("marker"), tr("Note"), ReportColumn::Kind::Text}};
    if (!start.isValid() || start > today) {
        table.notes.append(tr("The feature has no usage yet."));
        return table;
    }
    QHash<QDate, qint64> productFirst;
    RowCursor product(db, QStringLiteral("SELECT (SELECT min(day) FROM feature_usage fu WHERE "
                                         "fu.user_id = u.id AND fu.day >= ?) FROM users u"));
    product.bind(0, start.toString(Qt::ISODate));
    if (!product.exec()) {
        *error = product.lastError();
        return std::nullopt;
    }
    while (product.next()) {
        if (!product.isNull(0))
            ++productFirst[QDate::fromString(product.text(0), Qt::ISODate)];
    }
    const auto periodStart = [weekly](const QDate &day) {
        return weekly ? day.addDays(1 - day.dayOfWeek()) : day;
    };
    qint64 users = 0;
    qint64 productUsers = 0;
    bool reached = false;
    QDate period = periodStart(start);
    qint64 newInPeriod = 0;
    for (QDate day = start; day <= today; day = day.addDays(1)) {
        newInPeriod += featureFirst.value(day);
        users += featureFirst.value(day);
        productUsers += productFirst.value(day);
        const bool periodEnds = day == today || periodStart(day.addDays(1)) != period;
        if (!periodEnds)
            continue;
        const double adoption = rate(users, productUsers);
        QString marker;
        if (!reached && adoption >= 10.0) {
            reached = true;
            marker = tr("reached 10% after %n day(s)", nullptr, int(start.daysTo(day)) + 1);
        }
        if (day == today && (!weekly || today.dayOfWeek() != 7))
            marker = marker.isEmpty() ? tr("incomplete") : marker + tr(", incomplete");
        table.rows.append(
            {period.toString(Qt::ISODate), newInPeriod, users, productUsers, adoption, marker});
        period = periodStart(day.addDays(1));
        newInPeriod = 0;
    }
    table.notes.append(reached ? tr("Adoption: users of the feature since %1 / users of the "
                                    "product since then.")
                                     .arg(start.toString(Qt::ISODate))
                               : tr("Adoption has not reached 10% yet."));
    return table;
}

std::optional<ReportTable> adoptionRoi(const QSqlDatabase &db, const ReportWindow &window,
                                       const QDate &today, QString *error)
{
    const std::optional<Basis> basis = loadBasis(db, window, error);
    if (!basis)
        return std::nullopt;
    const FeatureCatalog &catalog = basis->catalog;
    const qint64 productUsers = basis->productUsers;

    QHash<qint64, qint64> companyOfUser;
    RowCursor users(
        db, QStringLiteral("SELECT id, company_id FROM users WHERE company_id IS NOT NULL"));
    if (!users.exec()) {
        *error = users.lastError();
        return std::nullopt;
    }
    while (users.next())
        companyOfUser.insert(users.integer(0), users.integer(1));
    struct Deal
    {
        double size;
        QString currency;
    };
    QMultiHash<qint64, Deal> dealsOfCompany;
    RowCursor deals(db, QStringLiteral("SELECT company_id, deal_size, currency FROM "
                                       "sales_opportunities WHERE company_id IS NOT NULL AND "
                                       "deal_size IS NOT NULL"));
    if (!deals.exec()) {
        *error = deals.lastError();
        return std::nullopt;
    }
    while (deals.next())
        dealsOfCompany.insert(deals.integer(0), {deals.real(1), deals.text(2)});
    const CurrencyRates rates = CurrencyRates::load(db);

    ReportTable table;
    table.title = tr("Feature-adoption ROI");
    table.columns = adoptionColumns();
    table.columns +=
        {{QStringLiteral("companies"), tr("Companies"), ReportColumn::Kind::Integer},
         {QStringLiteral("revenue"),
          rates.base().isEmpty() ? tr("Revenue") : tr("Revenue (%1)").arg(rates.base()),
          ReportColumn::Kind::Money},
         {QStringLiteral("revenue_by_currency"), tr("Revenue by currency"),
          ReportColumn::Kind::Text}};
    bool unconverted = false;
    for (const CatalogFeature &feature : catalog.features()) {
        if (!feature.releaseDate.isValid() || feature.releaseDate < window.from ||
            feature.releaseDate > window.to)
            continue;
        const FeatureUsage::UserDays days = FeatureUsage::userDays(db, feature, window, error);
        if (!error->isEmpty())
            return std::nullopt;
        // Each company once, each of its deals once, however many users or days it has.
        QSet<qint64> companies;
        for (const auto &[user, userDays] : days) {
            const auto company = companyOfUser.constFind(user);
            if (company != companyOfUser.constEnd())
                companies.insert(company.value());
        }
        MoneyTotals revenue;
        for (qint64 company : std::as_const(companies)) {
            for (auto deal = dealsOfCompany.constFind(company);
                 deal != dealsOfCompany.constEnd() && deal.key() == company; ++deal)
                revenue.add(deal->currency, deal->size);
        }
        const std::optional<double> converted = rates.inBase(revenue);
        unconverted = unconverted || (!converted && !revenue.isEmpty());
        table.rows.append(adoptionCells(feature, days, productUsers) +
                          QVariantList{qint64(companies.size()),
                                       converted           ? QVariant(*converted)
                                       : revenue.isEmpty() ? QVariant(0.0)
                                                           : QVariant(),
                                       revenue.text()});
    }
    // By revenue where it is known in one currency; rows that cannot be converted follow.
    std::stable_sort(table.rows.begin(), table.rows.end(),
                     [](const QVariantList &a, const QVariantList &b) {
                         if (a.at(7).isNull() != b.at(7).isNull())
                             return b.at(7).isNull();
                         return a.at(7).toDouble() > b.at(7).toDouble();
                     });
    noteWindow(table, window, today);
    table.notes.append(tr("Features released in the window. Revenue: the deal size of every "
                          "distinct opportunity of the companies with at least one active user "
                          "of the feature."));
    if (unconverted)
        table.notes.append(tr("Some revenue is in currencies without an exchange rate; it is "
                              "shown per currency and never added to other currencies. Set rates "
                              "with 'product-hub currency set'."));
    return table;
}

} // namespace Reports
