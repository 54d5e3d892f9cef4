#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

// Runs the real product-hub executable's plans command on a demo workspace.
class TestPlansCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void listsTheDemoPlans();
    void showsTimelineFindingsAndStatus();
    void showsJson();
    void createsAPlanForNamedFeatures();
    void createRejectsBadInput();
    void exportThenImportGivesTheSamePlan();
    void unsupportedExportFormatIsAUsageError();
    void failedImportChangesNothing();
    void rebaseMovesThePlan();

private:
    struct Result
    {
        int code = -1;
        QString out;
        QString err;
    };
    Result run(const QStringList &arguments) const;
    Result plans(const QStringList &arguments) const;
    QJsonObject showJson(const QString &id) const;
    int planCount() const;

    QString m_program;
    QTemporaryDir m_dir;
    QString m_workspace;
};

TestPlansCli::Result TestPlansCli::run(const QStringList &arguments) const
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

TestPlansCli::Result TestPlansCli::plans(const QStringList &arguments) const
{
    return run(QStringList{QStringLiteral("--workspace"), m_workspace, QStringLiteral("plans")} +
               arguments);
}

QJsonObject TestPlansCli::showJson(const QString &id) const
{
    const Result shown =
        plans({QStringLiteral("show"), id, QStringLiteral("--format"), QStringLiteral("json"),
               QStringLiteral("--today"), QStringLiteral("2026-11-28")});
    if (shown.code != 0)
        qWarning() << shown.err;
    return QJsonDocument::fromJson(shown.out.toUtf8()).object();
}

int TestPlansCli::planCount() const
{
    const Result listed = plans({QStringLiteral("list")});
    return int(listed.out.count(QStringLiteral(" launch ")));
}

void TestPlansCli::initTestCase()
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

void TestPlansCli::listsTheDemoPlans()
{
    const Result listed = plans({QStringLiteral("list")});
    QCOMPARE(listed.code, 0);
    QVERIFY2(listed.out.contains(QStringLiteral("Insights Suite launch")), qPrintable(listed.out));
    QVERIFY(listed.out.contains(QStringLiteral("Mobile Workspace launch")));
    QVERIFY(listed.out.contains(QStringLiteral("2026-12-19")));
    QVERIFY(listed.out.contains(QStringLiteral("planning")));
}

void TestPlansCli::showsTimelineFindingsAndStatus()
{
    const Result shown = plans({QStringLiteral("show"), QStringLiteral("1"),
                                QStringLiteral("--today"), QStringLiteral("2026-11-28")});
    QCOMPARE(shown.code, 0);
    for (const char *part :
         {"Insights Suite launch (plan 1)", "Timeline", "Pre-launch preparation", "Launch day",
          "critical path", "Dependencies", "Readiness: At risk", "Findings", "[warning]", "in-app",
          "Recommendations", "Success metrics", "after 30 days"})
        QVERIFY2(shown.out.contains(QLatin1String(part)), part);

    const Result missing = plans({QStringLiteral("show"), QStringLiteral("99")});
    QCOMPARE(missing.code, 1);
    QVERIFY(missing.err.contains(QStringLiteral("99")));
    const Result bad = plans({QStringLiteral("show"), QStringLiteral("one")});
    QCOMPARE(bad.code, 2);
}

void TestPlansCli::showsJson()
{
    const QJsonObject shown = showJson(QStringLiteral("1"));
    QCOMPARE(shown.value(QStringLiteral("readiness")).toString(), QStringLiteral("at-risk"));
    const QJsonArray findings = shown.value(QStringLiteral("findings")).toArray();
    QVERIFY(!findings.isEmpty());
    QCOMPARE(shown.value(QStringLiteral("recommendations")).toArray().size(), findings.size());
    QVERIFY(!shown.value(QStringLiteral("reasons")).toArray().isEmpty());
    QVERIFY(!shown.value(QStringLiteral("criticalPath")).toArray().isEmpty());
    QVERIFY(!shown.value(QStringLiteral("violations")).toArray().isEmpty());
    const QJsonObject plan = shown.value(QStringLiteral("plan")).toObject();
    QCOMPARE(plan.value(QStringLiteral("launchDate")).toString(), QStringLiteral("2026-12-19"));
    const qsizetype features = plan.value(QStringLiteral("features")).toArray().size();
    QVERIFY(features > 0);
    // Adoption at 30 and 90 days per feature, then satisfaction and pipeline.
    QCOMPARE(shown.value(QStringLiteral("metrics")).toArray().size(), features * 2 + 2);
}

void TestPlansCli::createsAPlanForNamedFeatures()
{
    const QJsonArray features = showJson(QStringLiteral("2"))
                                    .value(QStringLiteral("plan"))
                                    .toObject()
                                    .value(QStringLiteral("features"))
                                    .toArray();
    QVERIFY(!features.isEmpty());
    const QString feature = features.at(0).toObject().value(QStringLiteral("name")).toString();
    const int before = planCount();
    const Result created = plans(
        {QStringLiteral("create"), QStringLiteral("--product"), QStringLiteral("Atlas"),
         QStringLiteral("--launch-date"), QStringLiteral("2027-03-01"), QStringLiteral("--feature"),
         feature.toUpper(), QStringLiteral("--channel"), QStringLiteral("email")});
    QVERIFY2(created.code == 0, qPrintable(created.err));
    QVERIFY(created.out.contains(QStringLiteral("Atlas launch")));
    QCOMPARE(planCount(), before + 1);

    const QString id = created.out.section(QLatin1Char(' '), 3, 3).remove(QLatin1Char(':'));
    const QJsonObject plan = showJson(id).value(QStringLiteral("plan")).toObject();
    QCOMPARE(plan.value(QStringLiteral("product")).toString(), QStringLiteral("Atlas"));
    QCOMPARE(plan.value(QStringLiteral("features"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("name")),
             QJsonValue(feature));
    const QJsonArray items = plan.value(QStringLiteral("items")).toArray();
    QCOMPARE(items.at(0).toObject().value(QStringLiteral("start")).toString(),
             QStringLiteral("2027-01-30")); // 30 days before
}

void TestPlansCli::createRejectsBadInput()
{
    const int before = planCount();
    const Result unknown =
        plans({QStringLiteral("create"), QStringLiteral("--product"), QStringLiteral("Atlas"),
               QStringLiteral("--launch-date"), QStringLiteral("2027-03-01"),
               QStringLiteral("--feature"), QStringLiteral("No Such Feature")});
    QCOMPARE(unknown.code, 1);
    QVERIFY2(unknown.err.contains(QStringLiteral("No Such Feature")), qPrintable(unknown.err));
    const Result badDate =
        plans({QStringLiteral("create"), QStringLiteral("--product"), QStringLiteral("Atlas"),
               QStringLiteral("--launch-date"), QStringLiteral("March")});
    QCOMPARE(badDate.code, 2);
    QVERIFY(badDate.err.contains(QStringLiteral("March")));
    const Result noProduct = plans(
        {QStringLiteral("create"), QStringLiteral("--launch-date"), QStringLiteral("2027-03-01")});
    QCOMPARE(noProduct.code, 2);
    QVERIFY(noProduct.err.contains(QStringLiteral("--product")));
    QCOMPARE(planCount(), before);
}

void TestPlansCli::exportThenImportGivesTheSamePlan()
{
    const QString file = m_dir.path() + QStringLiteral("/plan1.json");
    const Result exported =
        plans({QStringLiteral("export"), QStringLiteral("1"), QStringLiteral("--format"),
               QStringLiteral("json"), QStringLiteral("--output"), file});
    QVERIFY2(exported.code == 0, qPrintable(exported.err));
    QVERIFY(QFile::exists(file));

    const Result imported = plans({QStringLiteral("import"), file});
    QVERIFY2(imported.code == 0, qPrintable(imported.err));
    const QString id =
        imported.out.section(QLatin1Char(' '), -1).trimmed().remove(QLatin1Char('.'));
    const QJsonObject original =
        showJson(QStringLiteral("1")).value(QStringLiteral("plan")).toObject();
    const QJsonObject copy = showJson(id).value(QStringLiteral("plan")).toObject();
    QVERIFY(!copy.isEmpty());
    QCOMPARE(copy.value(QStringLiteral("id")).toInteger(), id.toLongLong());
    for (const char *key : {"items", "dependencies", "features", "launchDate", "name", "channels"})
        QVERIFY2(copy.value(QLatin1String(key)) == original.value(QLatin1String(key)), key);
}

void TestPlansCli::unsupportedExportFormatIsAUsageError()
{
    const QString file = m_dir.path() + QStringLiteral("/plan.xlsx");
    const Result result =
        plans({QStringLiteral("export"), QStringLiteral("1"), QStringLiteral("--format"),
               QStringLiteral("xlsx"), QStringLiteral("--output"), file});
    QCOMPARE(result.code, 2);
    QVERIFY2(result.err.contains(QStringLiteral("not supported yet")), qPrintable(result.err));
    QVERIFY(result.err.contains(QStringLiteral("json")));
    QVERIFY(!QFile::exists(file));
}

void TestPlansCli::failedImportChangesNothing()
{
    const int before = planCount();
    const QString broken = m_dir.path() + QStringLiteral("/broken.json");
    QFile file(broken);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"format\": \"product-hub.launch-plan\", \"version\": 1, \"plan\": {");
    file.close();
    Result result = plans({QStringLiteral("import"), broken});
    QCOMPARE(result.code, 1);
    QVERIFY2(result.err.contains(QStringLiteral("not valid JSON")), qPrintable(result.err));

    const QString newer = m_dir.path() + QStringLiteral("/newer.json");
    QFile newerFile(newer);
    QVERIFY(newerFile.open(QIODevice::WriteOnly));
    newerFile.write("{\"format\": \"product-hub.launch-plan\", \"version\": 99, \"plan\": {}}");
    newerFile.close();
    result = plans({QStringLiteral("import"), newer});
    QCOMPARE(result.code, 1);
    QVERIFY2(result.err.contains(QStringLiteral("version 99")), qPrintable(result.err));

    result = plans({QStringLiteral("import"), m_dir.path() + QStringLiteral("/missing.json")});
    QCOMPARE(result.code, 1);
    QCOMPARE(planCount(), before);
}

void TestPlansCli::rebaseMovesThePlan()
{
    const QJsonObject before =
        showJson(QStringLiteral("2")).value(QStringLiteral("plan")).toObject();
    const QDate launch =
        QDate::fromString(before.value(QStringLiteral("launchDate")).toString(), Qt::ISODate);
    const QDate moved = launch.addDays(7);
    const Result rebased =
        plans({QStringLiteral("rebase"), QStringLiteral("2"), moved.toString(Qt::ISODate)});
    QVERIFY2(rebased.code == 0, qPrintable(rebased.err));
    QVERIFY(rebased.out.contains(QStringLiteral("(7 day(s))")));
    const QJsonObject after =
        showJson(QStringLiteral("2")).value(QStringLiteral("plan")).toObject();
    QCOMPARE(after.value(QStringLiteral("launchDate")).toString(), moved.toString(Qt::ISODate));
    const QJsonArray itemsBefore = before.value(QStringLiteral("items")).toArray();
    const QJsonArray itemsAfter = after.value(QStringLiteral("items")).toArray();
    QCOMPARE(itemsAfter.size(), itemsBefore.size());
    for (qsizetype i = 0; i < itemsBefore.size(); ++i) {
        const QJsonObject b = itemsBefore.at(i).toObject();
        const QJsonObject a = itemsAfter.at(i).toObject();
        const QDate start =
            QDate::fromString(b.value(QStringLiteral("start")).toString(), Qt::ISODate);
        const int shift = b.value(QStringLiteral("done")).toBool() ? 0 : 7;
        QCOMPARE(a.value(QStringLiteral("start")).toString(),
                 start.addDays(shift).toString(Qt::ISODate));
    }
    const Result bad =
        plans({QStringLiteral("rebase"), QStringLiteral("2"), QStringLiteral("soon")});
    QCOMPARE(bad.code, 2);
}

QTEST_GUILESS_MAIN(TestPlansCli)
#include "tst_planscli.moc"
