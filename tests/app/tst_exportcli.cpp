#include "database.h"
#include "export/exporttables.h"
#include "metrics/reports.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

// Runs the real product-hub executable's export command, without a display, and reads
// what it wrote with tools of its own: python's csv module and poppler.
class TestExportCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void everyTableAsCsv_data();
    void everyTableAsCsv();
    void personalDataLeftOutWithAByteOrderMark();
    void reportAsCsv();
    void adoptionReportAsPdfWithoutADisplay();
    void feedbackDigestAndReportsAsPdf_data();
    void feedbackDigestAndReportsAsPdf();
    void usageErrorsExitWithTwo_data();
    void usageErrorsExitWithTwo();
    void unwritableOutputFailsAndLeavesNothing();

private:
    struct Result
    {
        int code = -1;
        QString out;
        QString err;
    };
    Result run(const QString &program, const QStringList &arguments) const;
    Result hub(const QStringList &arguments) const;
    // Records and fields as python's csv module reads the file, as JSON.
    QList<QStringList> pythonCsv(const QString &path) const;

    QString m_program;
    QTemporaryDir m_home;
    QTemporaryDir m_workspace;
    QTemporaryDir m_out;
};

TestExportCli::Result TestExportCli::run(const QString &program, const QStringList &arguments) const
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    // No display at all: PDF exports must work on a headless server.
    for (const char *name :
         {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "PRODUCT_HUB_WORKSPACE"})
        environment.remove(QString::fromLatin1(name));
    environment.insert(QStringLiteral("XDG_DATA_HOME"), m_home.path() + QStringLiteral("/data"));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"),
                       m_home.path() + QStringLiteral("/config"));
    environment.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_home.path());
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    if (!process.waitForFinished(300000)) {
        process.kill();
        return {};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

TestExportCli::Result TestExportCli::hub(const QStringList &arguments) const
{
    return run(m_program,
               QStringList{QStringLiteral("--workspace"), m_workspace.path()} + arguments);
}

QList<QStringList> TestExportCli::pythonCsv(const QString &path) const
{
    const Result result =
        run(QStringLiteral("python3"),
            {QStringLiteral("-c"),
             QStringLiteral("import csv, json, sys\n"
                            "with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:\n"
                            "    json.dump(list(csv.reader(f, strict=True)), sys.stdout)\n"),
             path});
    if (result.code != 0)
        return {};
    QList<QStringList> records;
    const QJsonArray rows = QJsonDocument::fromJson(result.out.toUtf8()).array();
    for (const QJsonValue &row : rows) {
        QStringList fields;
        for (const QJsonValue &field : row.toArray())
            fields.append(field.toString());
        records.append(fields);
    }
    return records;
}

void TestExportCli::initTestCase()
{
    m_program = qEnvironmentVariable("HUB_CLI");
    QVERIFY2(QFile::exists(m_program), "HUB_CLI must name the product-hub executable");
    const Result demo = hub({QStringLiteral("demo"), QStringLiteral("generate")});
    QVERIFY2(demo.code == 0, qPrintable(demo.err));
}

void TestExportCli::everyTableAsCsv_data()
{
    QTest::addColumn<QString>("table");
    for (const QString &name : ExportTables::names())
        QTest::newRow(qPrintable(name)) << name;
}

void TestExportCli::everyTableAsCsv()
{
    QFETCH(QString, table);
    const QString path = m_out.filePath(table + QStringLiteral(".csv"));
    const Result result = hub({QStringLiteral("export"), table, QStringLiteral("--format"),
                               QStringLiteral("csv"), QStringLiteral("--output"), path});
    QVERIFY2(result.code == 0, qPrintable(result.err));
    QVERIFY(result.err.contains(path));

    const std::optional<ExportTable> definition = ExportTables::named(table);
    QVERIFY(definition);
    Database::OpenResult opened = Database::open(Workspace(m_workspace.path()));
    QVERIFY(opened.database);
    QSqlQuery count(opened.database->connection());
    QVERIFY(count.exec(definition->countSql) && count.next());
    const QList<QStringList> records = pythonCsv(path);
    QCOMPARE(records.size(), count.value(0).toLongLong() + 1);
    QStringList titles;
    for (const ExportColumn &column : definition->columns)
        titles.append(column.title);
    QCOMPARE(records.first(), titles);
}

void TestExportCli::personalDataLeftOutWithAByteOrderMark()
{
    const QString path = m_out.filePath(QStringLiteral("users-anonymous.csv"));
    const Result result = hub(
        {QStringLiteral("export"), QStringLiteral("users"), QStringLiteral("--output"), path,
         QStringLiteral("--no-personal-data"), QStringLiteral("--bom"), QStringLiteral("--keys")});
    QVERIFY2(result.code == 0, qPrintable(result.err));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
    QVERIFY(!bytes.contains('@')); // no e-mail address anywhere
    const QList<QStringList> records = pythonCsv(path);
    QVERIFY(records.size() > 1);
    QVERIFY(!records.first().contains(QStringLiteral("email")));
    QVERIFY(!records.first().contains(QStringLiteral("name")));
    QVERIFY(records.first().contains(QStringLiteral("company")));
}

void TestExportCli::reportAsCsv()
{
    const QString path = m_out.filePath(QStringLiteral("validation.csv"));
    const Result result =
        hub({QStringLiteral("export"), QStringLiteral("validation"), QStringLiteral("--output"),
             path, QStringLiteral("--days"), QStringLiteral("60"), QStringLiteral("--keys")});
    QVERIFY2(result.code == 0, qPrintable(result.err));
    Database::OpenResult opened = Database::open(Workspace(m_workspace.path()));
    QVERIFY(opened.database);
    const QDate today = QDateTime::currentDateTimeUtc().date();
    QString error;
    const std::optional<ReportTable> expected = Reports::validation(
        opened.database->connection(), ReportWindow::lastDays(60, today), today, &error);
    QVERIFY2(expected, qPrintable(error));
    QVERIFY(!expected->rows.isEmpty());
    const QList<QStringList> records = pythonCsv(path);
    QCOMPARE(records.size(), expected->rows.size() + 1);
    QCOMPARE(records.first().first(), expected->columns.first().key);
    const int feature = expected->column(QStringLiteral("feature"));
    for (int r = 0; r < expected->rows.size(); ++r)
        QCOMPARE(records.at(r + 1).at(feature), expected->rows.at(r).at(feature).toString());
}

void TestExportCli::adoptionReportAsPdfWithoutADisplay()
{
    const QString path = m_out.filePath(QStringLiteral("adoption.pdf"));
    const Result result =
        hub({QStringLiteral("export"), QStringLiteral("adoption"), QStringLiteral("--format"),
             QStringLiteral("pdf"), QStringLiteral("--output"), path, QStringLiteral("--page-size"),
             QStringLiteral("letter"), QStringLiteral("--landscape")});
    QVERIFY2(result.code == 0, qPrintable(result.err));
    const Result info = run(QStringLiteral("pdfinfo"), {path});
    QCOMPARE(info.code, 0);
    QVERIFY2(info.out.contains(QStringLiteral("792 x 612 pts (letter)")), qPrintable(info.out));
    const Result text =
        run(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), path, QStringLiteral("-")});
    QVERIFY(text.out.contains(QStringLiteral("ADOPTION REPORT")));
    QVERIFY(text.out.contains(QDir(m_workspace.path()).dirName()));
    QVERIFY(text.out.contains(QStringLiteral("Return on feature adoption")));
}

void TestExportCli::feedbackDigestAndReportsAsPdf_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("expected");
    QTest::newRow("feedback") << QStringLiteral("feedback") << QStringLiteral("FEEDBACK DIGEST");
    QTest::newRow("velocity") << QStringLiteral("velocity")
                              << QStringLiteral("Development velocity");
    QTest::newRow("satisfaction") << QStringLiteral("satisfaction")
                                  << QStringLiteral("User satisfaction");
}

void TestExportCli::feedbackDigestAndReportsAsPdf()
{
    QFETCH(QString, target);
    QFETCH(QString, expected);
    const QString path = m_out.filePath(target + QStringLiteral(".pdf"));
    // The format follows the file's extension when --format is left out.
    const Result result = hub({QStringLiteral("export"), target, QStringLiteral("--output"), path});
    QVERIFY2(result.code == 0, qPrintable(result.err));
    const Result text =
        run(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), path, QStringLiteral("-")});
    QCOMPARE(text.code, 0);
    QVERIFY2(text.out.contains(expected), qPrintable(text.out.left(500)));
    QVERIFY(text.out.contains(QStringLiteral("Page 1 of ")));
}

void TestExportCli::usageErrorsExitWithTwo_data()
{
    const QString out = QStringLiteral("--output");
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown table")
        << QStringList{QStringLiteral("nonsense"), out, QStringLiteral("x.csv")}
        << QStringLiteral("nonsense");
    QTest::newRow("no output") << QStringList{QStringLiteral("features")}
                               << QStringLiteral("--output");
    QTest::newRow("bad format") << QStringList{QStringLiteral("features"),
                                               QStringLiteral("--format"), QStringLiteral("xls"),
                                               out, QStringLiteral("x.xls")}
                                << QStringLiteral("xls");
    QTest::newRow("unknown extension")
        << QStringList{QStringLiteral("features"), out, QStringLiteral("x.txt")}
        << QStringLiteral("--format");
    QTest::newRow("bad page size")
        << QStringList{QStringLiteral("adoption"), out, QStringLiteral("x.pdf"),
                       QStringLiteral("--page-size"), QStringLiteral("a3")}
        << QStringLiteral("a3");
    QTest::newRow("bad days") << QStringList{QStringLiteral("adoption"), out,
                                             QStringLiteral("x.csv"), QStringLiteral("--days"),
                                             QStringLiteral("soon")}
                              << QStringLiteral("soon");
    QTest::newRow("bom with pdf") << QStringList{QStringLiteral("adoption"), out,
                                                 QStringLiteral("x.pdf"), QStringLiteral("--bom")}
                                  << QStringLiteral("--bom");
}

void TestExportCli::usageErrorsExitWithTwo()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const Result result = hub(QStringList{QStringLiteral("export")} + arguments);
    QCOMPARE(result.code, 2);
    QVERIFY2(result.err.contains(message), qPrintable(result.err));
    QVERIFY(!QFile::exists(QStringLiteral("x.csv")) && !QFile::exists(QStringLiteral("x.pdf")));
}

void TestExportCli::unwritableOutputFailsAndLeavesNothing()
{
    const QString path = m_out.filePath(QStringLiteral("missing/users.csv"));
    const Result csv =
        hub({QStringLiteral("export"), QStringLiteral("users"), QStringLiteral("--output"), path});
    QCOMPARE(csv.code, 1);
    QVERIFY2(csv.err.contains(path), qPrintable(csv.err));
    const QString pdf = m_out.filePath(QStringLiteral("missing/report.pdf"));
    const Result report = hub(
        {QStringLiteral("export"), QStringLiteral("velocity"), QStringLiteral("--output"), pdf});
    QCOMPARE(report.code, 1);
    QVERIFY2(report.err.contains(pdf), qPrintable(report.err));
    QVERIFY(!QFile::exists(path) && !QFile::exists(pdf));
    // A table is not a PDF document: said so, and nothing written.
    const QString tablePdf = m_out.filePath(QStringLiteral("users.pdf"));
    const Result table = hub(
        {QStringLiteral("export"), QStringLiteral("users"), QStringLiteral("--output"), tablePdf});
    QCOMPARE(table.code, 1);
    QVERIFY2(table.err.contains(QStringLiteral("CSV")), qPrintable(table.err));
    QVERIFY(!QFile::exists(tablePdf));
}

QTEST_GUILESS_MAIN(TestExportCli)
#include "tst_exportcli.moc"
