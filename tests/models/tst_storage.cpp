#include "companylinker.h"
#include "testworkspace.h"
#include "upsertstatement.h"
#include "workspaceinfo.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

// The storage contract every connector relies on: upserts keyed by (source_id, external_id)
// and a full-text index over feedback that follows every insert, update and delete.
class TestStorage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void upsertIsIdempotent();
    void upsertKeepsSourcesApart();
    void upsertManyRowsAtOnce();
    void upsertStoresEveryKindOfValue();
    void upsertNamesTheTableWhenARowIsRefused();
    void companiesFromSeveralServicesMeetByDomainThenName();
    void searchFindsInsertedFeedback();
    void searchFollowsUpdates();
    void searchForgetsDeletedFeedback();
    void searchMatchesPrefixesAndAccents();
    void integrityReportIsCleanAfterChanges();

private:
    qint64 addSource(const QString &name);
    void addFeedback(qint64 source, const QString &externalId, const QString &title,
                     const QString &body);
    QStringList search(const QString &match);

    std::unique_ptr<TestWorkspace> m_workspace;
    std::unique_ptr<Database> m_db;
};

void TestStorage::init()
{
    m_workspace = std::make_unique<TestWorkspace>();
    m_db = m_workspace->open();
    QVERIFY(m_db);
}

void TestStorage::cleanup()
{
    m_db.reset();
    m_workspace.reset();
}

qint64 TestStorage::addSource(const QString &name)
{
    QSqlQuery query(m_db->connection());
    query.prepare(QStringLiteral("INSERT INTO sources (kind, name, created_at) VALUES ('jira', ?, "
                                 "'2026-01-01T00:00:00Z')"));
    query.addBindValue(name);
    if (!query.exec())
        qWarning() << query.lastError().text();
    return query.lastInsertId().toLongLong();
}

void TestStorage::addFeedback(qint64 source, const QString &externalId, const QString &title,
                              const QString &body)
{
    UpsertStatement upsert(m_db->connection(), QStringLiteral("feedback"),
                           {QStringLiteral("source_id"), QStringLiteral("external_id"),
                            QStringLiteral("title"), QStringLiteral("body")});
    QVERIFY2(upsert.execute({source, externalId, title, body}), qPrintable(upsert.lastError()));
}

QStringList TestStorage::search(const QString &match)
{
    QSqlQuery query(m_db->connection());
    query.prepare(QStringLiteral("SELECT f.external_id FROM feedback_fts JOIN feedback f "
                                 "ON f.id = feedback_fts.rowid WHERE feedback_fts MATCH ? "
                                 "ORDER BY f.external_id"));
    query.addBindValue(match);
    QStringList ids;
    if (!query.exec()) {
        ids.append(QStringLiteral("error: ") + query.lastError().text());
        return ids;
    }
    while (query.next())
        ids.append(query.value(0).toString());
    return ids;
}

void TestStorage::upsertIsIdempotent()
{
    const qint64 source = addSource(QStringLiteral("jira"));
    const QStringList columns{QStringLiteral("source_id"), QStringLiteral("external_id"),
                              QStringLiteral("title"), QStringLiteral("state")};
    UpsertStatement upsert(m_db->connection(), QStringLiteral("work_items"), columns);
    QVERIFY2(upsert.isValid(), qPrintable(upsert.lastError()));
    QVERIFY(upsert.execute(
        {source, QStringLiteral("ROCKET-1"), QStringLiteral("First"), QStringLiteral("To Do")}));
    QSqlQuery query(m_db->connection());
    QVERIFY(query.exec(QStringLiteral("SELECT id FROM work_items")) && query.next());
    const qint64 id = query.value(0).toLongLong();

    // The same record again, then a changed one: still one row, same id, newest values.
    QVERIFY(upsert.execute(
        {source, QStringLiteral("ROCKET-1"), QStringLiteral("First"), QStringLiteral("To Do")}));
    QVERIFY(upsert.execute({source, QStringLiteral("ROCKET-1"), QStringLiteral("First, renamed"),
                            QStringLiteral("Done")}));
    QVERIFY(
        query.exec(QStringLiteral("SELECT id, title, state, count(*) OVER () FROM work_items")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toLongLong(), id);
    QCOMPARE(query.value(1).toString(), QStringLiteral("First, renamed"));
    QCOMPARE(query.value(2).toString(), QStringLiteral("Done"));
    QCOMPARE(query.value(3).toInt(), 1);
}

void TestStorage::upsertKeepsSourcesApart()
{
    const qint64 a = addSource(QStringLiteral("jira a"));
    const qint64 b = addSource(QStringLiteral("jira b"));
    UpsertStatement upsert(
        m_db->connection(), QStringLiteral("releases"),
        {QStringLiteral("source_id"), QStringLiteral("external_id"), QStringLiteral("name")});
    QVERIFY(upsert.execute({a, QStringLiteral("10000"), QStringLiteral("1.0 in a")}));
    QVERIFY(upsert.execute({b, QStringLiteral("10000"), QStringLiteral("1.0 in b")}));
    QSqlQuery query(m_db->connection());
    QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM releases")) && query.next());
    QCOMPARE(query.value(0).toInt(), 2);
}

void TestStorage::upsertManyRowsAtOnce()
{
    const qint64 source = addSource(QStringLiteral("jira"));
    UpsertStatement upsert(
        m_db->connection(), QStringLiteral("work_items"),
        {QStringLiteral("source_id"), QStringLiteral("external_id"), QStringLiteral("title")});
    QList<QVariantList> rows;
    for (int i = 0; i < 100; ++i)
        rows.append({source, QStringLiteral("K-%1").arg(i), QStringLiteral("first %1").arg(i)});
    // A record that appears twice in one page: the later one wins, as row by row.
    rows.append({source, QStringLiteral("K-7"), QStringLiteral("seven, updated in the same page")});
    QVERIFY2(upsert.executeMany(rows), qPrintable(upsert.lastError()));
    rows = {{source, QStringLiteral("K-0"), QStringLiteral("zero again")}};
    QVERIFY(upsert.executeMany(rows));
    QSqlQuery query(m_db->connection());
    QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM work_items")) && query.next());
    QCOMPARE(query.value(0).toInt(), 100);
    QVERIFY(query.exec(QStringLiteral("SELECT title FROM work_items WHERE external_id = 'K-7'")) &&
            query.next());
    QCOMPARE(query.value(0).toString(), QStringLiteral("seven, updated in the same page"));
    QVERIFY(query.exec(QStringLiteral("SELECT title FROM work_items WHERE external_id = 'K-0'")) &&
            query.next());
    QCOMPARE(query.value(0).toString(), QStringLiteral("zero again"));
    QVERIFY(query.exec(QStringLiteral("SELECT title FROM work_items WHERE external_id = 'K-99'")) &&
            query.next());
    QCOMPARE(query.value(0).toString(), QStringLiteral("first 99"));
}

void TestStorage::upsertStoresEveryKindOfValue()
{
    const qint64 source = addSource(QStringLiteral("jira"));
    UpsertStatement upsert(m_db->connection(), QStringLiteral("work_items"),
                           {QStringLiteral("source_id"), QStringLiteral("external_id"),
                            QStringLiteral("title"), QStringLiteral("points"),
                            QStringLiteral("state"), QStringLiteral("assignee"),
                            QStringLiteral("created_at"), QStringLiteral("raw")});
    const QByteArray blob("\x28\xb5\x2f\xfd\x00binary\x00tail", 16);
    QList<QVariantList> rows;
    for (int i = 0; i < 9; ++i) // more than one statement's worth, and a remainder
        rows.append({QStringLiteral("W-%1").arg(i), QStringLiteral("Équipe ✓ %1").arg(i), 2.5 + i,
                     QVariant(), true, QDate(2026, 3, i + 1), blob});
    QVERIFY2(upsert.executeMany(rows, {source}), qPrintable(upsert.lastError()));

    QSqlQuery query(m_db->connection());
    QVERIFY(query.exec(QStringLiteral(
        "SELECT title, points, typeof(points), state, assignee, created_at, raw, typeof(raw), "
        "source_id FROM work_items WHERE external_id = 'W-8'")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toString(), QStringLiteral("Équipe ✓ 8"));
    QCOMPARE(query.value(1).toDouble(), 10.5);
    QCOMPARE(query.value(2).toString(), QStringLiteral("real"));
    QVERIFY(query.value(3).isNull());
    QCOMPARE(query.value(4).toLongLong(), 1);
    QCOMPARE(query.value(5).toString(), QStringLiteral("2026-03-09"));
    QCOMPARE(query.value(6).toByteArray(), blob);
    QCOMPARE(query.value(7).toString(), QStringLiteral("blob"));
    QCOMPARE(query.value(8).toLongLong(), source);
    QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM work_items")) && query.next());
    QCOMPARE(query.value(0).toInt(), 9);
}

void TestStorage::upsertNamesTheTableWhenARowIsRefused()
{
    const qint64 source = addSource(QStringLiteral("jira"));
    UpsertStatement upsert(
        m_db->connection(), QStringLiteral("work_items"),
        {QStringLiteral("source_id"), QStringLiteral("external_id"), QStringLiteral("title")});
    QList<QVariantList> rows;
    for (int i = 0; i < 10; ++i)
        rows.append({QStringLiteral("R-%1").arg(i),
                     i == 3 ? QVariant() : QVariant(QStringLiteral("row %1").arg(i))});
    QVERIFY(!upsert.executeMany(rows, {source}));
    QVERIFY2(upsert.lastError().contains(QLatin1String("work_items")),
             qPrintable(upsert.lastError()));
    QVERIFY2(upsert.lastError().contains(QLatin1String("NOT NULL")),
             qPrintable(upsert.lastError()));
    // The statement is usable again after a failure.
    QVERIFY2(upsert.execute({source, QStringLiteral("R-ok"), QStringLiteral("fine")}),
             qPrintable(upsert.lastError()));
}

void TestStorage::companiesFromSeveralServicesMeetByDomainThenName()
{
    const qint64 crm = addSource(QStringLiteral("salesforce"));
    const qint64 board = addSource(QStringLiteral("productboard"));
    QCOMPARE(CompanyLinker::normalizedDomain(QStringLiteral("https://www.Acme.com/about")),
             QStringLiteral("acme.com"));
    QCOMPARE(CompanyLinker::normalizedDomain(QStringLiteral("ops@globex.io")),
             QStringLiteral("globex.io"));
    QCOMPARE(CompanyLinker::normalizedDomain(QStringLiteral("localhost")), QString());

    CompanyLinker linker(m_db->connection());
    QString error;
    QVERIFY2(linker.link(crm,
                         {QStringLiteral("001A"),
                          QStringLiteral("Acme Corp"),
                          QStringLiteral("acme.com"),
                          {},
                          {}},
                         &error),
             qPrintable(error));
    QVERIFY2(
        linker.link(crm, {QStringLiteral("001B"), QStringLiteral("Initech"), {}, {}, {}}, &error),
        qPrintable(error));
    // Another service's records: Acme by its domain (under another name), Initech by name.
    QVERIFY(linker.link(board,
                        {QStringLiteral("c-1"),
                         QStringLiteral("ACME"),
                         QStringLiteral("http://www.acme.com"),
                         {},
                         {}},
                        &error));
    QVERIFY(linker.link(board,
                        {QStringLiteral("c-2"),
                         QStringLiteral("initech"),
                         QStringLiteral("initech.example"),
                         {},
                         {}},
                        &error));
    QVERIFY(linker.link(board, {QStringLiteral("c-3"), QStringLiteral("Umbrella"), {}, {}, {}},
                        &error));

    QSqlQuery query(m_db->connection());
    QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM companies")) && query.next());
    QCOMPARE(query.value(0).toInt(), 3);
    QVERIFY(query.exec(QStringLiteral(
        "SELECT count(DISTINCT company_id) FROM company_sources WHERE external_id IN "
        "('001A', 'c-1')")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toInt(), 1);
    // Initech learned its domain from the second service.
    QVERIFY(query.exec(QStringLiteral("SELECT domain FROM companies WHERE name = 'Initech'")) &&
            query.next());
    QCOMPARE(query.value(0).toString(), QStringLiteral("initech.example"));

    // A record synced again follows its service's rename and keeps its link.
    QVERIFY(linker.link(
        board, {QStringLiteral("c-3"), QStringLiteral("Umbrella Group"), {}, {}, {}}, &error));
    QVERIFY(query.exec(QStringLiteral("SELECT count(*), max(name) FROM companies WHERE name LIKE "
                                      "'Umbrella%'")) &&
            query.next());
    QCOMPARE(query.value(0).toInt(), 1);
    QCOMPARE(query.value(1).toString(), QStringLiteral("Umbrella Group"));

    QVERIFY(!linker.link(board, {QStringLiteral("c-4"), QString(), QString(), {}, {}}, &error));
    QVERIFY2(error.contains(QLatin1String("c-4")), qPrintable(error));
}

void TestStorage::searchFindsInsertedFeedback()
{
    const qint64 source = addSource(QStringLiteral("productboard"));
    addFeedback(source, QStringLiteral("n1"), QStringLiteral("Dark mode please"),
                QStringLiteral("Our designers work at night."));
    addFeedback(source, QStringLiteral("n2"), QStringLiteral("Export to PDF"),
                QStringLiteral("Stakeholders want a PDF of the roadmap."));
    QCOMPARE(search(QStringLiteral("night")), QStringList{QStringLiteral("n1")});
    QCOMPARE(search(QStringLiteral("pdf")), QStringList{QStringLiteral("n2")});
    QCOMPARE(search(QStringLiteral("title:mode")), QStringList{QStringLiteral("n1")});
}

void TestStorage::searchFollowsUpdates()
{
    const qint64 source = addSource(QStringLiteral("productboard"));
    addFeedback(source, QStringLiteral("n1"), QStringLiteral("Slow search"),
                QStringLiteral("Search takes seconds."));
    QCOMPARE(search(QStringLiteral("seconds")), QStringList{QStringLiteral("n1")});
    // A re-synced record with new text: the old words are gone, the new ones found.
    addFeedback(source, QStringLiteral("n1"), QStringLiteral("Slow search"),
                QStringLiteral("Search takes minutes on big boards."));
    QCOMPARE(search(QStringLiteral("seconds")), QStringList());
    QCOMPARE(search(QStringLiteral("minutes")), QStringList{QStringLiteral("n1")});
    QSqlQuery query(m_db->connection());
    QVERIFY(query.exec(QStringLiteral("UPDATE feedback SET title = 'Sluggish boards'")));
    QCOMPARE(search(QStringLiteral("sluggish")), QStringList{QStringLiteral("n1")});
    QCOMPARE(search(QStringLiteral("title:slow")), QStringList());
    // A status change does not touch the index, and the item is still found.
    QVERIFY(query.exec(QStringLiteral("UPDATE feedback SET status = 'triaged'")));
    QCOMPARE(search(QStringLiteral("sluggish")), QStringList{QStringLiteral("n1")});
}

void TestStorage::searchForgetsDeletedFeedback()
{
    const qint64 source = addSource(QStringLiteral("productboard"));
    addFeedback(source, QStringLiteral("n1"), QStringLiteral("Calendar sync"),
                QStringLiteral("Google calendar."));
    addFeedback(source, QStringLiteral("n2"), QStringLiteral("Calendar view"),
                QStringLiteral("A month view."));
    QSqlQuery query(m_db->connection());
    QVERIFY(query.exec(QStringLiteral("DELETE FROM feedback WHERE external_id = 'n1'")));
    QCOMPARE(search(QStringLiteral("calendar")), QStringList{QStringLiteral("n2")});
    QCOMPARE(search(QStringLiteral("google")), QStringList());
}

void TestStorage::searchMatchesPrefixesAndAccents()
{
    const qint64 source = addSource(QStringLiteral("uservoice"));
    addFeedback(source, QStringLiteral("n1"), QStringLiteral("Intégration Salesforce"),
                QStringLiteral("Les équipes commerciales en ont besoin."));
    QCOMPARE(search(QStringLiteral("integration")), QStringList{QStringLiteral("n1")});
    QCOMPARE(search(QStringLiteral("equipes")), QStringList{QStringLiteral("n1")});
    QCOMPARE(search(QStringLiteral("sales*")), QStringList{QStringLiteral("n1")});
}

void TestStorage::integrityReportIsCleanAfterChanges()
{
    const qint64 source = addSource(QStringLiteral("productboard"));
    for (int i = 0; i < 50; ++i)
        addFeedback(source, QString::number(i), QStringLiteral("Item %1").arg(i),
                    QStringLiteral("Body %1").arg(i));
    QSqlQuery query(m_db->connection());
    QVERIFY(query.exec(
        QStringLiteral("DELETE FROM feedback WHERE CAST(external_id AS INTEGER) % 3 = 0")));
    QVERIFY(query.exec(QStringLiteral("UPDATE feedback SET body = body || ' more'")));
    const IntegrityReport report = IntegrityReport::run(m_db->connection());
    QVERIFY2(report.ok, qPrintable(report.problems.join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(TestStorage)
#include "tst_storage.moc"
