#include "companies/companystore.h"
#include "companies/companytreemodel.h"
#include "companylinker.h"
#include "testworkspace.h"

#include <QAbstractItemModelTester>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

// Companies across tools: matching by domain then normalised name, and splits and merges by
// hand that every later sync keeps, with the records that point at a company moving along.
class TestCompanies : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void normalisesNames_data();
    void normalisesNames();
    void normalisesDomains_data();
    void normalisesDomains();
    void matchesByNormalisedNameAndRecordsHow();
    void twoDomainsAreTwoCompaniesWhateverTheName();
    void recordsFollowTheirCompanyReference();
    void splitMovesTheIdentifierAndItsRecords();
    void splitSurvivesTheNextSync();
    void splitIsUndoneAndRedoneWithTheSameIds();
    void mergeMovesEverythingAndSurvivesSyncs();
    void mergeIsUndoneExactly();
    void refusesWhatCannotBeDone();
    void listFiltersByNameDomainAndIdentifier();
    void treeModelShowsCompaniesAndIdentifiers();

private:
    qint64 addSource(const QString &kind, const QString &name);
    void link(qint64 source, const QString &id, const QString &name, const QString &domain);
    qint64 companyOf(qint64 source, const QString &id);
    QVariant scalar(const QString &sql, const QVariantList &binds = {});
    void exec(const QString &sql, const QVariantList &binds = {});
    // Runs an edit in a transaction, as the single writer does.
    bool inTransaction(const std::function<bool(QSqlDatabase &, QString *)> &job, QString *error);

    std::unique_ptr<TestWorkspace> m_workspace;
    std::unique_ptr<Database> m_db;
    qint64 m_crm = 0;
    qint64 m_board = 0;
};

void TestCompanies::init()
{
    m_workspace = std::make_unique<TestWorkspace>();
    m_db = m_workspace->open();
    QVERIFY(m_db);
    m_crm = addSource(QStringLiteral("salesforce"), QStringLiteral("Salesforce"));
    m_board = addSource(QStringLiteral("productboard"), QStringLiteral("Board"));
}

void TestCompanies::cleanup()
{
    m_db.reset();
    m_workspace.reset();
}

qint64 TestCompanies::addSource(const QString &kind, const QString &name)
{
    QSqlQuery query(m_db->connection());
    query.prepare(QStringLiteral("INSERT INTO sources (kind, name, created_at) VALUES (?, ?, "
                                 "'2026-01-01T00:00:00Z')"));
    query.addBindValue(kind);
    query.addBindValue(name);
    if (!query.exec())
        qWarning() << query.lastError().text();
    return query.lastInsertId().toLongLong();
}

void TestCompanies::link(qint64 source, const QString &id, const QString &name,
                         const QString &domain)
{
    CompanyLinker linker(m_db->connection());
    QString error;
    QVERIFY2(linker.link(source, {id, name, domain, {}, {}}, &error), qPrintable(error));
}

qint64 TestCompanies::companyOf(qint64 source, const QString &id)
{
    return scalar(QStringLiteral("SELECT company_id FROM company_sources WHERE source_id = ? AND "
                                 "external_id = ?"),
                  {source, id})
        .toLongLong();
}

QVariant TestCompanies::scalar(const QString &sql, const QVariantList &binds)
{
    QSqlQuery query(m_db->connection());
    query.prepare(sql);
    for (const QVariant &bind : binds)
        query.addBindValue(bind);
    if (!query.exec() || !query.next()) {
        qWarning() << sql << query.lastError().text();
        return {};
    }
    return query.value(0);
}

void TestCompanies::exec(const QString &sql, const QVariantList &binds)
{
    QSqlQuery query(m_db->connection());
    QVERIFY2(query.prepare(sql), qPrintable(query.lastError().text()));
    for (const QVariant &bind : binds)
        query.addBindValue(bind);
    QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
}

bool TestCompanies::inTransaction(const std::function<bool(QSqlDatabase &, QString *)> &job,
                                  QString *error)
{
    QSqlDatabase db = m_db->connection();
    db.transaction();
    if (job(db, error))
        return db.commit();
    db.rollback();
    return false;
}

void TestCompanies::normalisesNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("expected");
    QTest::newRow("case") << QStringLiteral("ACME") << QStringLiteral("acme");
    QTest::newRow("inc") << QStringLiteral("Acme, Inc.") << QStringLiteral("acme");
    QTest::newRow("incorporated") << QStringLiteral("Acme Incorporated") << QStringLiteral("acme");
    QTest::newRow("gmbh & co kg") << QStringLiteral("Müller GmbH & Co. KG")
                                  << QStringLiteral("muller");
    QTest::newRow("co ltd") << QStringLiteral("Globex Co., Ltd.") << QStringLiteral("globex");
    QTest::newRow("s.a.") << QStringLiteral("Société Générale S.A.")
                          << QStringLiteral("societe generale");
    QTest::newRow("the") << QStringLiteral("The Initech Corporation") << QStringLiteral("initech");
    QTest::newRow("apostrophe") << QStringLiteral("Bob’s Burgers LLC")
                                << QStringLiteral("bobs burgers");
    QTest::newRow("ampersand") << QStringLiteral("Johnson & Johnson")
                               << QStringLiteral("johnson and johnson");
    QTest::newRow("spaces") << QStringLiteral("  Acme   Rockets  ")
                            << QStringLiteral("acme rockets");
    QTest::newRow("only a suffix") << QStringLiteral("Company") << QStringLiteral("company");
}

void TestCompanies::normalisesNames()
{
    QFETCH(QString, name);
    QFETCH(QString, expected);
    QCOMPARE(CompanyLinker::normalizedName(name), expected);
}

void TestCompanies::normalisesDomains_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("url") << QStringLiteral("https://www.Acme.com/about")
                         << QStringLiteral("acme.com");
    QTest::newRow("www") << QStringLiteral("www.acme.com") << QStringLiteral("acme.com");
    QTest::newRow("port") << QStringLiteral("http://acme.com:8080/") << QStringLiteral("acme.com");
    QTest::newRow("bare port") << QStringLiteral("acme.com:443") << QStringLiteral("acme.com");
    QTest::newRow("trailing dot") << QStringLiteral("acme.com.") << QStringLiteral("acme.com");
    QTest::newRow("e-mail") << QStringLiteral("ops@globex.io") << QStringLiteral("globex.io");
    QTest::newRow("no dot") << QStringLiteral("localhost") << QString();
    QTest::newRow("words") << QStringLiteral("see acme.com") << QString();
    QTest::newRow("empty") << QString() << QString();
}

void TestCompanies::normalisesDomains()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(CompanyLinker::normalizedDomain(text), expected);
}

void TestCompanies::matchesByNormalisedNameAndRecordsHow()
{
    link(m_crm, QStringLiteral("001A"), QStringLiteral("Acme, Inc."), QStringLiteral("acme.com"));
    link(m_crm, QStringLiteral("001B"), QStringLiteral("Initech Corp"), {});
    link(m_board, QStringLiteral("c-1"), QStringLiteral("ACME"),
         QStringLiteral("https://www.acme.com"));
    link(m_board, QStringLiteral("c-2"), QStringLiteral("The Initech Corporation"), {});
    // No domain: the name is enough, even against a company that has one.
    link(m_board, QStringLiteral("c-3"), QStringLiteral("Acme Incorporated"), {});

    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM companies")).toInt(), 2);
    const qint64 acme = companyOf(m_crm, QStringLiteral("001A"));
    QCOMPARE(companyOf(m_board, QStringLiteral("c-1")), acme);
    QCOMPARE(companyOf(m_board, QStringLiteral("c-3")), acme);
    QCOMPARE(companyOf(m_board, QStringLiteral("c-2")), companyOf(m_crm, QStringLiteral("001B")));
    const auto how = [this](qint64 source, const QString &id) {
        return scalar(QStringLiteral("SELECT matched_by FROM company_sources WHERE source_id = ? "
                                     "AND external_id = ?"),
                      {source, id})
            .toString();
    };
    QCOMPARE(how(m_crm, QStringLiteral("001A")), QStringLiteral("new"));
    QCOMPARE(how(m_board, QStringLiteral("c-1")), QStringLiteral("domain"));
    QCOMPARE(how(m_board, QStringLiteral("c-2")), QStringLiteral("name"));
    QCOMPARE(how(m_board, QStringLiteral("c-3")), QStringLiteral("name"));
    // Each service's own name is kept beside the shared one.
    QCOMPARE(scalar(QStringLiteral("SELECT name FROM company_sources WHERE external_id = 'c-2'"))
                 .toString(),
             QStringLiteral("The Initech Corporation"));
    // Synced again, a record keeps how it was matched.
    link(m_board, QStringLiteral("c-1"), QStringLiteral("ACME"), QStringLiteral("acme.com"));
    QCOMPARE(how(m_board, QStringLiteral("c-1")), QStringLiteral("domain"));
}

void TestCompanies::twoDomainsAreTwoCompaniesWhateverTheName()
{
    link(m_crm, QStringLiteral("001A"), QStringLiteral("Acme Inc"), QStringLiteral("acme.com"));
    link(m_board, QStringLiteral("c-1"), QStringLiteral("Acme"), QStringLiteral("acme.de"));
    QVERIFY(companyOf(m_crm, QStringLiteral("001A")) != companyOf(m_board, QStringLiteral("c-1")));
}

void TestCompanies::recordsFollowTheirCompanyReference()
{
    // An opportunity synced before its account, and feedback after it.
    exec(QStringLiteral("INSERT INTO sales_opportunities (source_id, external_id, name, "
                        "company_ref) VALUES (?, '006A', 'Renewal', '001A')"),
         {m_crm});
    link(m_crm, QStringLiteral("001A"), QStringLiteral("Acme"), QStringLiteral("acme.com"));
    const qint64 acme = companyOf(m_crm, QStringLiteral("001A"));
    QCOMPARE(scalar(QStringLiteral("SELECT company_id FROM sales_opportunities")).toLongLong(),
             acme);
    exec(QStringLiteral("INSERT INTO feedback (source_id, external_id, title, company_ref) VALUES "
                        "(?, 'n1', 'Export', 'c-9')"),
         {m_board});
    link(m_board, QStringLiteral("c-9"), QStringLiteral("ACME"), QStringLiteral("acme.com"));
    QSqlDatabase db = m_db->connection();
    QString error;
    QVERIFY2(CompanyLinker::resolveReferences(db, QStringLiteral("feedback"), m_board, &error),
             qPrintable(error));
    QCOMPARE(scalar(QStringLiteral("SELECT company_id FROM feedback")).toLongLong(), acme);
    // A reference to an identifier nobody filed links nothing.
    exec(QStringLiteral("INSERT INTO sales_opportunities (source_id, external_id, name, "
                        "company_ref) VALUES (?, '006B', 'New', '001Z')"),
         {m_crm});
    QVERIFY2(
        CompanyLinker::resolveReferences(db, QStringLiteral("sales_opportunities"), m_crm, &error),
        qPrintable(error));
    QVERIFY(scalar(QStringLiteral("SELECT company_id FROM sales_opportunities WHERE external_id = "
                                  "'006B'"))
                .isNull());
}

void TestCompanies::splitMovesTheIdentifierAndItsRecords()
{
    link(m_crm, QStringLiteral("001A"), QStringLiteral("Acme"), QStringLiteral("acme.com"));
    // Wrongly matched by name: another Acme, with its own domain the CRM does not know.
    link(m_board, QStringLiteral("c-1"), QStringLiteral("Acme"), {});
    const qint64 acme = companyOf(m_crm, QStringLiteral("001A"));
    QCOMPARE(companyOf(m_board, QStringLiteral("c-1")), acme);
    exec(QStringLiteral("INSERT INTO feedback (source_id, external_id, title, company_id, "
                        "company_ref) VALUES (?, 'n1', 'a', ?, 'c-1'), (?, 'z1', 'b', ?, NULL)"),
         {m_board, acme, m_crm, acme});
    exec(QStringLiteral("INSERT INTO sales_opportunities (source_id, external_id, name, "
                        "company_id, company_ref) VALUES (?, '006A', 'Deal', ?, '001A')"),
         {m_crm, acme});
    // A user of the board without a reference: the board's only identifier there is c-1.
    exec(QStringLiteral("INSERT INTO users (source_id, external_id, company_id) VALUES (?, 'u1', "
                        "?)"),
         {m_board, acme});

    CompanyEdit edit;
    QString error;
    QVERIFY2(inTransaction(
                 [&](QSqlDatabase &db, QString *e) {
                     return CompanyStore::split(db, m_board, QStringLiteral("c-1"), &edit, e);
                 },
                 &error),
             qPrintable(error));
    const qint64 split = companyOf(m_board, QStringLiteral("c-1"));
    QVERIFY(split != acme);
    QCOMPARE(edit.target(), split);
    QCOMPARE(scalar(QStringLiteral("SELECT name FROM companies WHERE id = ?"), {split}).toString(),
             QStringLiteral("Acme"));
    QVERIFY(scalar(QStringLiteral("SELECT domain FROM companies WHERE id = ?"), {split}).isNull());
    QCOMPARE(scalar(QStringLiteral("SELECT matched_by FROM company_sources WHERE external_id = "
                                   "'c-1'"))
                 .toString(),
             QStringLiteral("manual"));
    QCOMPARE(scalar(QStringLiteral("SELECT company_id FROM feedback WHERE external_id = 'n1'"))
                 .toLongLong(),
             split);
    QCOMPARE(scalar(QStringLiteral("SELECT company_id FROM users WHERE external_id = 'u1'"))
                 .toLongLong(),
             split);
    // The CRM's records stay with the CRM's identifier.
    QCOMPARE(scalar(QStringLiteral("SELECT company_id FROM feedback WHERE external_id = 'z1'"))
                 .toLongLong(),
             acme);
    QCOMPARE(scalar(QStringLiteral("SELECT company_id FROM sales_opportunities")).toLongLong(),
             acme);
    QCOMPARE(edit.rows.size(), 2);
}

void TestCompanies::splitSurvivesTheNextSync()
{
    link(m_crm, QStringLiteral("001A"), QStringLiteral("Acme"), QStringLiteral("acme.com"));
    link(m_board, QStringLiteral("c-1"), QStringLiteral("Acme"), QStringLiteral("acme.com"));
    CompanyEdit edit;
    QString error;
    QVERIFY2(inTransaction(
                 [&](QSqlDatabase &db, QString *e) {
                     return CompanyStore::split(db, m_board, QStringLiteral("c-1"), &edit, e);
                 },
                 &error),
             qPrintable(error));
    const qint64 split = edit.target();
    // Even with every company forgotten but the CRM's, the next sync files c-1 where it was put.
    exec(QStringLiteral("DELETE FROM company_sources WHERE external_id = 'c-1'"));
    link(m_board, QStringLiteral("c-1"), QStringLiteral("Acme Renamed"),
         QStringLiteral("acme.com"));
    QCOMPARE(companyOf(m_board, QStringLiteral("c-1")), split);
    QVERIFY(companyOf(m_crm, QStringLiteral("001A")) != split);
    // A company split off by hand keeps the name it was given.
    QCOMPARE(scalar(QStringLiteral("SELECT name FROM companies WHERE id = ?"), {split}).toString(),
             QStringLiteral("Acme"));
    QCOMPARE(scalar(QStringLiteral("SELECT matched_by FROM company_sources WHERE external_id = "
                                   "'c-1'"))
                 .toString(),
             QStringLiteral("manual"));
}

void TestCompanies::splitIsUndoneAndRedoneWithTheSameIds()
{
    link(m_crm, QStringLiteral("001A"), QStringLiteral("Acme"), QStringLiteral("acme.com"));
    link(m_board, QStringLiteral("c-1"), QStringLiteral("Acme"), {});
    const qint64 acme = companyOf(m_crm, QStringLiteral("001A"));
    exec(QStringLiteral("INSERT INTO feedback (source_id, external_id, title, company_id, "
                        "company_ref) VALUES (?, 'n1', 'a', ?, 'c-1')"),
         {m_board, acme});
    CompanyEdit edit;
    QString error;
    QVERIFY2(inTransaction(
                 [&](QSqlDatabase &db, QString *e) {
                     return CompanyStore::split(db, m_board, QStringLiteral("c-1"), &edit, e);
                 },
                 &error),
             qPrintable(error));
    const qint64 split = edit.target();

    QVERIFY2(inTransaction(
                 [&](QSqlDatabase &db, QString *e) { return CompanyStore::revert(db, edit, e); },
                 &error),
             qPrintable(error));
    QCOMPARE(companyOf(m_board, QStringLiteral("c-1")), acme);
    QCOMPARE(scalar(QStringLiteral("SELECT matched_by FROM company_sources WHERE external_id = "
                                   "'c-1'"))
                 .toString(),
             QStringLiteral("name"));
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM companies")).toInt(), 1);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM company_match_overrides")).toInt(), 0);
    QCOMPARE(scalar(QStringLiteral("SELECT company_id FROM feedback")).toLongLong(), acme);

    QVERIFY2(
        inTransaction(
            [&](QSqlDatabase &db, QString *e) { return CompanyStore::apply(db, edit, e); }, &error),
        qPrintable(error));
    QCOMPARE(companyOf(m_board, QStringLiteral("c-1")), split);
    QCOMPARE(scalar(QStringLiteral("SELECT company_id FROM feedback")).toLongLong(), split);
    QCOMPARE(scalar(QStringLiteral("SELECT company_id FROM company_match_overrides")).toLongLong(),
             split);
}

void TestCompanies::mergeMovesEverythingAndSurvivesSyncs()
{
    link(m_crm, QStringLiteral("001A"), QStringLiteral("Acme"), {});
    link(m_board, QStringLiteral("c-1"), QStringLiteral("Acme Rockets"),
         QStringLiteral("rockets.io"));
    const qint64 into = companyOf(m_crm, QStringLiteral("001A"));
    const qint64 from = companyOf(m_board, QStringLiteral("c-1"));
    QVERIFY(into != from);
    exec(QStringLiteral("INSERT INTO users (source_id, external_id, company_id) VALUES (?, 'u1', "
                        "?), (?, 'u2', ?)"),
         {m_board, from, m_board, from});
    CompanyEdit edit;
    QString error;
    QVERIFY2(
        inTransaction([&](QSqlDatabase &db,
                          QString *e) { return CompanyStore::merge(db, from, into, &edit, e); },
                      &error),
        qPrintable(error));
    QCOMPARE(companyOf(m_board, QStringLiteral("c-1")), into);
    QCOMPARE(
        scalar(QStringLiteral("SELECT count(*) FROM users WHERE company_id = ?"), {into}).toInt(),
        2);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM companies")).toInt(), 1);
    // The company merged into had no domain: it takes the other's, so new records meet it.
    QCOMPARE(scalar(QStringLiteral("SELECT domain FROM companies WHERE id = ?"), {into}).toString(),
             QStringLiteral("rockets.io"));
    link(m_board, QStringLiteral("c-1"), QStringLiteral("Acme Rockets"),
         QStringLiteral("rockets.io"));
    QCOMPARE(companyOf(m_board, QStringLiteral("c-1")), into);
    QCOMPARE(scalar(QStringLiteral("SELECT name FROM companies WHERE id = ?"), {into}).toString(),
             QStringLiteral("Acme"));
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM companies")).toInt(), 1);
}

void TestCompanies::mergeIsUndoneExactly()
{
    link(m_crm, QStringLiteral("001A"), QStringLiteral("Acme"), {});
    link(m_board, QStringLiteral("c-1"), QStringLiteral("Acme Rockets"),
         QStringLiteral("rockets.io"));
    const qint64 into = companyOf(m_crm, QStringLiteral("001A"));
    const qint64 from = companyOf(m_board, QStringLiteral("c-1"));
    exec(QStringLiteral("INSERT INTO users (source_id, external_id, company_id) VALUES (?, 'u1', "
                        "?), (?, 'u2', ?)"),
         {m_board, from, m_crm, into});
    CompanyEdit edit;
    QString error;
    QVERIFY2(
        inTransaction([&](QSqlDatabase &db,
                          QString *e) { return CompanyStore::merge(db, from, into, &edit, e); },
                      &error),
        qPrintable(error));
    QVERIFY2(inTransaction(
                 [&](QSqlDatabase &db, QString *e) { return CompanyStore::revert(db, edit, e); },
                 &error),
             qPrintable(error));
    QCOMPARE(companyOf(m_board, QStringLiteral("c-1")), from);
    QCOMPARE(scalar(QStringLiteral("SELECT domain FROM companies WHERE id = ?"), {from}).toString(),
             QStringLiteral("rockets.io"));
    QVERIFY(scalar(QStringLiteral("SELECT domain FROM companies WHERE id = ?"), {into}).isNull());
    QCOMPARE(scalar(QStringLiteral("SELECT company_id FROM users WHERE external_id = 'u1'"))
                 .toLongLong(),
             from);
    QCOMPARE(scalar(QStringLiteral("SELECT company_id FROM users WHERE external_id = 'u2'"))
                 .toLongLong(),
             into);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM company_match_overrides")).toInt(), 0);
    QCOMPARE(scalar(QStringLiteral("SELECT matched_by FROM company_sources WHERE external_id = "
                                   "'c-1'"))
                 .toString(),
             QStringLiteral("new"));
}

void TestCompanies::refusesWhatCannotBeDone()
{
    link(m_crm, QStringLiteral("001A"), QStringLiteral("Acme"), {});
    const qint64 acme = companyOf(m_crm, QStringLiteral("001A"));
    CompanyEdit edit;
    QString error;
    QVERIFY(!inTransaction(
        [&](QSqlDatabase &db, QString *e) {
            return CompanyStore::split(db, m_crm, QStringLiteral("001A"), &edit, e);
        },
        &error));
    QVERIFY2(error.contains(QLatin1String("only one")), qPrintable(error));
    QVERIFY(!inTransaction(
        [&](QSqlDatabase &db, QString *e) {
            return CompanyStore::split(db, m_crm, QStringLiteral("nope"), &edit, e);
        },
        &error));
    QVERIFY2(error.contains(QLatin1String("nope")), qPrintable(error));
    QVERIFY(!inTransaction(
        [&](QSqlDatabase &db, QString *e) { return CompanyStore::merge(db, acme, 999, &edit, e); },
        &error));
    QVERIFY2(error.contains(QLatin1String("999")), qPrintable(error));
    QVERIFY(!inTransaction(
        [&](QSqlDatabase &db, QString *e) { return CompanyStore::merge(db, acme, acme, &edit, e); },
        &error));
    QVERIFY2(error.contains(QLatin1String("itself")), qPrintable(error));
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM companies")).toInt(), 1);

    QVERIFY(!CompanyStore::sourceId(m_db->connection(), QStringLiteral("Hubspot"), &error));
    QVERIFY2(error.contains(QLatin1String("Salesforce")), qPrintable(error));
    QCOMPARE(
        CompanyStore::sourceId(m_db->connection(), QStringLiteral("Board"), &error).value_or(0),
        m_board);
    QCOMPARE(CompanyStore::sourceId(m_db->connection(), QStringLiteral("salesforce"), &error)
                 .value_or(0),
             m_crm);
    QVERIFY(!CompanyStore::company(m_db->connection(), 4242, &error));
    QVERIFY2(error.contains(QLatin1String("4242")), qPrintable(error));
}

void TestCompanies::listFiltersByNameDomainAndIdentifier()
{
    link(m_crm, QStringLiteral("001A"), QStringLiteral("Acme"), QStringLiteral("acme.com"));
    link(m_crm, QStringLiteral("001B"), QStringLiteral("Globex"), QStringLiteral("globex.io"));
    link(m_board, QStringLiteral("c_1"), QStringLiteral("Globex Corp"), {});
    QString error;
    const auto names = [&](const QString &search) {
        QStringList out;
        const auto companies = CompanyStore::list(m_db->connection(), search, &error);
        for (const CompanySummary &company : companies.value_or(QList<CompanySummary>()))
            out.append(company.name);
        return out;
    };
    QCOMPARE(names({}), (QStringList{QStringLiteral("Acme"), QStringLiteral("Globex")}));
    QCOMPARE(names(QStringLiteral("acme.c")), QStringList{QStringLiteral("Acme")});
    QCOMPARE(names(QStringLiteral("001B")), QStringList{QStringLiteral("Globex")});
    QCOMPARE(names(QStringLiteral("globex corp")), QStringList{QStringLiteral("Globex")});
    // Wildcards are plain characters.
    QCOMPARE(names(QStringLiteral("c_")), QStringList{QStringLiteral("Globex")});
    QCOMPARE(names(QStringLiteral("%")), QStringList());

    const auto globex =
        CompanyStore::company(m_db->connection(), companyOf(m_crm, QStringLiteral("001B")), &error);
    QVERIFY2(globex, qPrintable(error));
    QCOMPARE(globex->sources.size(), 2);
    QCOMPARE(globex->sources.at(0).sourceName, QStringLiteral("Board"));
    QCOMPARE(globex->sources.at(0).matchedBy, QStringLiteral("name"));
    QCOMPARE(globex->sources.at(1).externalId, QStringLiteral("001B"));
    QCOMPARE(globex->sources.at(1).sourceKind, QStringLiteral("salesforce"));
}

void TestCompanies::treeModelShowsCompaniesAndIdentifiers()
{
    link(m_crm, QStringLiteral("001A"), QStringLiteral("Acme"), QStringLiteral("acme.com"));
    link(m_board, QStringLiteral("c-1"), QStringLiteral("ACME Inc"), QStringLiteral("acme.com"));
    link(m_crm, QStringLiteral("001B"), QStringLiteral("Globex"), {});
    const qint64 acme = companyOf(m_crm, QStringLiteral("001A"));
    exec(QStringLiteral("INSERT INTO users (source_id, external_id, company_id) VALUES (?, 'u1', "
                        "?), (?, 'u2', ?)"),
         {m_board, acme, m_board, acme});
    QString error;
    const auto companies = CompanyStore::list(m_db->connection(), {}, &error);
    QVERIFY2(companies, qPrintable(error));

    CompanyTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setCompanies(*companies);
    QCOMPARE(model.rowCount(), 2);
    const QModelIndex company = model.indexOfCompany(acme);
    QVERIFY(company.isValid());
    QCOMPARE(company.data().toString(), QStringLiteral("Acme"));
    QCOMPARE(model.index(company.row(), CompanyTreeModel::DomainColumn).data().toString(),
             QStringLiteral("acme.com"));
    QCOMPARE(model.index(company.row(), CompanyTreeModel::UsersColumn).data().toInt(), 2);
    QCOMPARE(model.rowCount(company), 2);
    const QModelIndex board = model.index(0, CompanyTreeModel::SourceColumn, company);
    QCOMPARE(board.data().toString(), QStringLiteral("Board (productboard)"));
    QCOMPARE(board.parent(), company);
    QCOMPARE(model.index(0, CompanyTreeModel::NameColumn, company).data().toString(),
             QStringLiteral("ACME Inc"));
    QCOMPARE(model.index(0, CompanyTreeModel::IdentifierColumn, company).data().toString(),
             QStringLiteral("c-1"));
    QCOMPARE(model.index(0, CompanyTreeModel::MatchedColumn, company).data().toString(),
             CompanyTreeModel::matchedByText(QStringLiteral("domain")));
    QCOMPARE(board.data(CompanyTreeModel::SourceIdRole).toLongLong(), m_board);
    QCOMPARE(board.data(CompanyTreeModel::ExternalIdRole).toString(), QStringLiteral("c-1"));
    QCOMPARE(board.data(CompanyTreeModel::CompanyIdRole).toLongLong(), acme);
    QCOMPARE(model.rowCount(board), 0);

    model.setCompanies({});
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.indexOfCompany(acme).isValid());
}

QTEST_GUILESS_MAIN(TestCompanies)
#include "tst_companies.moc"
