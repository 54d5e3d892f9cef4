#include "fakeaha.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMutexLocker>
#include <QSet>

#include <algorithm>
#include <optional>

namespace {

const QString host = QStringLiteral("https://acme.aha.io");

QString link(const QString &path)
{
    return host + path;
}

QString iso(const QDateTime &when)
{
    return when.toUTC().toString(Qt::ISODateWithMs);
}

QJsonObject user(const QString &id, const QString &name, const QString &email)
{
    return QJsonObject{{QStringLiteral("id"), id},
                       {QStringLiteral("name"), name},
                       {QStringLiteral("email"), email},
                       {QStringLiteral("created_at"), QStringLiteral("2025-06-01T00:00:00.000Z")},
                       {QStringLiteral("updated_at"), QStringLiteral("2025-06-01T00:00:00.000Z")}};
}

QJsonObject status(const QString &name, bool complete)
{
    return QJsonObject{{QStringLiteral("id"), QStringLiteral("962984386")},
                       {QStringLiteral("name"), name},
                       {QStringLiteral("position"), 2},
                       {QStringLiteral("complete"), complete},
                       {QStringLiteral("color"), QStringLiteral("#ecdd8f")}};
}

QJsonObject body(const QString &html, const QDateTime &updated)
{
    return QJsonObject{{QStringLiteral("id"), QStringLiteral("6776757454428226645")},
                       {QStringLiteral("body"), html},
                       {QStringLiteral("created_at"), iso(updated.addDays(-30))},
                       {QStringLiteral("updated_at"), iso(updated)},
                       {QStringLiteral("attachments"), QJsonArray()}};
}

} // namespace

QByteArray FakeAha::error(const QString &error, const QString &message)
{
    return QJsonDocument(
               QJsonObject{{QStringLiteral("error"), error}, {QStringLiteral("message"), message}})
        .toJson(QJsonDocument::Compact);
}

FakeAha::FakeAha(FakeHttpServer &server, const QByteArray &key, const QString &account)
    : m_data(std::make_shared<Data>())
{
    const std::shared_ptr<Data> data = m_data;
    const QByteArray expected = "Bearer " + key;
    const QByteArray accountHeader = account.toUtf8();
    auto guarded =
        [expected, accountHeader](
            const FakeHttpServer::Request &request) -> std::optional<FakeHttpServer::Response> {
        if (request.header("authorization") != expected) {
            return FakeHttpServer::Response::json(
                error(QStringLiteral("Unauthorized"),
                      QStringLiteral("Authentication failed: the API key is not valid")),
                401);
        }
        if (request.header("x-aha-account") != accountHeader) {
            return FakeHttpServer::Response::json(
                error(QStringLiteral("Not Found"), QStringLiteral("Unknown account")), 404);
        }
        return std::nullopt;
    };
    server.route("GET", QStringLiteral("/api/v1/features"),
                 [data, guarded](const FakeHttpServer::Request &request) {
                     if (auto refused = guarded(request))
                         return *refused;
                     const QMutexLocker locker(&data->mutex);
                     return list(*data, request, QStringLiteral("features"), data->features);
                 });
    server.route("GET", QStringLiteral("/api/v1/ideas"),
                 [data, guarded](const FakeHttpServer::Request &request) {
                     if (auto refused = guarded(request))
                         return *refused;
                     const QMutexLocker locker(&data->mutex);
                     return list(*data, request, QStringLiteral("ideas"), data->ideas);
                 });
    server.routePrefix(
        "GET", QStringLiteral("/api/v1/products/"),
        [data, guarded](const FakeHttpServer::Request &request) {
            if (auto refused = guarded(request))
                return *refused;
            const QStringList parts = request.path.split(QLatin1Char('/'));
            // "", "api", "v1", "products", KEY, "releases"
            if (parts.size() != 6 || parts.at(5) != QLatin1String("releases"))
                return FakeHttpServer::Response::json(
                    error(QStringLiteral("Not Found"), QStringLiteral("No route matches")), 404);
            const QMutexLocker locker(&data->mutex);
            const auto found = data->releases.constFind(parts.at(4));
            if (found == data->releases.constEnd()) {
                return FakeHttpServer::Response::json(
                    error(QStringLiteral("Record not found"),
                          QStringLiteral("Couldn't find Project with reference_prefix %1")
                              .arg(parts.at(4))),
                    404);
            }
            return list(*data, request, QStringLiteral("releases"), *found);
        });
}

FakeHttpServer::Response FakeAha::list(Data &data, const FakeHttpServer::Request &request,
                                       const QString &name, const QList<QJsonObject> &records)
{
    const QUrlQuery &query = request.query;
    const QString since = query.queryItemValue(QStringLiteral("updated_since"), QUrl::FullyDecoded);
    const QDateTime from = QDateTime::fromString(since, Qt::ISODate);
    if (!since.isEmpty() && !from.isValid()) {
        return FakeHttpServer::Response::json(
            error(QStringLiteral("Bad Request"),
                  QStringLiteral("updated_since is not a valid ISO8601 timestamp")),
            400);
    }
    data.updatedSince[request.path].append(since);
    const QString perPageText = query.queryItemValue(QStringLiteral("per_page"));
    const int perPage = qBound(1, perPageText.isEmpty() ? 30 : perPageText.toInt(), 200);
    const int page = qMax(1, query.queryItemValue(QStringLiteral("page")).toInt());
    QSet<QString> fields{QStringLiteral("id")};
    const QString wanted = query.queryItemValue(QStringLiteral("fields"), QUrl::FullyDecoded);
    for (const QString &field : wanted.split(QLatin1Char(','), Qt::SkipEmptyParts))
        fields.insert(field.trimmed());

    QList<QJsonObject> matching;
    for (const QJsonObject &record : records) {
        const QDateTime updated = QDateTime::fromString(
            record.value(QStringLiteral("updated_at")).toString(), Qt::ISODateWithMs);
        if (!from.isValid() || updated > from)
            matching.append(record);
    }
    // Newest first, as Aha! lists them: not in the order of updates.
    std::stable_sort(matching.begin(), matching.end(),
                     [](const QJsonObject &a, const QJsonObject &b) {
                         return a.value(QStringLiteral("created_at")).toString() >
                                b.value(QStringLiteral("created_at")).toString();
                     });
    const qsizetype total = matching.size();
    const int totalPages = int((total + perPage - 1) / perPage);
    QJsonArray out;
    for (qsizetype i = qsizetype(page - 1) * perPage; i < qMin(total, qsizetype(page) * perPage);
         ++i) {
        QJsonObject projected;
        const QJsonObject &record = matching.at(i);
        for (auto it = record.constBegin(); it != record.constEnd(); ++it) {
            if (fields.contains(it.key()))
                projected.insert(it.key(), it.value());
        }
        out.append(projected);
    }
    data.served += int(out.size());
    const QJsonObject response{
        {name, out},
        {QStringLiteral("pagination"), QJsonObject{{QStringLiteral("total_records"), total},
                                                   {QStringLiteral("total_pages"), totalPages},
                                                   {QStringLiteral("current_page"), page}}}};
    FakeHttpServer::Response answer =
        FakeHttpServer::Response::json(QJsonDocument(response).toJson(QJsonDocument::Compact));
    answer.withHeader("X-Ratelimit-Limit", "300")
        .withHeader("X-Ratelimit-Remaining", "299")
        .withHeader("X-Ratelimit-Reset",
                    QByteArray::number(QDateTime::currentSecsSinceEpoch() + 60));
    return answer;
}

void FakeAha::upsert(QList<QJsonObject> &records, const QJsonObject &record)
{
    const QString id = record.value(QStringLiteral("id")).toString();
    for (QJsonObject &existing : records) {
        if (existing.value(QStringLiteral("id")).toString() == id) {
            existing = record;
            return;
        }
    }
    records.append(record);
}

void FakeAha::setFeature(const QJsonObject &feature)
{
    const QMutexLocker locker(&m_data->mutex);
    upsert(m_data->features, feature);
}

void FakeAha::setIdea(const QJsonObject &idea)
{
    const QMutexLocker locker(&m_data->mutex);
    upsert(m_data->ideas, idea);
}

void FakeAha::setRelease(const QString &productKey, const QJsonObject &release)
{
    const QMutexLocker locker(&m_data->mutex);
    upsert(m_data->releases[productKey], release);
}

QJsonObject FakeAha::feature(int n, const QDateTime &updated, const QString &statusName)
{
    const QString id = QString::number(6776757454400000000LL + n);
    const QString reference = QStringLiteral("APP-%1").arg(n);
    // Creation order follows n, so that the list order (newest first) is not update order.
    const QDateTime created = QDateTime(QDate(2025, 1, 1), QTime(0, 0), Qt::UTC).addSecs(n * 600);
    return QJsonObject{
        {QStringLiteral("id"), id},
        {QStringLiteral("reference_num"), reference},
        {QStringLiteral("name"), QStringLiteral("Feature %1").arg(n)},
        {QStringLiteral("created_at"), iso(created)},
        {QStringLiteral("updated_at"), iso(updated)},
        {QStringLiteral("url"), link(QStringLiteral("/features/") + reference)},
        {QStringLiteral("resource"), link(QStringLiteral("/api/v1/features/") + reference)},
        {QStringLiteral("product_id"), QStringLiteral("131414752")},
        {QStringLiteral("workflow_status"), status(statusName, false)},
        {QStringLiteral("description"),
         body(QStringLiteral("<p>What feature %1 does</p>").arg(n), updated)},
        {QStringLiteral("release"),
         QJsonObject{
             {QStringLiteral("id"), QStringLiteral("278327321")},
             {QStringLiteral("reference_num"), QStringLiteral("APP-R-1")},
             {QStringLiteral("name"), QStringLiteral("Release 1")},
             {QStringLiteral("start_date"), QStringLiteral("2026-01-05")},
             {QStringLiteral("release_date"), QStringLiteral("2026-03-31")},
             {QStringLiteral("parking_lot"), false},
             {QStringLiteral("created_at"), QStringLiteral("2025-12-01T00:00:00.000Z")},
             {QStringLiteral("product_id"), QStringLiteral("131414752")},
             {QStringLiteral("url"), link(QStringLiteral("/releases/APP-R-1"))},
             {QStringLiteral("resource"), link(QStringLiteral("/api/v1/releases/APP-R-1"))}}},
        {QStringLiteral("assigned_to_user"),
         user(QStringLiteral("689956296"), QStringLiteral("Henry Humpty"),
              QStringLiteral("henry@acme.example"))},
        {QStringLiteral("score"), 42},
        {QStringLiteral("tags"), QJsonArray{QStringLiteral("onboarding")}},
    };
}

QJsonObject FakeAha::release(int n, const QDateTime &updated, bool released, bool parkingLot)
{
    const QString reference = QStringLiteral("APP-R-%1").arg(n);
    const QDate releaseDate = updated.date().addDays(14);
    return QJsonObject{
        {QStringLiteral("id"), QString::number(278327300 + n)},
        {QStringLiteral("product_id"), QStringLiteral("131414752")},
        {QStringLiteral("reference_num"), reference},
        {QStringLiteral("name"), QStringLiteral("Release %1").arg(n)},
        {QStringLiteral("start_date"), releaseDate.addDays(-60).toString(Qt::ISODate)},
        {QStringLiteral("release_date"), releaseDate.toString(Qt::ISODate)},
        {QStringLiteral("released"), released},
        {QStringLiteral("released_on"), released ? QJsonValue(updated.date().toString(Qt::ISODate))
                                                 : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("parking_lot"), parkingLot},
        {QStringLiteral("master_release"), false},
        {QStringLiteral("created_at"),
         iso(QDateTime(QDate(2025, 6, 1), QTime(0, 0), Qt::UTC).addDays(n))},
        {QStringLiteral("updated_at"), iso(updated)},
        {QStringLiteral("url"), link(QStringLiteral("/releases/") + reference)},
        {QStringLiteral("resource"), link(QStringLiteral("/api/v1/releases/") + reference)},
        {QStringLiteral("workflow_status"),
         status(released ? QStringLiteral("Shipped") : QStringLiteral("In progress"), released)},
    };
}

QJsonObject FakeAha::idea(int n, const QDateTime &updated, int votes, const QString &featureId)
{
    const QString reference = QStringLiteral("APP-I-%1").arg(n);
    const QDateTime created = QDateTime(QDate(2025, 3, 1), QTime(0, 0), Qt::UTC).addSecs(n * 900);
    QJsonValue feature = QJsonValue::Null;
    if (!featureId.isEmpty()) {
        feature = QJsonObject{
            {QStringLiteral("id"), featureId},
            {QStringLiteral("reference_num"), QStringLiteral("APP-7")},
            {QStringLiteral("name"), QStringLiteral("Feature 7")},
            {QStringLiteral("created_at"), iso(created)},
            {QStringLiteral("url"), link(QStringLiteral("/features/APP-7"))},
            {QStringLiteral("resource"), link(QStringLiteral("/api/v1/features/APP-7"))},
            {QStringLiteral("product_id"), QStringLiteral("131414752")}};
    }
    return QJsonObject{
        {QStringLiteral("id"), QString::number(58056900 + n)},
        {QStringLiteral("reference_num"), reference},
        {QStringLiteral("name"), QStringLiteral("Idea %1").arg(n)},
        {QStringLiteral("created_at"), iso(created)},
        {QStringLiteral("updated_at"), iso(updated)},
        {QStringLiteral("product_id"), QStringLiteral("131414752")},
        {QStringLiteral("workflow_status"), status(QStringLiteral("Under consideration"), false)},
        {QStringLiteral("description"),
         body(QStringLiteral("<p>Please add idea %1</p>").arg(n), updated)},
        {QStringLiteral("url"), link(QStringLiteral("/ideas/ideas/") + reference)},
        {QStringLiteral("resource"), link(QStringLiteral("/api/v1/ideas/") + reference)},
        {QStringLiteral("votes"), votes},
        {QStringLiteral("feature"), feature},
        {QStringLiteral("created_by_idea_user"),
         user(QStringLiteral("700100%1").arg(n), QStringLiteral("Dana Cole"),
              QStringLiteral("dana.cole@customer.example"))},
    };
}

QMap<QString, QStringList> FakeAha::updatedSince() const
{
    const QMutexLocker locker(&m_data->mutex);
    return m_data->updatedSince;
}

int FakeAha::recordsServed() const
{
    const QMutexLocker locker(&m_data->mutex);
    return m_data->served;
}

void FakeAha::clearLog()
{
    const QMutexLocker locker(&m_data->mutex);
    m_data->updatedSince.clear();
    m_data->served = 0;
}
