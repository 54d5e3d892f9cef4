// Times every report on a large workspace and prints the median of several runs, beside the
// straightforward single SQL query of the adoption-ROI definition for comparison.
//   bench_reports [--workspace DIR] [--runs N]
// Without --workspace, the large demo workspace is generated first (about a minute).
// Targets (README): adoption ROI over 90 days under 300 ms median; every other report under 1 s.

#include "benchtiming.h"
#include "database.h"
#include "demo/demogenerator.h"
#include "metrics/reports.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <functional>

namespace {

// The definition written as one query, each count distinct where the definition says so.
const char *const straightforwardRoi = R"(
WITH product AS (
  SELECT count(DISTINCT user_id) AS users FROM feature_usage WHERE day BETWEEN :from AND :to),
released AS (
  SELECT id, name, release_date FROM features
  WHERE merged_into IS NULL AND release_date BETWEEN :from AND :to),
active AS (
  SELECT fu.feature_id, fu.user_id, count(DISTINCT fu.day) AS days
  FROM feature_usage fu JOIN released r ON r.id = fu.feature_id
  WHERE fu.day BETWEEN :from AND :to GROUP BY fu.feature_id, fu.user_id),
companies AS (
  SELECT DISTINCT a.feature_id, u.company_id FROM active a JOIN users u ON u.id = a.user_id
  WHERE u.company_id IS NOT NULL),
revenue AS (
  SELECT c.feature_id, sum(o.deal_size * coalesce(r.rate, 1)) AS amount
  FROM companies c JOIN sales_opportunities o ON o.company_id = c.company_id
  LEFT JOIN currency_rates r ON r.currency = o.currency GROUP BY c.feature_id)
SELECT r.id, r.name, r.release_date,
  (SELECT count(*) FROM active a WHERE a.feature_id = r.id) AS active_users,
  100.0 * (SELECT count(*) FROM active a WHERE a.feature_id = r.id) / (SELECT users FROM product),
  (SELECT count(*) FROM active a WHERE a.feature_id = r.id AND a.days >= 3) AS power_users,
  coalesce((SELECT amount FROM revenue v WHERE v.feature_id = r.id), 0) AS revenue
FROM released r ORDER BY revenue DESC)";

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption workspaceOption(
        QStringLiteral("workspace"), QStringLiteral("A workspace to measure (default: generate)."),
        QStringLiteral("DIR"));
    const QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("Runs per report."),
                                        QStringLiteral("N"), QStringLiteral("5"));
    parser.addOptions({workspaceOption, runsOption});
    parser.process(app);
    QTextStream out(stdout);
    const int runs = qMax(1, parser.value(runsOption).toInt());

    QTemporaryDir temporary;
    const QString folder =
        parser.isSet(workspaceOption) ? parser.value(workspaceOption) : temporary.path();
    Database::OpenResult opened = Database::open(Workspace(folder));
    if (!opened.database) {
        QTextStream(stderr) << opened.message << Qt::endl;
        return 1;
    }
    Database &db = *opened.database;
    QSqlDatabase connection = db.connection();
    QDate today = QDateTime::currentDateTimeUtc().date();
    if (!parser.isSet(workspaceOption)) {
        out << "generating the large demo workspace..." << Qt::endl;
        DemoGenerator::Options options;
        options.scale = DemoGenerator::Scale::Large;
        options.today = today;
        QString error;
        if (!DemoGenerator(options).generate(connection, &error)) {
            QTextStream(stderr) << error << Qt::endl;
            return 1;
        }
    }
    QSqlQuery count(connection);
    count.exec(QStringLiteral("SELECT count(*) FROM feature_usage"));
    count.next();
    out << "reports on " << count.value(0).toLongLong() << " feature_usage rows, median of " << runs
        << " runs, 90-day window" << Qt::endl;

    const ReportWindow window = ReportWindow::lastDays(90, today);
    for (const QString &name : Reports::kindNames()) {
        const Reports::Kind kind = *Reports::kindNamed(name);
        QString error;
        int rows = 0;
        const double ms = medianMs(runs, [&] {
            const auto table = Reports::run(kind, connection, window, today, &error);
            rows = table ? int(table->rows.size()) : 0;
            return table.has_value();
        });
        if (ms < 0) {
            QTextStream(stderr) << name << " failed: " << error << Qt::endl;
            return 1;
        }
        out << "  " << qSetFieldWidth(14) << Qt::left << name << qSetFieldWidth(0) << Qt::right
            << QString::number(ms, 'f', 1).rightJustified(8) << " ms  (" << rows << " rows)"
            << Qt::endl;
    }
    QSqlQuery naive(connection);
    naive.prepare(QString::fromLatin1(straightforwardRoi));
    naive.bindValue(QStringLiteral(":from"), window.fromText());
    naive.bindValue(QStringLiteral(":to"), window.toText());
    int naiveRows = 0;
    const double naiveMs = medianMs(runs, [&] {
        if (!naive.exec()) {
            QTextStream(stderr) << naive.lastError().text() << Qt::endl;
            return false;
        }
        naiveRows = 0;
        while (naive.next())
            ++naiveRows;
        return true;
    });
    out << "  " << qSetFieldWidth(14) << Qt::left << "roi as one SQL" << qSetFieldWidth(0)
        << Qt::right << QString::number(naiveMs, 'f', 1).rightJustified(8) << " ms  (" << naiveRows
        << " rows)" << Qt::endl;
    return 0;
}
