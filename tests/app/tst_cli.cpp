#include "canonicaltables.h"
#include "testworkspace.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

// Runs the real product-hub executable and checks its exit codes and messages.
class TestCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void versionAndHelp();
    void usageErrorsExitWithTwo_data();
    void usageErrorsExitWithTwo();
    void demoThenInfoListsEveryTable();
    void infoAsJson();
    void checkPassesOnAHealthyWorkspace();
    void missingWorkspaceIsAnError();
    void nonDatabaseFileIsAnErrorAndUntouched();
    void newerSchemaIsRefused();
    void workspaceFromTheEnvironment();
    void demoRefusesAWorkspaceWithData();

private:
    struct Result
    {
        int code = -1;
        QString out;
        QString err;
    };
    Result run(const QStringList &arguments, const QProcessEnvironment &extra = {}) const;

    QString m_program;
    QTemporaryDir m_home;
};

TestCli::Result TestCli::run(const QStringList &arguments, const QProcessEnvironment &extra) const
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("PRODUCT_HUB_WORKSPACE"));
    environment.insert(QStringLiteral("XDG_DATA_HOME"), m_home.path() + QStringLiteral("/data"));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"),
                       m_home.path() + QStringLiteral("/config"));
    for (const QString &key : extra.keys())
        environment.insert(key, extra.value(key));
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

void TestCli::initTestCase()
{
    m_program = qEnvironmentVariable("HUB_CLI");
    QVERIFY2(QFile::exists(m_program), "HUB_CLI must name the product-hub executable");
}

void TestCli::versionAndHelp()
{
    const Result version = run({QStringLiteral("--version")});
    QCOMPARE(version.code, 0);
    QVERIFY(version.out.startsWith(QStringLiteral("product-hub ")));
    QVERIFY(version.out.contains(QRegularExpression(QStringLiteral(R"(\d+\.\d+\.\d+)"))));

    const Result help = run({QStringLiteral("--help")});
    QCOMPARE(help.code, 0);
    for (const char *word : {"--workspace", "demo", "db", "Exit codes"})
        QVERIFY2(help.out.contains(QLatin1String(word)), word);

    const Result demoHelp =
        run({QStringLiteral("demo"), QStringLiteral("generate"), QStringLiteral("--help")});
    QCOMPARE(demoHelp.code, 0);
    QVERIFY(demoHelp.out.contains(QStringLiteral("--scale")));
    QVERIFY(demoHelp.out.contains(QStringLiteral("--seed")));
}

void TestCli::usageErrorsExitWithTwo_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")}
                                     << QStringLiteral("unknown command 'frobnicate'");
    QTest::newRow("unknown option")
        << QStringList{QStringLiteral("--colour")} << QStringLiteral("colour");
    QTest::newRow("db without subcommand")
        << QStringList{QStringLiteral("db")} << QStringLiteral("'db' needs a subcommand: info or check");
    QTest::newRow("unknown db command")
        << QStringList{QStringLiteral("db"), QStringLiteral("vacuum")}
        << QStringLiteral("unknown db command 'vacuum'");
    QTest::newRow("bad scale") << QStringList{QStringLiteral("demo"), QStringLiteral("generate"),
                                              QStringLiteral("--scale"), QStringLiteral("huge")}
                               << QStringLiteral(
                                      "--scale must be small, medium or large, not 'huge'");
    QTest::newRow("bad seed") << QStringList{QStringLiteral("demo"), QStringLiteral("generate"),
                                             QStringLiteral("--seed"), QStringLiteral("x1")}
                              << QStringLiteral("--seed must be a whole number");
    QTest::newRow("bad date") << QStringList{QStringLiteral("demo"), QStringLiteral("generate"),
                                             QStringLiteral("--as-of"),
                                             QStringLiteral("28/11/2026")}
                              << QStringLiteral("YYYY-MM-DD");
    QTest::newRow("missing option value")
        << QStringList{QStringLiteral("demo"), QStringLiteral("generate"),
                       QStringLiteral("--scale")}
        << QStringLiteral("scale");
    QTest::newRow("extra argument")
        << QStringList{QStringLiteral("db"), QStringLiteral("info"), QStringLiteral("extra")}
        << QStringLiteral("unexpected argument 'extra'");
}

void TestCli::usageErrorsExitWithTwo()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    QTemporaryDir workspace;
    const Result result =
        run(QStringList{QStringLiteral("--workspace"), workspace.path()} + arguments);
    QCOMPARE(result.code, 2);
    QVERIFY2(result.err.contains(message) || result.out.contains(message), qPrintable(result.err));
    // A usage error never creates a workspace.
    QVERIFY(!QFile::exists(workspace.path() + QStringLiteral("/workspace.sqlite")));
}

void TestCli::demoThenInfoListsEveryTable()
{
    QTemporaryDir dir;
    const QString folder = dir.path() + QStringLiteral("/w");
    const Result demo =
        run({QStringLiteral("--workspace"), folder, QStringLiteral("demo"),
             QStringLiteral("generate"), QStringLiteral("--scale"), QStringLiteral("small"),
             QStringLiteral("--as-of"), QStringLiteral("2026-11-28")});
    QCOMPARE(demo.code, 0);
    QVERIFY2(demo.out.contains(QStringLiteral("30,000 usage rows")), qPrintable(demo.out));
    QVERIFY(demo.err.contains(QStringLiteral("100%")));

    const Result info =
        run({QStringLiteral("--workspace"), folder, QStringLiteral("db"), QStringLiteral("info")});
    QCOMPARE(info.code, 0);
    QVERIFY(info.out.contains(QStringLiteral("Schema version:")));
    for (const QString &table : CanonicalTables::all()) {
        const QRegularExpression row(QStringLiteral("^\\s+%1\\s+[1-9]\\d*$").arg(table),
                                     QRegularExpression::MultilineOption);
        QVERIFY2(row.match(info.out).hasMatch(), qPrintable(table));
    }
}

void TestCli::infoAsJson()
{
    QTemporaryDir dir;
    const Result demo =
        run({QStringLiteral("-w"), dir.path(), QStringLiteral("demo"), QStringLiteral("generate")});
    QCOMPARE(demo.code, 0);
    const Result info = run({QStringLiteral("-w"), dir.path(), QStringLiteral("db"),
                             QStringLiteral("info"), QStringLiteral("--json")});
    QCOMPARE(info.code, 0);
    QJsonParseError error;
    const QJsonObject object = QJsonDocument::fromJson(info.out.toUtf8(), &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QVERIFY(object.value(QStringLiteral("schemaVersion")).toInt() >= 1);
    QVERIFY(object.value(QStringLiteral("fileSize")).toInteger() > 0);
    const QJsonObject rows = object.value(QStringLiteral("rows")).toObject();
    QCOMPARE(rows.size(), CanonicalTables::all().size());
    QCOMPARE(rows.value(QStringLiteral("feature_usage")).toInteger(), 30000);
}

void TestCli::checkPassesOnAHealthyWorkspace()
{
    QTemporaryDir dir;
    QCOMPARE(
        run({QStringLiteral("-w"), dir.path(), QStringLiteral("demo"), QStringLiteral("generate")})
            .code,
        0);
    const Result check =
        run({QStringLiteral("-w"), dir.path(), QStringLiteral("db"), QStringLiteral("check")});
    QCOMPARE(check.code, 0);
    QVERIFY(check.out.contains(QStringLiteral("integrity check passed")));
}

void TestCli::missingWorkspaceIsAnError()
{
    QTemporaryDir dir;
    const QString folder = dir.path() + QStringLiteral("/nothing-here");
    const Result info =
        run({QStringLiteral("-w"), folder, QStringLiteral("db"), QStringLiteral("info")});
    QCOMPARE(info.code, 1);
    QVERIFY(info.err.startsWith(QStringLiteral("error: No workspace database at")));
    QVERIFY(!QFile::exists(folder));
}

void TestCli::nonDatabaseFileIsAnErrorAndUntouched()
{
    QTemporaryDir dir;
    const QString path = dir.path() + QStringLiteral("/workspace.sqlite");
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("<html>not a database</html>");
    file.close();
    const QByteArray before = TestWorkspace::fileDigest(path);
    for (const QStringList &command :
         {QStringList{QStringLiteral("db"), QStringLiteral("info")},
          QStringList{QStringLiteral("db"), QStringLiteral("check")},
          QStringList{QStringLiteral("demo"), QStringLiteral("generate")}}) {
        const Result result = run(QStringList{QStringLiteral("-w"), dir.path()} + command);
        QCOMPARE(result.code, 1);
        QVERIFY2(result.err.contains(QStringLiteral("is not a workspace database")),
                 qPrintable(result.err));
        QCOMPARE(TestWorkspace::fileDigest(path), before);
    }
}

void TestCli::newerSchemaIsRefused()
{
    TestWorkspace workspace;
    {
        const auto db = workspace.open();
        QVERIFY(db);
        QSqlQuery query(db->connection());
        QVERIFY(query.exec(
            QStringLiteral("INSERT INTO schema_migrations VALUES (4242, 'future', 'x')")));
    }
    const QByteArray before = TestWorkspace::fileDigest(workspace.databasePath());
    const Result info = run(
        {QStringLiteral("-w"), workspace.folder(), QStringLiteral("db"), QStringLiteral("info")});
    QCOMPARE(info.code, 1);
    QVERIFY2(info.err.contains(QStringLiteral("newer version")), qPrintable(info.err));
    QCOMPARE(TestWorkspace::fileDigest(workspace.databasePath()), before);
}

void TestCli::workspaceFromTheEnvironment()
{
    QTemporaryDir dir;
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("PRODUCT_HUB_WORKSPACE"), dir.path());
    QCOMPARE(run({QStringLiteral("demo"), QStringLiteral("generate")}, environment).code, 0);
    QVERIFY(QFile::exists(dir.path() + QStringLiteral("/workspace.sqlite")));
    const Result info = run({QStringLiteral("db"), QStringLiteral("info")}, environment);
    QCOMPARE(info.code, 0);
    QVERIFY(info.out.contains(dir.path()));
}

void TestCli::demoRefusesAWorkspaceWithData()
{
    QTemporaryDir dir;
    QCOMPARE(
        run({QStringLiteral("-w"), dir.path(), QStringLiteral("demo"), QStringLiteral("generate")})
            .code,
        0);
    const Result again =
        run({QStringLiteral("-w"), dir.path(), QStringLiteral("demo"), QStringLiteral("generate"),
             QStringLiteral("--seed"), QStringLiteral("2")});
    QCOMPARE(again.code, 1);
    QVERIFY(again.err.contains(QStringLiteral("already holds data")));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
