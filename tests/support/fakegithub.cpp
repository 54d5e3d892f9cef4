#include "fakegithub.h"

#include <QJsonDocument>
#include <QMutexLocker>

#include <algorithm>

FakeGitHub::FakeGitHub(FakeHttpServer &server, const QString &owner, const QString &name,
                       qint64 repositoryId)
    : m_data(std::make_shared<Data>())
{
    m_repository.owner = owner;
    m_repository.name = name;
    m_repository.id = repositoryId;
    m_repository.apiBase = server.baseUrl().toString();
    const std::shared_ptr<Data> data = m_data;
    server.route("GET", path(QStringLiteral("issues")), [data](const FakeHttpServer::Request &request) {
        const QMutexLocker locker(&data->mutex);
        const int requested = qMax(1, request.query.queryItemValue(QStringLiteral("page")).toInt());
        auto fault = data->pageFaults.find(requested);
        if (fault != data->pageFaults.end() && !fault->isEmpty())
            return fault->takeFirst();
        const QString since =
            request.query.queryItemValue(QStringLiteral("since"), QUrl::FullyDecoded);
        const QDateTime from =
            since.isEmpty() ? QDateTime() : QDateTime::fromString(since, Qt::ISODate);
        if (!since.isEmpty() && !from.isValid()) {
            return FakeHttpServer::Response::json(
                R"({"message":"Validation Failed","errors":[{"resource":"Issue","field":"since","code":"invalid"}],"documentation_url":"https://docs.github.com/rest/issues/issues#list-repository-issues"})",
                422);
        }
        if (!data->sorted) {
            data->sortedIssues = data->issues.values();
            std::sort(data->sortedIssues.begin(), data->sortedIssues.end(),
                      [](const Item &a, const Item &b) {
                          return a.updatedAt != b.updatedAt ? a.updatedAt < b.updatedAt
                                                            : a.id < b.id;
                      });
            data->sorted = true;
        }
        const QList<Item> &items = data->sortedIssues;
        qsizetype first = 0;
        if (from.isValid()) {
            first = std::lower_bound(items.cbegin(), items.cend(), from,
                                     [](const Item &item, const QDateTime &when) {
                                         return item.updatedAt < when;
                                     }) -
                    items.cbegin();
        }
        return page(request, items, first, items.size() - first, data->pageDelayMs);
    });
    server.route("GET", path(QStringLiteral("releases")),
                 [data](const FakeHttpServer::Request &request) {
                     QList<Item> items;
                     {
                         const QMutexLocker locker(&data->mutex);
                         items = data->releases.values();
                     }
                     std::reverse(items.begin(), items.end()); // newest first, as GitHub lists them
                     return page(request, items, 0, items.size());
                 });
    server.route(
        "GET", path(QStringLiteral("milestones")), [data](const FakeHttpServer::Request &request) {
            const QString state = request.query.queryItemValue(QStringLiteral("state"));
            if (!state.isEmpty() && state != QLatin1String("open") &&
                state != QLatin1String("closed") && state != QLatin1String("all")) {
                return FakeHttpServer::Response::json(
                    R"({"message":"Validation Failed","errors":[{"resource":"Milestone","field":"state","code":"invalid"}],"documentation_url":"https://docs.github.com/rest/issues/milestones#list-milestones"})",
                    422);
            }
            QList<Item> items;
            {
                const QMutexLocker locker(&data->mutex);
                for (const Item &item : std::as_const(data->milestones)) {
                    const QString itemState = item.object.value(QStringLiteral("state")).toString();
                    if (state == QLatin1String("all") ||
                        itemState == (state.isEmpty() ? QStringLiteral("open") : state))
                        items.append(item);
                }
            }
            // GitHub's default order: by due date, milestones without one last.
            std::stable_sort(items.begin(), items.end(), [](const Item &a, const Item &b) {
                const QString dueA = a.object.value(QStringLiteral("due_on")).toString();
                const QString dueB = b.object.value(QStringLiteral("due_on")).toString();
                if (dueA.isEmpty() != dueB.isEmpty())
                    return dueB.isEmpty();
                return dueA < dueB;
            });
            if (request.query.queryItemValue(QStringLiteral("direction")) == QLatin1String("desc"))
                std::reverse(items.begin(), items.end());
            return page(request, items, 0, items.size());
        });
}

QString FakeGitHub::path(const QString &resource) const
{
    return QStringLiteral("/repos/%1/%2/%3").arg(m_repository.owner, m_repository.name, resource);
}

FakeHttpServer::Response FakeGitHub::page(const FakeHttpServer::Request &request,
                                          const QList<Item> &items, qsizetype first,
                                          qsizetype count, int delayMs)
{
    const int requestedSize = request.query.queryItemValue(QStringLiteral("per_page")).toInt();
    const int perPage = qBound(1, requestedSize > 0 ? requestedSize : 30, 100);
    const int pageNumber = qMax(1, request.query.queryItemValue(QStringLiteral("page")).toInt());
    const int lastPage = qMax(1, int((count + perPage - 1) / perPage));
    QByteArray body = "[";
    const qsizetype from = first + qsizetype(pageNumber - 1) * perPage;
    const qsizetype to = qMin(first + count, from + perPage);
    for (qsizetype i = from; i < to; ++i) {
        if (i > from)
            body += ',';
        body += items.at(i).json;
    }
    body += ']';
    FakeHttpServer::Response response = FakeHttpServer::Response::json(body);
    const QByteArray link = GitHubFixtures::linkHeader(request.url, pageNumber, lastPage);
    if (!link.isEmpty())
        response.withHeader("Link", link);
    response.withHeader("x-ratelimit-limit", "5000")
        .withHeader("x-ratelimit-remaining", "4999")
        .withHeader("x-ratelimit-reset",
                    QByteArray::number(QDateTime::currentSecsSinceEpoch() + 3600))
        .withHeader("x-ratelimit-resource", "core");
    if (delayMs > 0) {
        response.fault = FakeHttpServer::Response::Fault::DelayMs;
        response.delayMs = delayMs;
    }
    return response;
}

void FakeGitHub::setIssue(int number, const QDateTime &updatedAt, bool pullRequest,
                          const QDateTime &closedAt, const QString &title)
{
    const QDateTime created = updatedAt.addDays(-3);
    QJsonObject object =
        pullRequest
            ? GitHubFixtures::pullRequest(m_repository, number, created, updatedAt, closedAt)
            : GitHubFixtures::issue(m_repository, number, created, updatedAt, closedAt);
    if (!title.isEmpty())
        object.insert(QStringLiteral("title"), title);
    Item item{object, QJsonDocument(object).toJson(QJsonDocument::Compact), updatedAt.toUTC(),
              object.value(QStringLiteral("id")).toInteger()};
    const QMutexLocker locker(&m_data->mutex);
    m_data->issues.insert(number, item);
    m_data->sorted = false;
}

void FakeGitHub::putIssue(const QJsonObject &object)
{
    const QDateTime updatedAt =
        QDateTime::fromString(object.value(QStringLiteral("updated_at")).toString(), Qt::ISODate);
    Item item{object, QJsonDocument(object).toJson(QJsonDocument::Compact), updatedAt.toUTC(),
              object.value(QStringLiteral("id")).toInteger()};
    const QMutexLocker locker(&m_data->mutex);
    m_data->issues.insert(object.value(QStringLiteral("number")).toInt(), item);
    m_data->sorted = false;
}

void FakeGitHub::setMilestone(int number, const QDateTime &updatedAt, const QDateTime &dueOn,
                              const QDateTime &closedAt)
{
    const QJsonObject object = GitHubFixtures::milestone(
        m_repository, number, updatedAt.addDays(-20), updatedAt, dueOn, closedAt);
    Item item{object, QJsonDocument(object).toJson(QJsonDocument::Compact), updatedAt.toUTC(),
              object.value(QStringLiteral("id")).toInteger()};
    const QMutexLocker locker(&m_data->mutex);
    m_data->milestones.insert(number, item);
}

QJsonObject FakeGitHub::milestone(int number) const
{
    const QMutexLocker locker(&m_data->mutex);
    return m_data->milestones.value(number).object;
}

void FakeGitHub::setRelease(int number, const QDateTime &publishedAt)
{
    const QJsonObject object =
        GitHubFixtures::release(m_repository, number, publishedAt.addDays(-1), publishedAt);
    Item item{object, QJsonDocument(object).toJson(QJsonDocument::Compact), publishedAt,
              object.value(QStringLiteral("id")).toInteger()};
    const QMutexLocker locker(&m_data->mutex);
    m_data->releases.insert(number, item);
}

void FakeGitHub::setPageDelay(int milliseconds)
{
    const QMutexLocker locker(&m_data->mutex);
    m_data->pageDelayMs = milliseconds;
}

void FakeGitHub::failIssuePage(int page, const FakeHttpServer::Response &response, int times)
{
    const QMutexLocker locker(&m_data->mutex);
    for (int i = 0; i < times; ++i)
        m_data->pageFaults[page].append(response);
}

int FakeGitHub::issueCount() const
{
    const QMutexLocker locker(&m_data->mutex);
    return int(m_data->issues.size());
}

QJsonObject FakeGitHub::issue(int number) const
{
    const QMutexLocker locker(&m_data->mutex);
    return m_data->issues.value(number).object;
}
