// Times the feedback inbox on a large workspace: the first window of rows, typical searches,
// and memory while scrolling to the end.
//   bench_inbox --workspace DIR [--runs N]
// DIR is migrated in place (the inbox indexes): measure a copy of the large demo workspace.
// Targets (README): first rows under 300 ms, search under 50 ms median, memory growth while
// fetching to the end under 100 MB.

#include "benchtiming.h"
#include "database.h"
#include "feedback/feedbackinboxmodel.h"
#include "feedback/feedbackquery.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QSqlQuery>
#include <QTextStream>

#include <algorithm>
#include <functional>

#include <unistd.h>

namespace {

double ms(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

double residentMb()
{
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.size() > 1 ? double(fields.at(1).toLongLong()) * double(sysconf(_SC_PAGESIZE)) /
                                   (1024.0 * 1024.0)
                             : 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption workspaceOption(QStringLiteral("workspace"),
                                             QStringLiteral("The workspace to measure."),
                                             QStringLiteral("DIR"));
    const QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("Runs per search."),
                                        QStringLiteral("N"), QStringLiteral("9"));
    parser.addOptions({workspaceOption, runsOption});
    parser.process(app);
    QTextStream out(stdout);
    QTextStream err(stderr);
    if (!parser.isSet(workspaceOption)) {
        err << "bench_inbox: --workspace is required" << Qt::endl;
        return 2;
    }
    const int runs = qMax(1, parser.value(runsOption).toInt());

    QElapsedTimer timer;
    timer.start();
    Database::OpenResult opened = Database::open(Workspace(parser.value(workspaceOption)));
    if (!opened.database) {
        err << opened.message << Qt::endl;
        return 1;
    }
    out << "open (and migrate): " << QString::number(ms(timer), 'f', 0) << " ms" << Qt::endl;
    QSqlDatabase db = opened.database->connection();
    QSqlQuery total(db);
    total.exec(QStringLiteral("SELECT count(*) FROM feedback"));
    total.next();
    out << "feedback items: " << total.value(0).toLongLong() << Qt::endl;

    constexpr int Window = 200;
    const auto firstRows = [&](FeedbackInboxModel &model) {
        model.reload();
        model.fetchMore(QModelIndex());
        for (int row = 0; row < model.rowCount(); ++row)
            model.data(model.index(row, FeedbackInboxModel::Title));
        return model.rowCount() == Window;
    };
    {
        FeedbackInboxModel model(db);
        model.setWindowSize(Window);
        timer.restart();
        if (!firstRows(model)) {
            err << "first window failed: " << model.lastError() << Qt::endl;
            return 1;
        }
        out << "first window of " << Window
            << " rows, newest first: " << QString::number(ms(timer), 'f', 1) << " ms (first), "
            << QString::number(medianMs(runs, [&] { return firstRows(model); }), 'f', 1)
            << " ms (median)   target < 300 ms" << Qt::endl;
        for (const auto &[column, name] : {std::pair{int(FeedbackInboxModel::Score), "score"},
                                           std::pair{int(FeedbackInboxModel::Title), "title"}}) {
            const double sorted = medianMs(runs, [&, column = column] {
                model.sort(column, Qt::DescendingOrder);
                return firstRows(model);
            });
            out << "first window by " << name << ": " << QString::number(sorted, 'f', 1)
                << " ms (median)" << Qt::endl;
        }
    }

    out << "search, first window of 100 rows with highlights, median of " << runs
        << " runs   target < 50 ms" << Qt::endl;
    QList<double> medians;
    for (const char *text : {"export", "sso", "dark mode", "invoice pdf", "onboard", "mobile app",
                             "zo\xc3\xab", "acc"}) {
        FeedbackFilter filter;
        filter.text = QString::fromUtf8(text);
        qint64 matches = 0;
        QString error;
        const double median = medianMs(runs, [&] {
            const FeedbackQuery query(filter);
            FeedbackQuery::Cursor cursor;
            QList<FeedbackRow> rows;
            if (!query.fetch(db, &cursor, 100, &rows, &error))
                return false;
            matches = rows.size();
            return true;
        });
        if (median < 0) {
            err << text << ": " << error << Qt::endl;
            return 1;
        }
        timer.restart();
        const auto count = FeedbackQuery(filter).count(db, &error);
        const double countMs = ms(timer);
        medians.append(median);
        out << "  " << qSetFieldWidth(14) << Qt::left << filter.text << qSetFieldWidth(0)
            << Qt::right << QString::number(median, 'f', 1).rightJustified(8) << " ms  (" << matches
            << " rows; " << count.value_or(-1) << " in all, counted in "
            << QString::number(countMs, 'f', 0) << " ms)" << Qt::endl;
    }
    std::sort(medians.begin(), medians.end());
    out << "  median over the queries: " << QString::number(medians.at(medians.size() / 2), 'f', 1)
        << " ms" << Qt::endl;

    {
        FeedbackInboxModel model(db);
        model.setWindowSize(Window);
        model.reload();
        const double before = residentMb();
        timer.restart();
        while (model.canFetchMore(QModelIndex())) {
            model.fetchMore(QModelIndex());
            // As a view would: read the rows that come into sight.
            const int last = model.rowCount() - 1;
            model.data(model.index(last, FeedbackInboxModel::Title));
        }
        const double elapsed = ms(timer);
        const double after = residentMb();
        out << "fetched to the end: " << model.rowCount() << " rows in "
            << QString::number(elapsed / 1000.0, 'f', 1) << " s; resident memory "
            << QString::number(before, 'f', 0) << " -> " << QString::number(after, 'f', 0)
            << " MB (growth " << QString::number(after - before, 'f', 0) << " MB)   target < 100 MB"
            << Qt::endl;
        if (!model.lastError().isEmpty())
            err << model.lastError() << Qt::endl;
    }
    return 0;
}
