#include "fakemailchimp.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMutexLocker>

#include <algorithm>

namespace {

bool authorised(const QByteArray &authorization, const QByteArray &apiKey)
{
    if (authorization == "Bearer " + apiKey)
        return true;
    if (!authorization.startsWith("Basic "))
        return false;
    const QByteArray pair = QByteArray::fromBase64(authorization.mid(6));
    const qsizetype colon = pair.indexOf(':');
    return colon >= 0 && pair.mid(colon + 1) == apiKey;
}

QDateTime when(const QJsonObject &campaign, const QString &field)
{
    return QDateTime::fromString(campaign.value(field).toString(), Qt::ISODate);
}

} // namespace

FakeMailchimp::FakeMailchimp(FakeHttpServer &server, const QByteArray &apiKey,
                             const QString &basePath)
    : m_data(std::make_shared<Data>())
{
    m_data->apiKey = apiKey;
    const std::shared_ptr<Data> data = m_data;
    server.route("GET", basePath + QStringLiteral("/campaigns"),
                 [data](const FakeHttpServer::Request &request) {
                     const QMutexLocker locker(&data->mutex);
                     if (!authorised(request.header("authorization"), data->apiKey))
                         return problem(401, QStringLiteral("API Key Invalid"),
                                        QStringLiteral("Your API key may be invalid, or you've "
                                                       "attempted to access the wrong "
                                                       "datacenter."));
                     return list(*data, request);
                 });
}

QString FakeMailchimp::time(const QDateTime &when)
{
    return when.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")) + QStringLiteral("+00:00");
}

QJsonObject FakeMailchimp::campaign(const QString &id, const QString &title, const QString &status,
                                    const QDateTime &created, const QDateTime &sent)
{
    const bool wasSent = sent.isValid();
    QJsonObject object{
        {QStringLiteral("id"), id},
        {QStringLiteral("web_id"), 100000 + int(qHash(id) % 800000)},
        {QStringLiteral("type"), QStringLiteral("regular")},
        {QStringLiteral("create_time"), time(created)},
        {QStringLiteral("archive_url"), QStringLiteral("http://eepurl.com/%1").arg(id.left(6))},
        {QStringLiteral("long_archive_url"),
         QStringLiteral("https://us21.campaign-archive.com/?u=8d3a3db4d97663a9074efcc16&id=%1")
             .arg(id)},
        {QStringLiteral("status"), status},
        {QStringLiteral("emails_sent"), wasSent ? 4210 : 0},
        {QStringLiteral("send_time"), wasSent ? time(sent) : QString()},
        {QStringLiteral("content_type"), QStringLiteral("template")},
        {QStringLiteral("needs_block_refresh"), false},
        {QStringLiteral("resendable"), false},
        {QStringLiteral("recipients"),
         QJsonObject{{QStringLiteral("list_id"), QStringLiteral("57afe96172")},
                     {QStringLiteral("list_is_active"), true},
                     {QStringLiteral("list_name"), QStringLiteral("Customers")},
                     {QStringLiteral("segment_text"), QString()},
                     {QStringLiteral("recipient_count"), 4210}}},
        {QStringLiteral("settings"),
         QJsonObject{{QStringLiteral("subject_line"), QStringLiteral("News: %1").arg(title)},
                     {QStringLiteral("preview_text"), QString()},
                     {QStringLiteral("title"), title},
                     {QStringLiteral("from_name"), QStringLiteral("Acme Product Team")},
                     {QStringLiteral("reply_to"), QStringLiteral("product@acme.example")},
                     {QStringLiteral("use_conversation"), false},
                     {QStringLiteral("to_name"), QStringLiteral("*|FNAME|*")},
                     {QStringLiteral("folder_id"), QStringLiteral("3f7a2c")},
                     {QStringLiteral("authenticate"), true},
                     {QStringLiteral("auto_footer"), false},
                     {QStringLiteral("inline_css"), false},
                     {QStringLiteral("auto_tweet"), false},
                     {QStringLiteral("fb_comments"), true},
                     {QStringLiteral("timewarp"), false},
                     {QStringLiteral("template_id"), 10024},
                     {QStringLiteral("drag_and_drop"), true}}},
        {QStringLiteral("tracking"), QJsonObject{{QStringLiteral("opens"), true},
                                                 {QStringLiteral("html_clicks"), true},
                                                 {QStringLiteral("text_clicks"), false},
                                                 {QStringLiteral("goal_tracking"), false},
                                                 {QStringLiteral("ecomm360"), false},
                                                 {QStringLiteral("google_analytics"), QString()},
                                                 {QStringLiteral("clicktale"), QString()}}},
        {QStringLiteral("delivery_status"), QJsonObject{{QStringLiteral("enabled"), false}}},
        {QStringLiteral("_links"),
         QJsonArray{QJsonObject{
             {QStringLiteral("rel"), QStringLiteral("self")},
             {QStringLiteral("href"),
              QStringLiteral("https://us21.api.mailchimp.com/3.0/campaigns/%1").arg(id)},
             {QStringLiteral("method"), QStringLiteral("GET")}}}}};
    if (wasSent)
        object.insert(QStringLiteral("report_summary"),
                      QJsonObject{{QStringLiteral("opens"), 1893},
                                  {QStringLiteral("unique_opens"), 1502},
                                  {QStringLiteral("open_rate"), 0.3567},
                                  {QStringLiteral("clicks"), 411},
                                  {QStringLiteral("subscriber_clicks"), 287},
                                  {QStringLiteral("click_rate"), 0.0682},
                                  {QStringLiteral("ecommerce"),
                                   QJsonObject{{QStringLiteral("total_orders"), 0},
                                               {QStringLiteral("total_spent"), 0},
                                               {QStringLiteral("total_revenue"), 0}}}});
    return object;
}

void FakeMailchimp::setCampaign(const QJsonObject &campaign)
{
    const QMutexLocker locker(&m_data->mutex);
    m_data->campaigns.insert(campaign.value(QStringLiteral("id")).toString(), campaign);
}

QStringList FakeMailchimp::sinceCreateTimes() const
{
    const QMutexLocker locker(&m_data->mutex);
    return m_data->sinceCreate;
}

QStringList FakeMailchimp::sinceSendTimes() const
{
    const QMutexLocker locker(&m_data->mutex);
    return m_data->sinceSend;
}

FakeHttpServer::Response FakeMailchimp::problem(int status, const QString &title,
                                                const QString &detail)
{
    const QJsonObject body{
        {QStringLiteral("type"),
         QStringLiteral("https://mailchimp.com/developer/marketing/docs/errors/")},
        {QStringLiteral("title"), title},
        {QStringLiteral("status"), status},
        {QStringLiteral("detail"), detail},
        {QStringLiteral("instance"), QStringLiteral("2c5b1f0e-6d4a-4c1e-9e8b-7f3a9d2b1c0d")}};
    FakeHttpServer::Response response;
    response.status = status;
    response.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return response.withHeader("Content-Type", "application/problem+json; charset=utf-8");
}

FakeHttpServer::Response FakeMailchimp::list(Data &data, const FakeHttpServer::Request &request)
{
    const QUrlQuery &q = request.query;
    const int count = q.hasQueryItem(QStringLiteral("count"))
                          ? q.queryItemValue(QStringLiteral("count")).toInt()
                          : 10;
    const int offset = q.queryItemValue(QStringLiteral("offset")).toInt();
    if (count < 1 || count > 1000)
        return problem(400, QStringLiteral("Invalid Resource"),
                       QStringLiteral("The count parameter must be between 1 and 1000."));
    QDateTime createdAfter;
    QDateTime sentAfter;
    for (const auto &[name, list, after] :
         {std::tuple{QStringLiteral("since_create_time"), &data.sinceCreate, &createdAfter},
          std::tuple{QStringLiteral("since_send_time"), &data.sinceSend, &sentAfter}}) {
        if (!q.hasQueryItem(name))
            continue;
        const QString value = q.queryItemValue(name, QUrl::FullyDecoded);
        list->append(value);
        *after = QDateTime::fromString(value, Qt::ISODate);
        if (!after->isValid())
            return problem(400, QStringLiteral("Invalid Resource"),
                           QStringLiteral("The %1 parameter is not a valid date.").arg(name));
    }
    const QString status = q.queryItemValue(QStringLiteral("status"));
    const QString sortField = q.queryItemValue(QStringLiteral("sort_field"));
    if (!sortField.isEmpty() && sortField != QLatin1String("create_time") &&
        sortField != QLatin1String("send_time"))
        return problem(400, QStringLiteral("Invalid Resource"),
                       QStringLiteral("sort_field must be one of create_time, send_time."));
    QList<QJsonObject> matching;
    for (const QJsonObject &c : std::as_const(data.campaigns)) {
        if (!status.isEmpty() && c.value(QStringLiteral("status")).toString() != status)
            continue;
        if (createdAfter.isValid() && when(c, QStringLiteral("create_time")) <= createdAfter)
            continue;
        if (sentAfter.isValid() && !(when(c, QStringLiteral("send_time")) > sentAfter))
            continue;
        matching.append(c);
    }
    const QString field = sortField.isEmpty() ? QStringLiteral("create_time") : sortField;
    const bool ascending = q.queryItemValue(QStringLiteral("sort_dir")) == QLatin1String("ASC");
    std::stable_sort(matching.begin(), matching.end(),
                     [&field, ascending](const QJsonObject &a, const QJsonObject &b) {
                         return ascending ? when(a, field) < when(b, field)
                                          : when(a, field) > when(b, field);
                     });
    QJsonArray page;
    for (qsizetype i = offset; i < matching.size() && page.size() < count; ++i)
        page.append(matching.at(i));
    const QJsonObject answer{
        {QStringLiteral("campaigns"), page},
        {QStringLiteral("total_items"), int(matching.size())},
        {QStringLiteral("_links"),
         QJsonArray{QJsonObject{{QStringLiteral("rel"), QStringLiteral("self")},
                                {QStringLiteral("href"),
                                 QStringLiteral("https://us21.api.mailchimp.com/3.0/campaigns")},
                                {QStringLiteral("method"), QStringLiteral("GET")}}}}};
    return FakeHttpServer::Response::json(QJsonDocument(answer).toJson(QJsonDocument::Compact));
}
