#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

// Runs the real product-hub executable's companies command on a demo workspace.
class TestCompaniesCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void listsAndSearches();
    void showsACompanyWithItsIdentifiers();
    void unknownIdsAreClearErrors();
    void splitThenMergeBack();

private:
    struct Result
    {
        int code = -1;
        QString out;
        QString err;
    };
    Result run(const QStringList &arguments) const;
    Result companies(const QStringList &arguments) const;
    QVariant scalar(const QString &sql) const;

    QString m_program;
    QTemporaryDir m_dir;
    QString m_workspace;
};

TestCompaniesCli::Result TestCompaniesCli::run(const QStringList &arguments) const
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("PRODUCT_HUB_WORKSPACE"));
    environment.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.path() + QStringLiteral("/data"));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.path() + QStringLiteral("/config"));
    process.setProcessEnvironment(environment);
    process.start(m_program, arguments);
    if (!process.waitForFinished(120000)) {
        process.kill();
        return {};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

TestCompaniesCli::Result TestCompaniesCli::companies(const QStringList &arguments) const
{
    return run(
        QStringList{QStringLiteral("--workspace"), m_workspace, QStringLiteral("companies")} +
        arguments);
}

QVariant TestCompaniesCli::scalar(const QString &sql) const
{
    // A connection of its own for each look, so none is open while the command writes.
    QVariant value;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"),
                                                    QStringLiteral("companies-cli-look"));
        db.setDatabaseName(m_workspace + QStringLiteral("/workspace.sqlite"));
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(sql) && query.next())
                value = query.value(0);
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("companies-cli-look"));
    return value;
}

void TestCompaniesCli::initTestCase()
{
    m_program = qEnvironmentVariable("HUB_CLI");
    QVERIFY2(QFile::exists(m_program), "HUB_CLI must name the product-hub executable");
    QVERIFY(m_dir.isValid());
    m_workspace = m_dir.path() + QStringLiteral("/w");
    const Result demo =
        run({QStringLiteral("--workspace"), m_workspace, QStringLiteral("demo"),
             QStringLiteral("generate"), QStringLiteral("--scale"), QStringLiteral("small"),
             QStringLiteral("--as-of"), QStringLiteral("2026-11-28")});
    QVERIFY2(demo.code == 0, qPrintable(demo.err));
}

void TestCompaniesCli::listsAndSearches()
{
    const Result listed = companies({QStringLiteral("list")});
    QCOMPARE(listed.code, 0);
    const QString someName =
        scalar(QStringLiteral("SELECT name FROM companies ORDER BY id LIMIT 1")).toString();
    QVERIFY(!someName.isEmpty());
    QVERIFY2(listed.out.contains(someName), qPrintable(listed.out));
    QVERIFY(listed.out.contains(QStringLiteral("Opportunities")));

    const QString domain =
        scalar(QStringLiteral("SELECT domain FROM companies ORDER BY id LIMIT 1")).toString();
    const Result found = companies({QStringLiteral("list"), QStringLiteral("--search"), domain});
    QCOMPARE(found.code, 0);
    QVERIFY2(found.out.contains(someName), qPrintable(found.out));
    const QString other =
        scalar(QStringLiteral(
                   "SELECT name FROM companies WHERE instr(domain, '%1') = 0 ORDER BY id LIMIT 1")
                   .arg(domain))
            .toString();
    QVERIFY2(!found.out.contains(other + QLatin1Char(' ')), qPrintable(found.out));
}

void TestCompaniesCli::showsACompanyWithItsIdentifiers()
{
    const qint64 id = scalar(QStringLiteral("SELECT company_id FROM company_sources WHERE "
                                            "external_id LIKE 'pb-company-%' LIMIT 1"))
                          .toLongLong();
    QVERIFY(id > 0);
    const Result shown = companies({QStringLiteral("show"), QString::number(id)});
    QCOMPARE(shown.code, 0);
    QVERIFY2(shown.out.contains(QStringLiteral("Productboard")), qPrintable(shown.out));
    QVERIFY(shown.out.contains(QStringLiteral("Salesforce")));
    QVERIFY(shown.out.contains(QStringLiteral("pb-company-")));
}

void TestCompaniesCli::unknownIdsAreClearErrors()
{
    const Result missing = companies({QStringLiteral("show"), QStringLiteral("987654")});
    QCOMPARE(missing.code, 1);
    QVERIFY2(missing.err.contains(QStringLiteral("987654")), qPrintable(missing.err));
    QCOMPARE(companies({QStringLiteral("show"), QStringLiteral("one")}).code, 2);

    const Result noSource = companies(
        {QStringLiteral("split"), QStringLiteral("Nowhere"), QStringLiteral("pb-company-1")});
    QCOMPARE(noSource.code, 1);
    QVERIFY2(noSource.err.contains(QStringLiteral("Nowhere")), qPrintable(noSource.err));
    QVERIFY2(noSource.err.contains(QStringLiteral("Productboard")), qPrintable(noSource.err));
    const Result noId = companies(
        {QStringLiteral("split"), QStringLiteral("Productboard"), QStringLiteral("pb-nothing")});
    QCOMPARE(noId.code, 1);
    QVERIFY2(noId.err.contains(QStringLiteral("pb-nothing")), qPrintable(noId.err));
    const Result noCompany =
        companies({QStringLiteral("merge"), QStringLiteral("1"), QStringLiteral("987654")});
    QCOMPARE(noCompany.code, 1);
    QVERIFY2(noCompany.err.contains(QStringLiteral("987654")), qPrintable(noCompany.err));
    QCOMPARE(companies({QStringLiteral("merge"), QStringLiteral("1")}).code, 2);
}

void TestCompaniesCli::splitThenMergeBack()
{
    const QString externalId = scalar(QStringLiteral("SELECT external_id FROM company_sources "
                                                     "WHERE external_id LIKE 'pb-company-%' "
                                                     "ORDER BY external_id LIMIT 1"))
                                   .toString();
    const auto companyOf = [&] {
        return scalar(QStringLiteral("SELECT company_id FROM company_sources WHERE external_id "
                                     "= '%1'")
                          .arg(externalId))
            .toLongLong();
    };
    const qint64 before = companyOf();
    const qint64 companies0 = scalar(QStringLiteral("SELECT count(*) FROM companies")).toLongLong();

    const Result split =
        companies({QStringLiteral("split"), QStringLiteral("Productboard"), externalId});
    QVERIFY2(split.code == 0, qPrintable(split.err));
    const qint64 after = companyOf();
    QVERIFY(after != before);
    QVERIFY2(split.out.contains(QString::number(after)), qPrintable(split.out));
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM companies")).toLongLong(), companies0 + 1);
    QCOMPARE(scalar(QStringLiteral("SELECT company_id FROM company_match_overrides WHERE "
                                   "external_id = '%1'")
                        .arg(externalId))
                 .toLongLong(),
             after);
    // Alone now: there is nothing left to split it from.
    const Result again =
        companies({QStringLiteral("split"), QStringLiteral("Productboard"), externalId});
    QCOMPARE(again.code, 1);
    QVERIFY2(again.err.contains(externalId), qPrintable(again.err));

    const Result merged =
        companies({QStringLiteral("merge"), QString::number(after), QString::number(before)});
    QVERIFY2(merged.code == 0, qPrintable(merged.err));
    QCOMPARE(companyOf(), before);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM companies")).toLongLong(), companies0);
}

QTEST_GUILESS_MAIN(TestCompaniesCli)
#include "tst_companiescli.moc"
