#include "democommand.h"

#include "clioutput.h"
#include "databasewriter.h"
#include "demo/demogenerator.h"
#include "subcommandparser.h"
#include "workspaceinfo.h"
#include "workspaceopener.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QLocale>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("DemoCommand", text);
}

} // namespace

QString DemoCommand::summary() const
{
    return tr("Demo workspace: 'generate' fills an empty workspace with realistic data");
}

QStringList DemoCommand::usage() const
{
    return {QStringLiteral("demo generate [--scale small|medium|large] [--seed N] [--as-of DATE]")};
}

int DemoCommand::run(const QStringList &arguments, const CommandContext &context)
{
    return dispatch(
        arguments, context,
        {{QStringLiteral("generate"), [this](const QStringList &a, const CommandContext &c) {
              return generate(a, c);
          }}});
}

int DemoCommand::generate(const QStringList &arguments, const CommandContext &context)
{
    SubcommandParser sub(QStringLiteral("demo generate"),
                         tr("Fills an empty workspace with a deterministic demo data set: the same "
                            "seed, scale and date give the same data."));
    const QCommandLineOption scaleOption(
        QStringLiteral("scale"),
        tr("small (seconds), medium, or large (10 million usage rows, 1 million feedback items)."),
        QStringLiteral("SCALE"), QStringLiteral("small"));
    const QCommandLineOption seedOption(QStringLiteral("seed"), tr("Random seed (default 1)."),
                                        QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption asOfOption(QStringLiteral("as-of"),
                                        tr("The day the data ends on, YYYY-MM-DD (default today)."),
                                        QStringLiteral("DATE"));
    sub.parser().addOptions({scaleOption, seedOption, asOfOption});
    if (const auto stop = sub.parse(arguments, *context.output))
        return *stop;

    DemoGenerator::Options options;
    const auto scale = DemoGenerator::parseScale(sub.parser().value(scaleOption));
    if (!scale)
        return sub.usageError(*context.output,
                              tr("--scale must be small, medium or large, not '%1'")
                                  .arg(sub.parser().value(scaleOption)));
    options.scale = *scale;
    bool seedOk = false;
    options.seed = sub.parser().value(seedOption).toULongLong(&seedOk);
    if (!seedOk)
        return sub.usageError(
            *context.output,
            tr("--seed must be a whole number, not '%1'").arg(sub.parser().value(seedOption)));
    if (sub.parser().isSet(asOfOption)) {
        options.today = QDate::fromString(sub.parser().value(asOfOption), Qt::ISODate);
        if (!options.today.isValid())
            return sub.usageError(*context.output,
                                  tr("--as-of must be a date as YYYY-MM-DD, not '%1'")
                                      .arg(sub.parser().value(asOfOption)));
    }

    const auto db = WorkspaceOpener::open(context.workspaceOption, *context.output, true);
    if (!db)
        return ExitError;

    QTextStream &err = context.output->err();
    QString lastStep;
    int lastPercent = -1;
    const auto progress = [&](const QString &step, int percent) {
        if (step == lastStep && percent / 10 == lastPercent / 10)
            return;
        err << tr("%1% %2").arg(percent, 3).arg(step) << Qt::endl;
        lastStep = step;
        lastPercent = percent;
    };
    QElapsedTimer timer;
    timer.start();
    DemoGenerator generator(options);
    const WriteResult result = db->writer()->run(
        [&](QSqlDatabase &connection, QString *error) {
            return generator.generate(connection, error, progress);
        },
        DatabaseWriter::Transaction::None);
    if (!result.ok)
        return context.output->fail(tr("Demo data was not generated: %1").arg(result.error),
                                    ExitError);

    const WorkspaceInfo info =
        WorkspaceInfo::collect(db->connection(), db->path(), db->schemaVersion());
    const QLocale locale;
    context.output->out() << tr("Generated the %1 demo workspace in %2 s at %3: %4 features, %5 "
                                "users, %6 usage rows, %7 feedback items.")
                                 .arg(DemoGenerator::scaleName(options.scale))
                                 .arg(locale.toString(timer.elapsed() / 1000.0, 'f', 1))
                                 .arg(db->workspace().folder())
                                 .arg(locale.toString(info.rowCount(QStringLiteral("features"))))
                                 .arg(locale.toString(info.rowCount(QStringLiteral("users"))))
                                 .arg(locale.toString(
                                     info.rowCount(QStringLiteral("feature_usage"))))
                                 .arg(locale.toString(info.rowCount(QStringLiteral("feedback"))))
                          << Qt::endl;
    return ExitOk;
}
