#include "connectorharness.h"
#include "fakemonday.h"
#include "hooks/mondayhook.h"
#include "manifest/connectorregistry.h"
#include "manifest/settingsvalidator.h"
#include "rawjson.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

namespace {

const QByteArray token =
    "eyJhbGciOiJIUzI1NiJ9.eyJ0aWQiOjQyMDAwMDAwMCwidWlkIjo1NTUwMX0.c2lnbmF0dXJl";
const QString boardA = QStringLiteral("4000000001");
const QString boardB = QStringLiteral("4000000002");
const QDateTime start(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC);

QString itemId(int n)
{
    return QString::number(7000000000LL + n);
}

} // namespace

// The monday.com connector against a fake monday GraphQL API: items_page first, then
// next_items_page at the root, GraphQL errors with HTTP 200.
class TestMonday : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void manifestLoadsWithItsHook();
    void nextPageQueryKeepsTheItemSelection();
    void syncsEveryPageOfEveryBoard();
    void everySyncReadsTheBoardsAgain();
    void mapsACompleteItem();
    void wrongTokenIsRefused();
    void waitsOutAShortRateLimit();
    void longRateLimitEndsTheStreamRateLimited();
    void graphqlErrorWithHttp200FailsThePage();
    void errorOnALaterPageKeepsTheEarlierPages();
    void unknownBoardIsNamed();
    void rejectsMalformedSettings();

private:
    static bool begin(ConnectorHarness &h, const QStringList &boards);
    static void addItems(FakeMonday &monday, const QString &board, int from, int to);
};

bool TestMonday::begin(ConnectorHarness &h, const QStringList &boards)
{
    // Settings as `sources add` stores them, defaults included.
    const ConnectorRegistry registry = ConnectorRegistry::load();
    const ConnectorManifest *manifest = registry.find(QStringLiteral("monday"));
    if (!manifest)
        return false;
    QStringList problems;
    const QJsonObject settings = SettingsValidator(*manifest).parse(
        {QStringLiteral("boards=") + boards.join(QLatin1Char(','))}, &problems);
    return problems.isEmpty() && h.start(settings);
}

void TestMonday::addItems(FakeMonday &monday, const QString &board, int from, int to)
{
    for (int n = from; n <= to; ++n) {
        monday.setItem(board, FakeMonday::item(board, itemId(n), QStringLiteral("Item %1").arg(n),
                                               start.addSecs(n * 60),
                                               n % 3 == 0 ? QStringLiteral("Done")
                                                          : QStringLiteral("Working on it")));
    }
}

void TestMonday::manifestLoadsWithItsHook()
{
    const ConnectorRegistry registry = ConnectorRegistry::load();
    for (const QString &error : registry.errors())
        QVERIFY2(!error.contains(QStringLiteral("monday.json")), qPrintable(error));
    QVERIFY(StreamHooks::contains(QStringLiteral("monday-items")));
    const ConnectorManifest *manifest = registry.find(QStringLiteral("monday"));
    QVERIFY(manifest);
    QCOMPARE(manifest->auth.type, AuthSpec::Type::Header);
    QCOMPARE(manifest->auth.header, QStringLiteral("Authorization"));
    QVERIFY(manifest->auth.prefix.isEmpty());
    QCOMPARE(manifest->streams.first().hook, QStringLiteral("monday-items"));
}

void TestMonday::nextPageQueryKeepsTheItemSelection()
{
    const ConnectorRegistry registry = ConnectorRegistry::load();
    const QString first =
        registry.find(QStringLiteral("monday"))->streams.first().request.graphqlQuery;
    QStringList variables;
    QString error;
    const QString next = MondayItemsHook::nextPageQuery(first, &variables, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(variables, QStringList{QStringLiteral("status")});
    QVERIFY2(next.startsWith(QStringLiteral("query ($cursor: String!, $status: [String!]!) { "
                                            "next_items_page(cursor: $cursor, limit: 100) { "
                                            "cursor items { id name state")),
             qPrintable(next));
    QVERIFY(next.contains(QStringLiteral("status: column_values(ids: $status) { id text }")));
    QVERIFY(!next.contains(QStringLiteral("$board")));

    QVERIFY(MondayItemsHook::nextPageQuery(QStringLiteral("query { boards { id name } }"),
                                           &variables, &error)
                .isEmpty());
    QVERIFY2(error.contains(QStringLiteral("items_page")), qPrintable(error));
    error.clear();
    QVERIFY(MondayItemsHook::nextPageQuery(
                QStringLiteral("query { boards(ids: [1]) { items_page { items { id "
                               "column_values(ids: $cols) { text } } } } }"),
                &variables, &error)
                .isEmpty());
    QVERIFY2(error.contains(QStringLiteral("$cols")), qPrintable(error));
}

void TestMonday::syncsEveryPageOfEveryBoard()
{
    ConnectorHarness h(QStringLiteral("monday"));
    QVERIFY2(begin(h, {boardA, boardB}), qPrintable(h.error()));
    FakeMonday monday(h.server(), token);
    addItems(monday, boardA, 1, 230);
    addItems(monday, boardB, 231, 250);

    const QList<StreamOutcome> outcomes = h.sync(token);
    QCOMPARE(outcomes.size(), 1);
    QVERIFY2(outcomes.first().status == StreamOutcome::Status::Ok,
             qPrintable(outcomes.first().error));
    QCOMPARE(outcomes.first().records, 250);
    QCOMPARE(outcomes.first().pages, 4);
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM work_items")), 250);
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(DISTINCT external_id) FROM work_items")), 250);
    // Later pages asked for the same fields: every item has its status as state.
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM work_items WHERE state = 'Done'")), 83);
    QCOMPARE(
        h.scalar(QStringLiteral("SELECT count(*) FROM work_items WHERE state = 'Working on it'")),
        167);
    QCOMPARE(
        h.scalar(
            QStringLiteral("SELECT count(*) FROM work_items WHERE project = '%1'").arg(boardB)),
        20);

    const QList<FakeMonday::Call> calls = monday.calls();
    QCOMPARE(calls.size(), 4);
    for (const FakeMonday::Call &call : calls) {
        QCOMPARE(call.authorization, token); // the bare token, no scheme
        QCOMPARE(call.apiVersion, QByteArray("2025-10"));
        QCOMPARE(call.variables.value(QStringLiteral("status")).toArray(),
                 QJsonArray{QStringLiteral("status")});
    }
    // Board A: items_page, then next_items_page with the cursor of the page before.
    QVERIFY(calls.at(0).query.contains(QStringLiteral("boards(ids: $board)")));
    QCOMPARE(calls.at(0).variables.value(QStringLiteral("board")).toArray(), QJsonArray{boardA});
    for (int i : {1, 2}) {
        QVERIFY(calls.at(i).query.contains(QStringLiteral("next_items_page(cursor: $cursor")));
        QVERIFY(!calls.at(i).variables.value(QStringLiteral("cursor")).toString().isEmpty());
        QVERIFY(!calls.at(i).variables.contains(QStringLiteral("board")));
    }
    QVERIFY(calls.at(1).variables.value(QStringLiteral("cursor")) !=
            calls.at(2).variables.value(QStringLiteral("cursor")));
    // Board B starts over with its own first page.
    QVERIFY(calls.at(3).query.contains(QStringLiteral("items_page(limit: 100)")));
    QCOMPARE(calls.at(3).variables.value(QStringLiteral("board")).toArray(), QJsonArray{boardB});
    const QList<FakeHttpServer::Request> requests = h.server().requests();
    for (const FakeHttpServer::Request &request : requests) {
        QCOMPARE(request.method, QByteArray("POST"));
        QCOMPARE(request.path, QStringLiteral("/v2"));
        QVERIFY(request.header("content-type").startsWith("application/json"));
    }
}

void TestMonday::everySyncReadsTheBoardsAgain()
{
    ConnectorHarness h(QStringLiteral("monday"));
    QVERIFY2(begin(h, {boardA}), qPrintable(h.error()));
    FakeMonday monday(h.server(), token);
    addItems(monday, boardA, 1, 150);
    QCOMPARE(h.sync(token).first().status, StreamOutcome::Status::Ok);

    // monday.com has no dependable "changed since" filter: the next sync reads the board
    // again, and picks up the renamed item and the new one without duplicating anything.
    monday.setItem(boardA, FakeMonday::item(boardA, itemId(12), QStringLiteral("Item 12, renamed"),
                                            start.addSecs(90000), QStringLiteral("Stuck")));
    monday.setItem(boardA, FakeMonday::item(boardA, itemId(151), QStringLiteral("Item 151"),
                                            start.addSecs(90100)));
    monday.clearCalls();
    const QList<StreamOutcome> outcomes = h.sync(token);
    QVERIFY2(outcomes.first().status == StreamOutcome::Status::Ok,
             qPrintable(outcomes.first().error));
    QCOMPARE(outcomes.first().records, 151);
    const QList<FakeMonday::Call> calls = monday.calls();
    QCOMPARE(calls.size(), 2);
    QVERIFY(calls.first().query.contains(QStringLiteral("items_page(limit: 100)")));
    QVERIFY(!calls.first().variables.contains(QStringLiteral("cursor")));
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM work_items")), 151);
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM sync_state")), 0);
    const QVariantList row =
        h.row(QStringLiteral("SELECT title, state FROM work_items WHERE external_id = '%1'")
                  .arg(itemId(12)));
    QCOMPARE(row.value(0).toString(), QStringLiteral("Item 12, renamed"));
    QCOMPARE(row.value(1).toString(), QStringLiteral("Stuck"));
}

void TestMonday::mapsACompleteItem()
{
    ConnectorHarness h(QStringLiteral("monday"));
    QVERIFY2(begin(h, {boardA}), qPrintable(h.error()));
    FakeMonday monday(h.server(), token);
    monday.setItem(boardA,
                   FakeMonday::item(boardA, QStringLiteral("7012345678"),
                                    QStringLiteral("Fix login redirect"),
                                    QDateTime(QDate(2026, 2, 1), QTime(10, 0, 5), Qt::UTC),
                                    QStringLiteral("Working on it"), QStringLiteral("Sprint 12"),
                                    QStringLiteral("Ana Lima")));
    // No status label: the group's title stands in.
    monday.setItem(boardA, FakeMonday::item(boardA, QStringLiteral("7012345679"),
                                            QStringLiteral("Write release notes"),
                                            QDateTime(QDate(2026, 2, 2), QTime(8, 0), Qt::UTC),
                                            QString(), QStringLiteral("Backlog")));

    QCOMPARE(h.sync(token).first().status, StreamOutcome::Status::Ok);
    const QVariantList row = h.row(QStringLiteral(
        "SELECT external_id, title, kind, state, assignee, created_at, url, updated_at, project, "
        "resolved_at, raw FROM work_items WHERE external_id = '7012345678'"));
    QCOMPARE(row.size(), 11);
    QCOMPARE(row.at(0).toString(), QStringLiteral("7012345678"));
    QCOMPARE(row.at(1).toString(), QStringLiteral("Fix login redirect"));
    QCOMPARE(row.at(2).toString(), QStringLiteral("item"));
    QCOMPARE(row.at(3).toString(), QStringLiteral("Working on it"));
    QCOMPARE(row.at(4).toString(), QStringLiteral("Ana Lima"));
    QCOMPARE(row.at(5).toString(), QStringLiteral("2026-01-23T10:00:05Z"));
    QCOMPARE(row.at(6).toString(),
             QStringLiteral("https://acme.monday.com/boards/%1/pulses/7012345678").arg(boardA));
    QCOMPARE(row.at(7).toString(), QStringLiteral("2026-02-01T10:00:05Z"));
    QCOMPARE(row.at(8).toString(), boardA);
    QVERIFY(row.at(9).isNull());
    // The row keeps the item exactly as monday sent it, column values included.
    const QByteArray raw = RawJson::unpack(row.at(10));
    QCOMPARE(raw, monday.served(QStringLiteral("7012345678")));
    const QJsonObject item = QJsonDocument::fromJson(raw).object();
    QCOMPARE(item.value(QStringLiteral("column_values")).toArray().size(), 3);

    const QVariantList other = h.row(
        QStringLiteral("SELECT state, assignee FROM work_items WHERE external_id = '7012345679'"));
    QCOMPARE(other.value(0).toString(), QStringLiteral("Backlog"));
    QVERIFY(other.value(1).toString().isEmpty()); // monday sends "" for an empty people column
}

void TestMonday::wrongTokenIsRefused()
{
    ConnectorHarness h(QStringLiteral("monday"));
    QVERIFY2(begin(h, {boardA}), qPrintable(h.error()));
    FakeMonday monday(h.server(), token);
    addItems(monday, boardA, 1, 5);

    const QByteArray wrong = "eyJhbGciOiJIUzI1NiJ9.bm90IHRoaXMgb25l.c2lnbmF0dXJl";
    const QList<StreamOutcome> outcomes = h.sync(wrong);
    QCOMPARE(outcomes.first().status, StreamOutcome::Status::Failed);
    const QString error = outcomes.first().error;
    QVERIFY2(error.contains(QStringLiteral("monday.com refused the credentials (HTTP 401)")),
             qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("Not Authenticated")), qPrintable(error));
    QVERIFY(!error.contains(QString::fromLatin1(wrong)));
    QCOMPARE(h.server().requests().first().header("authorization"), wrong);
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM work_items")), 0);
}

void TestMonday::waitsOutAShortRateLimit()
{
    ConnectorHarness h(QStringLiteral("monday"));
    QVERIFY2(begin(h, {boardA}), qPrintable(h.error()));
    FakeMonday monday(h.server(), token);
    addItems(monday, boardA, 1, 120);
    FakeHttpServer::Response limited =
        FakeHttpServer::Response::json(FakeMonday::errors(QStringLiteral("Rate Limit Exceeded"),
                                                          QStringLiteral("RATE_LIMIT_EXCEEDED")),
                                       429);
    limited.withHeader("Retry-After", "1");
    h.server().queueFault(QStringLiteral("/v2"), limited, 1);

    QElapsedTimer timer;
    timer.start();
    const QList<StreamOutcome> outcomes = h.sync(token);
    QVERIFY2(outcomes.first().status == StreamOutcome::Status::Ok,
             qPrintable(outcomes.first().error));
    QVERIFY(timer.elapsed() >= 900);
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM work_items")), 120);
    QCOMPARE(h.server().requestCount(QStringLiteral("/v2")), 3);
}

void TestMonday::longRateLimitEndsTheStreamRateLimited()
{
    ConnectorHarness h(QStringLiteral("monday"));
    QVERIFY2(begin(h, {boardA}), qPrintable(h.error()));
    FakeMonday monday(h.server(), token);
    addItems(monday, boardA, 1, 5);
    FakeHttpServer::Response limited =
        FakeHttpServer::Response::json(FakeMonday::errors(QStringLiteral("Rate Limit Exceeded"),
                                                          QStringLiteral("RATE_LIMIT_EXCEEDED")),
                                       429);
    limited.withHeader("Retry-After", "60");
    h.server().queueFault(QStringLiteral("/v2"), limited, 5);

    const QList<StreamOutcome> outcomes = h.sync(token);
    QCOMPARE(outcomes.first().status, StreamOutcome::Status::RateLimited);
    const qint64 expected = QDateTime::currentSecsSinceEpoch() + 60;
    QVERIFY(qAbs(outcomes.first().resumeAt.toSecsSinceEpoch() - expected) < 30);
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM work_items")), 0);
}

void TestMonday::graphqlErrorWithHttp200FailsThePage()
{
    ConnectorHarness h(QStringLiteral("monday"));
    QVERIFY2(begin(h, {boardA}), qPrintable(h.error()));
    FakeMonday monday(h.server(), token);
    addItems(monday, boardA, 1, 5);
    // The shape of current API versions, and the older one still sent for budget errors.
    h.server().queueFault(
        QStringLiteral("/v2"),
        FakeHttpServer::Response::json(FakeMonday::errors(
            QStringLiteral("Complexity budget exhausted, query cost 30001 budget remaining 2100 "
                           "out of 1000000 reset in 47 seconds"),
            QStringLiteral("ComplexityException"))),
        1);
    QList<StreamOutcome> outcomes = h.sync(token);
    QCOMPARE(outcomes.first().status, StreamOutcome::Status::Failed);
    QVERIFY2(outcomes.first().error.contains(
                 QStringLiteral("monday.com reported an error: Complexity budget exhausted, query "
                                "cost 30001")),
             qPrintable(outcomes.first().error));
    QVERIFY2(outcomes.first().error.contains(QStringLiteral("(ComplexityException)")),
             qPrintable(outcomes.first().error));
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM work_items")), 0);

    h.server().queueFault(
        QStringLiteral("/v2"),
        FakeHttpServer::Response::json(
            R"({"error_code":"DAILY_LIMIT_EXCEEDED","status_code":429,"error_message":"Daily limit exceeded","error_data":{},"account_id":9876543})"),
        1);
    outcomes = h.sync(token);
    QCOMPARE(outcomes.first().status, StreamOutcome::Status::Failed);
    QVERIFY2(outcomes.first().error.contains(
                 QStringLiteral("Daily limit exceeded (DAILY_LIMIT_EXCEEDED)")),
             qPrintable(outcomes.first().error));
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM work_items")), 0);
}

void TestMonday::errorOnALaterPageKeepsTheEarlierPages()
{
    ConnectorHarness h(QStringLiteral("monday"));
    QVERIFY2(begin(h, {boardA}), qPrintable(h.error()));
    FakeMonday monday(h.server(), token);
    addItems(monday, boardA, 1, 250);
    // Cursors live for 60 minutes; here the first one is dead by the time it is used.
    monday.setCursorsExpired(true);

    const QList<StreamOutcome> outcomes = h.sync(token);
    QCOMPARE(outcomes.first().status, StreamOutcome::Status::Failed);
    QVERIFY2(outcomes.first().error.contains(QStringLiteral(
                 "monday.com reported an error: CursorException: cursor has expired")),
             qPrintable(outcomes.first().error));
    QCOMPARE(outcomes.first().pages, 1);
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM work_items")), 100);
    QCOMPARE(monday.calls().size(), 2);
}

void TestMonday::unknownBoardIsNamed()
{
    ConnectorHarness h(QStringLiteral("monday"));
    QVERIFY2(begin(h, {boardA, QStringLiteral("4999999999")}), qPrintable(h.error()));
    FakeMonday monday(h.server(), token);
    addItems(monday, boardA, 1, 5);

    const QList<StreamOutcome> outcomes = h.sync(token);
    QCOMPARE(outcomes.first().status, StreamOutcome::Status::Failed);
    QVERIFY2(outcomes.first().error.contains(
                 QStringLiteral("board 4999999999 was not found, or this token may not read it")),
             qPrintable(outcomes.first().error));
    QCOMPARE(h.scalar(QStringLiteral("SELECT count(*) FROM work_items")), 5);
}

void TestMonday::rejectsMalformedSettings()
{
    ConnectorHarness h(QStringLiteral("monday"));
    QVERIFY2(begin(h, {boardA}), qPrintable(h.error()));
    QCOMPARE(h.source().settings.value(QStringLiteral("status_column")).toString(),
             QStringLiteral("status"));
    QCOMPARE(h.source().settings.value(QStringLiteral("api_version")).toString(),
             QStringLiteral("2025-10"));
    const SettingsValidator validator(h.manifest());
    const QString board =
        validator.check(QStringLiteral("boards"), QStringLiteral("Product roadmap"));
    QVERIFY2(board.contains(QStringLiteral("is not in the expected form")), qPrintable(board));
    QVERIFY2(board.contains(QStringLiteral("Board ids to sync")), qPrintable(board));
    const QString version =
        validator.check(QStringLiteral("api_version"), QStringLiteral("2025-1"));
    QVERIFY2(version.contains(QStringLiteral("YYYY-MM")), qPrintable(version));
    QStringList problems;
    validator.parse({QStringLiteral("boards=1,x2"), QStringLiteral("status_column=my status")},
                    &problems);
    const QString all = problems.join(QLatin1Char('\n'));
    QVERIFY2(all.contains(QStringLiteral("\"x2\"")), qPrintable(all));
    QVERIFY2(all.contains(QStringLiteral("\"my status\"")), qPrintable(all));
    QVERIFY2(!all.contains(QStringLiteral("\"1\"")), qPrintable(all));
}

QTEST_GUILESS_MAIN(TestMonday)
#include "tst_monday.moc"
