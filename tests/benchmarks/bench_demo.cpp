// Times demo workspace generation and prints rows per second and peak memory.
//   bench_demo [--scale small|medium|large] [--keep DIR]
// Target (README): the large scale (10 million usage rows, 1 million feedback items) in
// under 90 s on a 2-core machine.

#include "database.h"
#include "databasewriter.h"
#include "demo/demogenerator.h"
#include "workspaceinfo.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTextStream>

#include <sys/resource.h>

namespace {

long peakMemoryMiB()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption scaleOption(QStringLiteral("scale"), QStringLiteral("Scale."),
                                         QStringLiteral("SCALE"), QStringLiteral("large"));
    const QCommandLineOption keepOption(QStringLiteral("keep"),
                                        QStringLiteral("Generate into DIR and keep it."),
                                        QStringLiteral("DIR"));
    parser.addOptions({scaleOption, keepOption});
    parser.process(app);
    QTextStream out(stdout);

    const auto scale = DemoGenerator::parseScale(parser.value(scaleOption));
    if (!scale) {
        QTextStream(stderr) << "unknown scale " << parser.value(scaleOption) << Qt::endl;
        return 2;
    }
    QTemporaryDir temporary;
    const QString folder = parser.isSet(keepOption) ? parser.value(keepOption) : temporary.path();
    QFile::remove(folder + QStringLiteral("/workspace.sqlite"));
    Database::OpenResult opened = Database::open(Workspace(folder));
    if (!opened.database) {
        QTextStream(stderr) << opened.message << Qt::endl;
        return 1;
    }
    Database &db = *opened.database;

    DemoGenerator::Options options;
    options.scale = *scale;
    options.seed = 1;
    options.today = QDate(2026, 11, 28);
    QElapsedTimer timer;
    timer.start();
    const WriteResult result = db.writer()->run(
        [&](QSqlDatabase &connection, QString *error) {
            return DemoGenerator(options).generate(connection, error);
        },
        DatabaseWriter::Transaction::None);
    const double seconds = timer.elapsed() / 1000.0;
    if (!result.ok) {
        QTextStream(stderr) << result.error << Qt::endl;
        return 1;
    }
    const WorkspaceInfo info =
        WorkspaceInfo::collect(db.connection(), db.path(), db.schemaVersion());
    qint64 rows = 0;
    for (const auto &[table, count] : info.rowCounts)
        rows += count;
    out << "demo generate --scale " << DemoGenerator::scaleName(*scale) << Qt::endl
        << "  seconds:            " << QString::number(seconds, 'f', 1) << Qt::endl
        << "  feature_usage rows: " << info.rowCount(QStringLiteral("feature_usage")) << Qt::endl
        << "  feedback rows:      " << info.rowCount(QStringLiteral("feedback")) << Qt::endl
        << "  all rows:           " << rows << Qt::endl
        << "  rows per second:    " << qint64(rows / seconds) << Qt::endl
        << "  database size MiB:  " << info.fileSize / (1024 * 1024) << Qt::endl
        << "  peak memory MiB:    " << peakMemoryMiB() << Qt::endl;
    return 0;
}
