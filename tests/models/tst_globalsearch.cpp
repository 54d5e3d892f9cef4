#include "search/globalsearch.h"
#include "testworkspace.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

// The window's search over features, work items and feedback.
class TestGlobalSearch : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void findsEachKindByWordsInAnyOrder();
    void readsTypedTextLiterally();
    void detailsShowEveryFieldButTheRawRecord();

private:
    void exec(const QString &sql);
    QStringList titles(const QString &text, GlobalSearch::Hit::Kind kind);

    TestWorkspace m_workspace;
    std::unique_ptr<Database> m_db;
};

void TestGlobalSearch::exec(const QString &sql)
{
    QSqlQuery query(m_db->connection());
    QVERIFY2(query.exec(sql), qPrintable(query.lastError().text()));
}

QStringList TestGlobalSearch::titles(const QString &text, GlobalSearch::Hit::Kind kind)
{
    QString error;
    QStringList found;
    for (const GlobalSearch::Hit &hit : GlobalSearch::find(m_db->connection(), text, 10, &error)) {
        if (hit.kind == kind)
            found.append(hit.title);
    }
    if (!error.isEmpty())
        found.append(QStringLiteral("error: ") + error);
    return found;
}

void TestGlobalSearch::initTestCase()
{
    m_db = m_workspace.open();
    QVERIFY(m_db);
    exec(QStringLiteral("INSERT INTO sources (id, kind, name, created_at) VALUES (1, 'jira', "
                        "'Jira', '2026-01-01'), (2, 'uservoice', 'Portal', '2026-01-01')"));
    exec(QStringLiteral("INSERT INTO features (id, source_id, external_id, name, merged_into) "
                        "VALUES (1, 1, 'E-1', 'Dark mode', NULL), (2, 1, 'E-2', 'Bulk edit', "
                        "NULL), (3, 2, 's-1', 'Dark Mode', 1)"));
    exec(QStringLiteral("INSERT INTO work_items (source_id, external_id, title, raw) VALUES "
                        "(1, 'RKT-1', 'Mode switch flickers in dark theme', 'x'), "
                        "(1, 'RKT-2', 'Export to PDF', NULL)"));
    exec(QStringLiteral("INSERT INTO feedback (source_id, external_id, title, body, author) VALUES "
                        "(2, 'f1', 'Please add a dark theme', 'Our team works at night', 'Ana'), "
                        "(2, 'f2', 'Équipes need bulk editing', 'Editing one by one is slow', "
                        "'Ben')"));
}

void TestGlobalSearch::findsEachKindByWordsInAnyOrder()
{
    using K = GlobalSearch::Hit::Kind;
    // A merged feature is found once, as the feature it was merged into.
    QCOMPARE(titles(QStringLiteral("mode dark"), K::Feature),
             QStringList{QStringLiteral("Dark mode")});
    QCOMPARE(titles(QStringLiteral("dark mode"), K::WorkItem),
             QStringList{QStringLiteral("Mode switch flickers in dark theme")});
    // Feedback by prefixes, accents folded, in title or body.
    QCOMPARE(titles(QStringLiteral("equipe edit"), K::Feedback),
             QStringList{QStringLiteral("Équipes need bulk editing")});
    QCOMPARE(titles(QStringLiteral("night"), K::Feedback),
             QStringList{QStringLiteral("Please add a dark theme")});
    QVERIFY(titles(QStringLiteral("invoice"), K::Feedback).isEmpty());
    QString error;
    QVERIFY(GlobalSearch::find(m_db->connection(), QStringLiteral("  ,; "), 10, &error).isEmpty());
    QVERIFY(error.isEmpty());
}

void TestGlobalSearch::readsTypedTextLiterally()
{
    using K = GlobalSearch::Hit::Kind;
    // Quotes, operators and wildcards are text, not syntax.
    QCOMPARE(titles(QStringLiteral("\"dark* ("), K::Feedback),
             QStringList{QStringLiteral("Please add a dark theme")});
    QCOMPARE(titles(QStringLiteral("NEAR( OR"), K::Feedback), QStringList());
    QCOMPARE(titles(QStringLiteral("%"), K::Feature), QStringList());
}

void TestGlobalSearch::detailsShowEveryFieldButTheRawRecord()
{
    QString error;
    const auto fields =
        GlobalSearch::details(m_db->connection(), GlobalSearch::Hit::Kind::WorkItem, 1, &error);
    QVERIFY2(!fields.isEmpty(), qPrintable(error));
    QStringList names;
    for (const auto &field : fields)
        names.append(field.first);
    QVERIFY(names.contains(QStringLiteral("title")));
    QVERIFY(names.contains(QStringLiteral("external_id")));
    QVERIFY(!names.contains(QStringLiteral("raw")));
    QVERIFY(
        GlobalSearch::details(m_db->connection(), GlobalSearch::Hit::Kind::Feedback, 999, &error)
            .isEmpty());
    QVERIFY2(error.contains(QLatin1String("999")), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestGlobalSearch)
#include "tst_globalsearch.moc"
