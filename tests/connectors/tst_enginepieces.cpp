#include "engine/credentials.h"
#include "engine/jsonrecord.h"
#include "engine/jsonslices.h"
#include "engine/pageparser.h"
#include "engine/paginator.h"
#include "engine/recordmapper.h"
#include "engine/requestbuilder.h"
#include "engine/serviceerror.h"
#include "engine/sourcesettings.h"
#include "http/errorbody.h"
#include "isodate.h"
#include "manifest/connectorregistry.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QUrlQuery>

// The parts the engine is built from, each on its own.
class TestEnginePieces : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void jsonPaths();
    void errorBodiesInEachServicesShape_data();
    void errorBodiesInEachServicesShape();
    void datesInEveryFormServicesSend_data();
    void datesInEveryFormServicesSend();
    void mapsAGithubIssue();
    void filtersRecords();
    void mappedValuesTranslateAServicesStates();
    void linkHeaderNextPage();
    void cursorPaginationStopsOnARepeatedCursor();
    void offsetAndPagePagination();
    void graphqlPagination();
    void firstRequestDropsEmptyPlaceholders();
    void cursorInTheBodyAndALastPageFlag();
    void graphqlPaginationByACursorField();
    void jsonBodyDropsWhatResolvesToNothing();
    void settingsNameFieldsInRecordPaths();
    void pageParserExplainsBadBodies();
    void newlineDelimitedRecords();
    void slicesKeepTheServicesBytes();
    void credentialsInTheServicesForm();
    void baseUrlTakesTheSourcesSettings();
    void settingsFromTheSecretAndTheTokenAnswer();
    void errorsReportedInsideABody();

private:
    static QByteArray issue();
    static JsonRecord parsed(JsonDocument &document, const QByteArray &json);
};

JsonRecord TestEnginePieces::parsed(JsonDocument &document, const QByteArray &json)
{
    QString error;
    if (!document.parse(json, &error))
        qWarning() << error;
    return document.root();
}

QByteArray TestEnginePieces::issue()
{
    return QByteArray(R"({
        "id": 1347, "number": 42, "title": "Crash on empty board", "state": "closed",
        "user": {"login": "octocat"}, "assignee": null,
        "assignees": [{"login": "hubot"}, {"login": "monalisa"}],
        "labels": [{"name": "bug"}, {"name": "p1"}],
        "created_at": "2026-03-01T10:00:00Z", "updated_at": "2026-03-05T08:30:00Z",
        "closed_at": "2026-03-04T17:45:12Z",
        "html_url": "https://github.com/acme/rocket/issues/42"
    })");
}

void TestEnginePieces::jsonPaths()
{
    JsonDocument document;
    const JsonRecord o = parsed(document, issue());
    QCOMPARE(o.value(QStringLiteral("user.login")).toString(), QStringLiteral("octocat"));
    QCOMPARE(o.value(QStringLiteral("assignees[1].login")).toString(), QStringLiteral("monalisa"));
    const QJsonArray labels = o.value(QStringLiteral("labels[].name")).toArray();
    QCOMPARE(labels.size(), 2);
    QCOMPARE(labels.at(1).toString(), QStringLiteral("p1"));
    QVERIFY(o.value(QStringLiteral("milestone.title")).isUndefined());
    QVERIFY(o.value(QStringLiteral("assignee")).isNull());
    QVERIFY(o.value(QStringLiteral("assignees[9].login")).isUndefined());
    QCOMPARE(o.value(QStringLiteral("$")).toObject().value(QStringLiteral("number")).toInt(), 42);
    QCOMPARE(o.value(QStringLiteral("id")).toInteger(), 1347);
}

void TestEnginePieces::datesInEveryFormServicesSend_data()
{
    QTest::addColumn<QJsonValue>("input");
    QTest::addColumn<QString>("utc");
    QTest::newRow("github") << QJsonValue(QStringLiteral("2017-10-10T16:00:00Z"))
                            << QStringLiteral("2017-10-10T16:00:00Z");
    QTest::newRow("jira offset without colon")
        << QJsonValue(QStringLiteral("2022-12-08T02:22:18.889-0800"))
        << QStringLiteral("2022-12-08T10:22:18.889Z");
    QTest::newRow("salesforce") << QJsonValue(QStringLiteral("2021-05-27T13:59:29.000+0000"))
                                << QStringLiteral("2021-05-27T13:59:29Z");
    QTest::newRow("amplitude no zone") << QJsonValue(QStringLiteral("2020-02-15 01:00:00.123456"))
                                       << QStringLiteral("2020-02-15T01:00:00.123Z");
    QTest::newRow("pipedrive") << QJsonValue(QStringLiteral("2022-09-27 13:21:10"))
                               << QStringLiteral("2022-09-27T13:21:10Z");
    QTest::newRow("offset with colon") << QJsonValue(QStringLiteral("2026-01-01T01:30:00+01:30"))
                                       << QStringLiteral("2026-01-01T00:00:00Z");
    QTest::newRow("epoch seconds")
        << QJsonValue(1700000000) << QStringLiteral("2023-11-14T22:13:20Z");
    QTest::newRow("epoch milliseconds")
        << QJsonValue(1700000000123.0) << QStringLiteral("2023-11-14T22:13:20.123Z");
    QTest::newRow("epoch as text")
        << QJsonValue(QStringLiteral("1700000000")) << QStringLiteral("2023-11-14T22:13:20Z");
    QTest::newRow("bare date") << QJsonValue(QStringLiteral("2026-11-28"))
                               << QStringLiteral("2026-11-28T00:00:00Z");
    QTest::newRow("nonsense") << QJsonValue(QStringLiteral("yesterday")) << QString();
    QTest::newRow("impossible date")
        << QJsonValue(QStringLiteral("2026-02-30T00:00:00Z")) << QString();
}

void TestEnginePieces::datesInEveryFormServicesSend()
{
    QFETCH(QJsonValue, input);
    QFETCH(QString, utc);
    const QDateTime parsed = IsoDate::parse(input);
    QCOMPARE(parsed.isValid() ? IsoDate::timestamp(parsed) : QString(), utc);
}

void TestEnginePieces::mapsAGithubIssue()
{
    const ConnectorRegistry registry = ConnectorRegistry::load();
    const StreamSpec *issues =
        registry.find(QStringLiteral("github"))->stream(QStringLiteral("issues"));
    const RecordMapper mapper(*issues);
    QCOMPARE(mapper.columns().first(), QStringLiteral("external_id"));
    QVariantList row;
    QString error;
    JsonDocument document;
    QVERIFY2(mapper.map(parsed(document, issue()), &row, &error), qPrintable(error));
    const auto value = [&](const char *column) {
        return row.at(mapper.columns().indexOf(QLatin1String(column)));
    };
    QCOMPARE(value("external_id").toString(), QStringLiteral("1347"));
    QCOMPARE(value("title").toString(), QStringLiteral("Crash on empty board"));
    QCOMPARE(value("kind").toString(), QStringLiteral("issue"));
    QCOMPARE(value("state").toString(), QStringLiteral("closed"));
    QCOMPARE(value("assignee").toString(),
             QStringLiteral("hubot")); // assignee null: first of assignees
    QCOMPARE(value("created_at").toString(), QStringLiteral("2026-03-01T10:00:00Z"));
    QCOMPARE(value("resolved_at").toString(), QStringLiteral("2026-03-04T17:45:12Z"));
    QCOMPARE(value("url").toString(), QStringLiteral("https://github.com/acme/rocket/issues/42"));
    QCOMPARE(mapper.cursorValue(parsed(document, issue())),
             QDateTime(QDate(2026, 3, 5), QTime(8, 30), Qt::UTC));

    QJsonObject noId = QJsonDocument::fromJson(issue()).object();
    noId.remove(QStringLiteral("id"));
    QVERIFY(!mapper.map(parsed(document, QJsonDocument(noId).toJson()), &row, &error));
    QVERIFY2(error.contains(QStringLiteral("no value at \"id\"")), qPrintable(error));
}

void TestEnginePieces::filtersRecords()
{
    const ConnectorRegistry registry = ConnectorRegistry::load();
    const ConnectorManifest *github = registry.find(QStringLiteral("github"));
    QJsonObject pullObject = QJsonDocument::fromJson(issue()).object();
    pullObject.insert(
        QStringLiteral("pull_request"),
        QJsonObject{{QStringLiteral("merged_at"), QStringLiteral("2026-03-04T00:00:00Z")}});
    JsonDocument issueDocument;
    JsonDocument pullDocument;
    const JsonRecord plain = parsed(issueDocument, issue());
    const JsonRecord pull = parsed(pullDocument, QJsonDocument(pullObject).toJson());
    QVERIFY(RecordMapper(*github->stream(QStringLiteral("issues"))).accepts(plain));
    QVERIFY(!RecordMapper(*github->stream(QStringLiteral("issues"))).accepts(pull));
    QVERIFY(RecordMapper(*github->stream(QStringLiteral("pull_requests"))).accepts(pull));
    QVERIFY(!RecordMapper(*github->stream(QStringLiteral("pull_requests"))).accepts(plain));
    QVariantList row;
    QString error;
    const RecordMapper pulls(*github->stream(QStringLiteral("pull_requests")));
    QVERIFY(pulls.map(pull, &row, &error));
    QCOMPARE(row.at(pulls.columns().indexOf(QStringLiteral("resolved_at"))).toString(),
             QStringLiteral("2026-03-04T00:00:00Z")); // merged, not closed
}

void TestEnginePieces::mappedValuesTranslateAServicesStates()
{
    StreamSpec stream;
    FieldMapping id;
    id.column = QStringLiteral("external_id");
    id.paths = {QStringLiteral("id")};
    FieldMapping status;
    status.column = QStringLiteral("status");
    status.paths = {QStringLiteral("status")};
    status.values = {{QStringLiteral("save"), QStringLiteral("draft")},
                     {QStringLiteral("sent"), QStringLiteral("completed")}};
    stream.mapping = {id, status};
    const RecordMapper mapper(stream);
    JsonDocument document;
    QVariantList row;
    QString error;
    QVERIFY(mapper.map(parsed(document, R"({"id":"a1","status":"save"})"), &row, &error));
    QCOMPARE(row.at(1).toString(), QStringLiteral("draft"));
    QVERIFY(mapper.map(parsed(document, R"({"id":"a2","status":"sent"})"), &row, &error));
    QCOMPARE(row.at(1).toString(), QStringLiteral("completed"));
    // A state the manifest does not list is kept as the service wrote it; matching is exact.
    QVERIFY(mapper.map(parsed(document, R"({"id":"a3","status":"Sent"})"), &row, &error));
    QCOMPARE(row.at(1).toString(), QStringLiteral("Sent"));
    QVERIFY(mapper.map(parsed(document, R"({"id":"a4"})"), &row, &error));
    QVERIFY(row.at(1).isNull());
}

void TestEnginePieces::linkHeaderNextPage()
{
    const QByteArray link =
        "<https://api.github.com/repositories/1/issues?per_page=100&page=2>; rel=\"next\", "
        "<https://api.github.com/repositories/1/issues?per_page=100&page=9>; rel=\"last\"";
    QCOMPARE(
        Paginator::nextLink(link),
        QUrl(QStringLiteral("https://api.github.com/repositories/1/issues?per_page=100&page=2")));
    QVERIFY(
        Paginator::nextLink("<https://x/?page=1>; rel=\"prev\", <https://x/?page=1>; rel=\"first\"")
            .isEmpty());
    QVERIFY(Paginator::nextLink(QByteArray()).isEmpty());
}

void TestEnginePieces::cursorPaginationStopsOnARepeatedCursor()
{
    PaginationSpec spec;
    spec.type = PaginationSpec::Type::Cursor;
    spec.cursorPath = QStringLiteral("pageCursor");
    spec.parameter = QStringLiteral("pageCursor");
    Paginator paginator(spec);
    HttpRequest request;
    request.url = QUrl(QStringLiteral("https://api.productboard.com/notes"));
    JsonDocument document;
    const JsonRecord page1 = parsed(document, R"({"data":[{}],"pageCursor":"abc"})");
    QString error;
    const auto next = paginator.next(request, {}, page1, 1, &error);
    QVERIFY(next);
    QCOMPARE(QUrlQuery(next->url).queryItemValue(QStringLiteral("pageCursor")),
             QStringLiteral("abc"));
    QVERIFY(!paginator.next(*next, {}, page1, 1, &error));
    QVERIFY(error.contains(QStringLiteral("same page cursor twice")));
    error.clear();
    Paginator fresh(spec);
    JsonDocument empty;
    QVERIFY(!fresh.next(request, {}, parsed(empty, R"({"data":[],"pageCursor":null})"), 0, &error));
    QVERIFY(error.isEmpty());
}

void TestEnginePieces::offsetAndPagePagination()
{
    PaginationSpec offset;
    offset.type = PaginationSpec::Type::Offset;
    offset.parameter = QStringLiteral("offset");
    offset.size = 50;
    Paginator paginator(offset);
    HttpRequest request;
    request.url = QUrl(QStringLiteral("https://app.asana.com/api/1.0/tasks?offset=0&limit=50"));
    QString error;
    const auto next = paginator.next(request, {}, JsonRecord(), 50, &error);
    QVERIFY(next);
    QCOMPARE(QUrlQuery(next->url).queryItemValue(QStringLiteral("offset")), QStringLiteral("50"));
    QVERIFY(!paginator.next(*next, {}, JsonRecord(), 49, &error)); // a short page is the last

    PaginationSpec page;
    page.type = PaginationSpec::Type::PageNumber;
    page.parameter = QStringLiteral("page");
    page.size = 2;
    Paginator pages(page);
    request.url = QUrl(QStringLiteral("https://x/ideas?page=1&per_page=2"));
    const auto second = pages.next(request, {}, JsonRecord(), 2, &error);
    QVERIFY(second);
    QCOMPARE(QUrlQuery(second->url).queryItemValue(QStringLiteral("page")), QStringLiteral("2"));
}

void TestEnginePieces::graphqlPagination()
{
    PaginationSpec spec;
    spec.type = PaginationSpec::Type::GraphQL;
    spec.pageInfoPath = QStringLiteral("data.issues.pageInfo");
    Paginator paginator(spec);
    HttpRequest request;
    request.method = "POST";
    request.body =
        R"({"query":"query($after:String){issues(first:50,after:$after){nodes{id}}}","variables":{}})";
    QString error;
    JsonDocument first;
    const auto next = paginator.next(
        request, {},
        parsed(first, R"({"data":{"issues":{"pageInfo":{"hasNextPage":true,"endCursor":"c2"}}}})"),
        50, &error);
    QVERIFY(next);
    QCOMPARE(QJsonDocument::fromJson(next->body)
                 .object()
                 .value(QStringLiteral("variables"))
                 .toObject()
                 .value(QStringLiteral("after"))
                 .toString(),
             QStringLiteral("c2"));
    JsonDocument last;
    QVERIFY(!paginator.next(
        *next, {},
        parsed(last, R"({"data":{"issues":{"pageInfo":{"hasNextPage":false,"endCursor":"c3"}}}})"),
        10, &error));
}

void TestEnginePieces::firstRequestDropsEmptyPlaceholders()
{
    const ConnectorRegistry registry = ConnectorRegistry::load();
    const ConnectorManifest *github = registry.find(QStringLiteral("github"));
    const RequestBuilder builder(*github, *github->stream(QStringLiteral("issues")),
                                 QUrl(QStringLiteral("https://ghe.example.com/api/v3/")),
                                 QJsonObject());
    const HttpRequest first = builder.first(QStringLiteral("acme/rocket"), QString());
    QCOMPARE(first.url.path(), QStringLiteral("/api/v3/repos/acme/rocket/issues"));
    const QUrlQuery query(first.url);
    QVERIFY(!query.hasQueryItem(QStringLiteral("since")));
    QCOMPARE(query.queryItemValue(QStringLiteral("per_page")), QStringLiteral("100"));
    QCOMPARE(first.header("accept"), QByteArray("application/vnd.github+json"));
    const HttpRequest incremental =
        builder.first(QStringLiteral("acme/rocket"), QStringLiteral("2026-03-05T08:30:00Z"));
    QCOMPARE(QUrlQuery(incremental.url).queryItemValue(QStringLiteral("since"), QUrl::FullyDecoded),
             QStringLiteral("2026-03-05T08:30:00Z"));
}

// Notion and Jira's POST searches: the cursor goes into the JSON body; Jira also says
// "isLast": true on its last page, with or without a token.
void TestEnginePieces::cursorInTheBodyAndALastPageFlag()
{
    PaginationSpec spec;
    spec.type = PaginationSpec::Type::Cursor;
    spec.cursorPath = QStringLiteral("nextPageToken");
    spec.parameter = QStringLiteral("nextPageToken");
    spec.parameterInBody = true;
    spec.lastPagePath = QStringLiteral("isLast");
    Paginator paginator(spec);
    HttpRequest request;
    request.method = "POST";
    request.body = R"({"jql":"project = RKT","maxResults":100})";
    QString error;
    JsonDocument first;
    const auto next = paginator.next(
        request, {},
        parsed(first, R"({"issues":[{"id":"1"}],"nextPageToken":"tok-2","isLast":false})"), 1,
        &error);
    QVERIFY(next);
    const QJsonObject body = QJsonDocument::fromJson(next->body).object();
    QCOMPARE(body.value(QStringLiteral("nextPageToken")).toString(), QStringLiteral("tok-2"));
    QCOMPARE(body.value(QStringLiteral("jql")).toString(), QStringLiteral("project = RKT"));
    QCOMPARE(next->url, request.url);
    JsonDocument last;
    QVERIFY(!paginator.next(
        *next, {}, parsed(last, R"({"issues":[{"id":"2"}],"nextPageToken":"tok-3","isLast":true})"),
        1, &error));
    QVERIFY(error.isEmpty());
}

// monday.com pages by a cursor field that is null on the last page.
void TestEnginePieces::graphqlPaginationByACursorField()
{
    PaginationSpec spec;
    spec.type = PaginationSpec::Type::GraphQL;
    spec.cursorPath = QStringLiteral("data.next_items_page.cursor");
    spec.cursorVariable = QStringLiteral("cursor");
    Paginator paginator(spec);
    HttpRequest request;
    request.method = "POST";
    request.body = R"({"query":"query($cursor:String){x}","variables":{"limit":100}})";
    QString error;
    JsonDocument first;
    const auto next = paginator.next(
        request, {}, parsed(first, R"({"data":{"next_items_page":{"cursor":"MSw5"}}})"), 100,
        &error);
    QVERIFY(next);
    const QJsonObject variables =
        QJsonDocument::fromJson(next->body).object().value(QStringLiteral("variables")).toObject();
    QCOMPARE(variables.value(QStringLiteral("cursor")).toString(), QStringLiteral("MSw5"));
    QCOMPARE(variables.value(QStringLiteral("limit")).toInt(), 100);
    JsonDocument repeated;
    QVERIFY(!paginator.next(*next, {},
                            parsed(repeated, R"({"data":{"next_items_page":{"cursor":"MSw5"}}})"),
                            100, &error));
    QVERIFY2(error.contains(QLatin1String("same page cursor")), qPrintable(error));
    JsonDocument last;
    Paginator fresh(spec);
    error.clear();
    QVERIFY(!fresh.next(
        request, {}, parsed(last, R"({"data":{"next_items_page":{"cursor":null}}})"), 3, &error));
    QVERIFY(error.isEmpty());
}

void TestEnginePieces::jsonBodyDropsWhatResolvesToNothing()
{
    ConnectorManifest manifest;
    StreamSpec stream;
    stream.request.method = "POST";
    stream.request.path = QStringLiteral("/v1/databases/{item}/query");
    stream.request.body = QJsonDocument::fromJson(R"({
        "page_size": 100,
        "filter": {"timestamp": "last_edited_time", "last_edited_time": {"on_or_after": "{cursor}"}},
        "sorts": [{"timestamp": "last_edited_time", "direction": "ascending"}],
        "archived": false, "owner": "{settings.owner}"})")
                              .object();
    const RequestBuilder builder(manifest, stream, QUrl(QStringLiteral("https://api.notion.test")),
                                 QJsonObject{{QStringLiteral("owner"), QStringLiteral("ana")}});
    const HttpRequest first = builder.first(QStringLiteral("db-1"), QString());
    QCOMPARE(first.method, QByteArray("POST"));
    QCOMPARE(first.url.path(), QStringLiteral("/v1/databases/db-1/query"));
    QCOMPARE(first.header("content-type"), QByteArray("application/json"));
    QJsonObject body = QJsonDocument::fromJson(first.body).object();
    QCOMPARE(body.value(QStringLiteral("page_size")).toInt(), 100);
    QCOMPARE(body.value(QStringLiteral("owner")).toString(), QStringLiteral("ana"));
    QCOMPARE(body.value(QStringLiteral("archived")), QJsonValue(false));
    // Without a cursor, the filter's only condition is empty, and so is the filter: gone.
    QCOMPARE(body.value(QStringLiteral("filter")).toObject().keys(),
             QStringList{QStringLiteral("timestamp")});
    QVERIFY(body.value(QStringLiteral("sorts")).isArray());

    const HttpRequest incremental =
        builder.first(QStringLiteral("db-1"), QStringLiteral("2026-03-05T08:30:00Z"));
    body = QJsonDocument::fromJson(incremental.body).object();
    QCOMPARE(body.value(QStringLiteral("filter"))
                 .toObject()
                 .value(QStringLiteral("last_edited_time"))
                 .toObject()
                 .value(QStringLiteral("on_or_after"))
                 .toString(),
             QStringLiteral("2026-03-05T08:30:00Z"));
}

void TestEnginePieces::settingsNameFieldsInRecordPaths()
{
    StreamSpec stream;
    FieldMapping points;
    points.column = QStringLiteral("points");
    points.type = FieldMapping::Type::Number;
    points.paths = {QStringLiteral("fields.{settings.story_points_field}"),
                    QStringLiteral("fields.story_points")};
    FieldMapping id;
    id.column = QStringLiteral("external_id");
    id.paths = {QStringLiteral("id")};
    stream.mapping = {id, points};
    stream.cursor.field = QStringLiteral("fields.updated");
    const StreamSpec resolved = RequestBuilder::withSettings(
        stream,
        QJsonObject{{QStringLiteral("story_points_field"), QStringLiteral("customfield_10016")}});
    QCOMPARE(resolved.mapping.at(1).paths.first(), QStringLiteral("fields.customfield_10016"));
    QCOMPARE(resolved.mapping.at(1).paths.last(), QStringLiteral("fields.story_points"));
    const RecordMapper mapper(resolved);
    JsonDocument document;
    QVariantList row;
    QString error;
    QVERIFY(mapper.map(parsed(document, R"({"id":"10001","fields":{"customfield_10016":5.0}})"),
                       &row, &error));
    QCOMPARE(row.at(1).toDouble(), 5.0);

    // An optional setting left empty takes its path out instead of pointing at "fields".
    const StreamSpec unset = RequestBuilder::withSettings(stream, QJsonObject());
    QCOMPARE(unset.mapping.at(1).paths, QStringList{QStringLiteral("fields.story_points")});
    const RecordMapper fallback(unset);
    QVERIFY(fallback.map(parsed(document, R"({"id":"10002","fields":{"story_points":3}})"), &row,
                         &error));
    QCOMPARE(row.at(1).toDouble(), 3.0);
}

void TestEnginePieces::pageParserExplainsBadBodies()
{
    StreamSpec stream;
    stream.recordsPath = QStringLiteral("data");
    PageParser parser(stream);
    QList<PageRecord> records;
    JsonRecord document;
    QString error;
    QVERIFY(parser.parse(R"({"meta":{"a":[1,"]"]},"data":[{"id":1},  {"id": 2, "name": "two"}]})",
                         &records, &document, &error));
    QCOMPARE(records.size(), 2);
    QCOMPARE(records.at(1).raw, QByteArray(R"({"id": 2, "name": "two"})")); // the bytes as sent
    QCOMPARE(records.at(1).record.value(QStringLiteral("name")).toString(), QStringLiteral("two"));

    QVERIFY(!parser.parse("<!DOCTYPE html><html><body>502 Bad Gateway</body></html>", &records,
                          &document, &error));
    QVERIFY2(error.contains(QStringLiteral("HTML page")), qPrintable(error));
    QVERIFY(!parser.parse(R"({"data":[{"id":1},{"id":)", &records, &document, &error));
    QVERIFY2(error.contains(QStringLiteral("not valid JSON")), qPrintable(error));
    QVERIFY(!parser.parse(R"({"items":[]})", &records, &document, &error));
    QVERIFY2(
        error.contains(QStringLiteral("expected a list of records at \"data\", found nothing")),
        qPrintable(error));
    QVERIFY(!parser.parse(R"({"data":{"id":1}})", &records, &document, &error));
    QVERIFY2(error.contains(QStringLiteral("found an object")), qPrintable(error));
    QVERIFY(!parser.parse(R"({"errors":[{"message":"Rate limit exceeded"}]})", &records, &document,
                          &error));
    QVERIFY2(error.contains(QStringLiteral("Rate limit exceeded")), qPrintable(error));
    QVERIFY(!parser.parse(R"({"data":[1,2]})", &records, &document, &error));
    QVERIFY2(error.contains(QStringLiteral("record 1 of the page is not a JSON object")),
             qPrintable(error));
}

void TestEnginePieces::newlineDelimitedRecords()
{
    StreamSpec stream;
    stream.recordsFormat = QStringLiteral("ndjson");
    PageParser parser(stream);
    QList<PageRecord> records;
    JsonRecord document;
    QString error;
    QVERIFY(parser.parse("{\"event\":\"a\"}\n\n{\"event\":\"b\"}\n", &records, &document, &error));
    QCOMPARE(records.size(), 2);
    QCOMPARE(records.at(1).record.value(QStringLiteral("event")).toString(), QStringLiteral("b"));
    QCOMPARE(records.at(1).raw, QByteArray("{\"event\":\"b\"}"));
    QVERIFY(!parser.parse("{\"event\":\"a\"}\n\n{\"event\":\n", &records, &document, &error));
    QVERIFY2(error.contains(QStringLiteral("line 3")), qPrintable(error));
}

void TestEnginePieces::credentialsInTheServicesForm()
{
    Credentials credentials{"s3cr3t"};
    HttpRequest request;
    request.url = QUrl(QStringLiteral("https://x.example.com/a?b=1"));
    AuthSpec bearer;
    bearer.type = AuthSpec::Type::Bearer;
    bearer.prefix = QStringLiteral("Bearer ");
    credentials.apply(bearer, request);
    QCOMPARE(request.header("authorization"), QByteArray("Bearer s3cr3t"));

    AuthSpec header;
    header.type = AuthSpec::Type::Header;
    header.header = QStringLiteral("X-API-TOKEN");
    HttpRequest second;
    second.url = request.url;
    credentials.apply(header, second);
    QCOMPARE(second.header("x-api-token"), QByteArray("s3cr3t"));

    AuthSpec basic;
    basic.type = AuthSpec::Type::Basic;
    HttpRequest third;
    Credentials{"me@acme.com:tok"}.apply(basic, third);
    QCOMPARE(third.header("Authorization"),
             QByteArray("Basic ") + QByteArray("me@acme.com:tok").toBase64());

    AuthSpec query;
    query.type = AuthSpec::Type::Query;
    query.queryParameter = QStringLiteral("api_token");
    HttpRequest fourth;
    fourth.url = request.url;
    credentials.apply(query, fourth);
    QCOMPARE(QUrlQuery(fourth.url).queryItemValue(QStringLiteral("api_token")),
             QStringLiteral("s3cr3t"));
    QCOMPARE(QUrlQuery(fourth.url).queryItemValue(QStringLiteral("b")), QStringLiteral("1"));
}

void TestEnginePieces::slicesKeepTheServicesBytes()
{
    QList<QByteArrayView> slices;
    QVERIFY(JsonSlices::arrayElements(" [ {\"a\":\"x,]}\\\"y\"} , 12, \"s\", [1,[2]], null ] ",
                                      QString(), &slices));
    QCOMPARE(slices.size(), 5);
    QCOMPARE(slices.at(0), QByteArrayView("{\"a\":\"x,]}\\\"y\"}"));
    QCOMPARE(slices.at(1), QByteArrayView("12"));
    QCOMPARE(slices.at(3), QByteArrayView("[1,[2]]"));
    QVERIFY(JsonSlices::arrayElements(R"({"skip":{"items":[9]},"data":{"items":[{"id":1}]}})",
                                      QStringLiteral("data.items"), &slices));
    QCOMPARE(slices.size(), 1);
    QCOMPARE(slices.first(), QByteArrayView(R"({"id":1})"));
    // An even run of backslashes before a quote escapes itself, not the quote.
    QVERIFY(JsonSlices::arrayElements(QByteArrayView("[\"a\\\\\", {\"b\":\"\\\\\\\"]\"}]"),
                                      QString(), &slices));
    QCOMPARE(slices.size(), 2);
    QCOMPARE(slices.at(0), QByteArrayView("\"a\\\\\""));
    QCOMPARE(slices.at(1), QByteArrayView("{\"b\":\"\\\\\\\"]\"}"));
    QVERIFY(JsonSlices::arrayElements("[]", QString(), &slices));
    QVERIFY(slices.isEmpty());
    QVERIFY(!JsonSlices::arrayElements(R"({"data":{}})", QStringLiteral("data.items"), &slices));
    QVERIFY(!JsonSlices::arrayElements(R"({"data":[1,2)", QStringLiteral("data"), &slices));
}

void TestEnginePieces::baseUrlTakesTheSourcesSettings()
{
    ConnectorManifest manifest;
    manifest.title = QStringLiteral("Marketo");
    SettingSpec munchkin;
    munchkin.name = QStringLiteral("munchkin_id");
    munchkin.help = QStringLiteral("Your Munchkin id");
    manifest.settings.append(munchkin);
    const QString text = QStringLiteral("https://{settings.munchkin_id}.mktorest.com/rest");
    QString error;
    const QUrl url = RequestBuilder::baseUrl(
        text, manifest, {{QStringLiteral("munchkin_id"), QStringLiteral("123-ABC-456")}}, &error);
    QCOMPARE(url, QUrl(QStringLiteral("https://123-ABC-456.mktorest.com/rest")));
    QVERIFY(error.isEmpty());
    // A missing setting is named, with its help, rather than sending to a broken host.
    QVERIFY(!RequestBuilder::baseUrl(text, manifest, {}, &error).isValid());
    QVERIFY2(error.contains(QStringLiteral("\"munchkin_id\" (Your Munchkin id)")),
             qPrintable(error));
    error.clear();
    QVERIFY(!RequestBuilder::baseUrl(QStringLiteral("{settings.munchkin_id}/rest"), manifest,
                                     {{QStringLiteral("munchkin_id"), QStringLiteral("ftp://x")}},
                                     &error)
                 .isValid());
    QVERIFY2(error.contains(QStringLiteral("not a valid http(s) URL")), qPrintable(error));
}

void TestEnginePieces::settingsFromTheSecretAndTheTokenAnswer()
{
    ConnectorManifest manifest;
    SettingSpec dc;
    dc.name = QStringLiteral("data_center");
    dc.fromSecret = QStringLiteral("-([a-z]+[0-9]+)$");
    manifest.settings.append(dc);
    QJsonObject settings =
        SourceSettings::withSecretParts(manifest, {}, "anystring:0123456789abcdef-us21");
    QCOMPARE(settings.value(QStringLiteral("data_center")).toString(), QStringLiteral("us21"));
    // A value the source gives wins; a secret without the part leaves the setting unset.
    settings = SourceSettings::withSecretParts(
        manifest, {{QStringLiteral("data_center"), QStringLiteral("us6")}}, "key-us21");
    QCOMPARE(settings.value(QStringLiteral("data_center")).toString(), QStringLiteral("us6"));
    QVERIFY(!SourceSettings::withSecretParts(manifest, {}, "nodatacentre")
                 .contains(QStringLiteral("data_center")));

    AuthSpec auth;
    auth.tokenSettings.insert(QStringLiteral("instance_url"), QStringLiteral("instance_url"));
    QJsonObject kept{{QStringLiteral("client_id"), QStringLiteral("3MVG9")}};
    const QJsonObject answer{
        {QStringLiteral("instance_url"), QStringLiteral("https://acme.my.salesforce.com")},
        {QStringLiteral("token_type"), QStringLiteral("Bearer")}};
    QVERIFY(SourceSettings::takeFromTokenAnswer(auth, answer, &kept));
    QCOMPARE(kept.value(QStringLiteral("instance_url")).toString(),
             QStringLiteral("https://acme.my.salesforce.com"));
    QVERIFY(!kept.contains(QStringLiteral("token_type")));
    QVERIFY(!SourceSettings::takeFromTokenAnswer(auth, answer, &kept)); // nothing new
}

void TestEnginePieces::errorsReportedInsideABody()
{
    ErrorBodySpec spec;
    spec.codePath = QStringLiteral("errors[].code");
    spec.messagePath = QStringLiteral("errors[].message");
    spec.authCodes = {QStringLiteral("601"), QStringLiteral("602")};
    spec.rateLimitCodes = {QStringLiteral("606")};
    ServiceErrorReader reader(spec);
    using Kind = ServiceErrorReader::Finding::Kind;
    QCOMPARE(reader.read(R"({"requestId":"e42b#14","success":true,"result":[]})").kind, Kind::None);
    const auto expired = reader.read(
        R"({"requestId":"1#1","success":false,"errors":[{"code":"602","message":"Access token expired"}]})");
    QCOMPARE(expired.kind, Kind::AuthExpired);
    QCOMPARE(expired.message, QStringLiteral("Access token expired"));
    QCOMPARE(
        reader.read(R"({"success":false,"errors":[{"code":606,"message":"Max rate limit"}]})").kind,
        Kind::RateLimited);
    const auto other = reader.read(
        R"({"success":false,"errors":[{"code":"710","message":"Parent folder not found"}]})");
    QCOMPARE(other.kind, Kind::Failed);
    QCOMPARE(other.code, QStringLiteral("710"));
    QCOMPARE(reader.read("<html>").kind, Kind::None);

    // Client credentials: the access token obtained for the id and secret is what is sent.
    AuthSpec auth;
    auth.type = AuthSpec::Type::ClientCredentials;
    auth.prefix = QStringLiteral("Bearer ");
    Credentials credentials;
    credentials.token = "client-id:client-secret";
    QVERIFY(credentials.needsAccessToken());
    HttpRequest request;
    credentials.apply(auth, request);
    QVERIFY(request.header("authorization").isEmpty());
    credentials.accessToken = "cdf01657-110d-4155-99a7-f986b2ff13a0:int";
    credentials.accessTokenExpiresAt = QDateTime::currentDateTimeUtc().addSecs(3599);
    QVERIFY(!credentials.needsAccessToken());
    credentials.apply(auth, request);
    QCOMPARE(request.header("authorization"),
             QByteArray("Bearer cdf01657-110d-4155-99a7-f986b2ff13a0:int"));
    credentials.accessTokenExpiresAt = QDateTime::currentDateTimeUtc().addSecs(30);
    QVERIFY(credentials.needsAccessToken()); // about to expire: renewed before the next stream
}

void TestEnginePieces::errorBodiesInEachServicesShape_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("message");
    QTest::newRow("github") << QByteArray(
                                   R"({"message":"Bad credentials","documentation_url":"x"})")
                            << QStringLiteral("Bad credentials");
    QTest::newRow("jira") << QByteArray(
                                 R"({"errorMessages":["Field 'x' does not exist."],"errors":{}})")
                          << QStringLiteral("Field 'x' does not exist.");
    QTest::newRow("oauth") << QByteArray(
                                  R"({"error":"invalid_grant","error_description":"Expired"})")
                           << QStringLiteral("Expired");
    QTest::newRow("qualtrics")
        << QByteArray(R"({"meta":{"httpStatus":"404 - Not Found","error":{"errorMessage":)"
                      R"("Survey SV_1 was not found.","errorCode":"QVAL_1"}}})")
        << QStringLiteral("Survey SV_1 was not found.");
    QTest::newRow("not json") << QByteArray("<html>Bad gateway</html>") << QString();
}

void TestEnginePieces::errorBodiesInEachServicesShape()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, message);
    QCOMPARE(ErrorBody::serviceMessage(body), message);
}

QTEST_GUILESS_MAIN(TestEnginePieces)
#include "tst_enginepieces.moc"
