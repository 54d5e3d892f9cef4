// Times the processing of webhook deliveries and what the sync's activity hook adds to the
// writing of a page.
//   bench_webhookprocessing [--runs N]
// Prints the median per delivery (with and without triggers to evaluate) and per page of 100
// releases (rows only, rows and hub events).

#include "activity/activityrecorder.h"
#include "activity/triggerstore.h"
#include "benchtiming.h"
#include "database.h"
#include "databasewriter.h"
#include "engine/rowwriter.h"
#include "isodate.h"
#include "testworkspace.h"
#include "webhooks/processing/canonicalwebhookprocessor.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSqlQuery>
#include <QTextStream>

namespace {

QByteArray release(int id, const QString &published)
{
    return QStringLiteral(
               "{\"action\":\"published\",\"release\":{\"id\":%1,\"tag_name\":\"v%1\","
               "\"name\":\"Release %1\",\"draft\":false,\"published_at\":\"%2\","
               "\"html_url\":\"https://github.com/acme/hub/releases/tag/v%1\"},"
               "\"repository\":{\"full_name\":\"acme/hub\",\"default_branch\":\"main\"}}")
        .arg(id)
        .arg(published)
        .toUtf8();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("Runs per figure."),
                                        QStringLiteral("N"), QStringLiteral("9"));
    parser.addOption(runsOption);
    parser.process(app);
    const int runs = qMax(1, parser.value(runsOption).toInt());
    QTextStream out(stdout);

    TestWorkspace workspace;
    std::unique_ptr<Database> database = workspace.open();
    if (!database)
        return 1;
    DatabaseWriter *writer = database->writer();
    writer->run([](QSqlDatabase &db, QString *) {
        return QSqlQuery(db).exec(QStringLiteral("INSERT INTO sources (id, kind, name, created_at) "
                                                 "VALUES (1, 'github', 'GitHub', '2026-01-01')"));
    });
    const QString published = IsoDate::timestamp(QDateTime::currentDateTimeUtc().addDays(-1));
    CanonicalWebhookProcessor processor;
    int next = 0;
    const auto deliveries = [&](int count) {
        return [&, count] {
            return writer
                ->run([&](QSqlDatabase &db, QString *error) {
                    for (int i = 0; i < count; ++i) {
                        WebhookEvent event;
                        event.provider = QStringLiteral("github");
                        event.eventType = QStringLiteral("release");
                        event.sourceId = 1;
                        event.payload = release(++next, published);
                        const WebhookProcessor::Outcome outcome = processor.process(db, event);
                        if (outcome.result != WebhookProcessor::Result::Processed) {
                            *error = outcome.error;
                            return false;
                        }
                    }
                    return true;
                })
                .ok;
        };
    };
    const int batch = 100;
    const double plain = medianMs(runs, deliveries(batch));
    writer->run([](QSqlDatabase &db, QString *error) {
        for (const char *kind : {"nps_below", "campaign_draft", "unplanned_requests"}) {
            Trigger trigger;
            trigger.name = QLatin1String(kind);
            trigger.kind = QLatin1String(kind);
            trigger.parameters = {{QStringLiteral("threshold"), 30},
                                  {QStringLiteral("days"), 30},
                                  {QStringLiteral("count"), 10}};
            if (!TriggerStore::insert(db, trigger, error))
                return false;
        }
        Trigger event;
        event.name = QStringLiteral("event");
        event.kind = QLatin1String(TriggerKinds::Event);
        event.parameters = {{QStringLiteral("hub_event"), QStringLiteral("feature_release")}};
        return TriggerStore::insert(db, event, error).has_value();
    });
    const double triggered = medianMs(runs, deliveries(batch));

    const QStringList columns{QStringLiteral("external_id"), QStringLiteral("name"),
                              QStringLiteral("version"), QStringLiteral("released_at"),
                              QStringLiteral("url")};
    const auto page = [&](bool events) {
        return [&, events] {
            QList<QVariantList> rows;
            for (int i = 0; i < 100; ++i) {
                ++next;
                rows.append({QString::number(next), QStringLiteral("Release %1").arg(next),
                             QStringLiteral("v%1").arg(next), published,
                             QStringLiteral("https://example.com/%1").arg(next)});
            }
            return writer
                ->run([&](QSqlDatabase &db, QString *error) {
                    return RowWriter::write(db, QStringLiteral("releases"), 1, columns, rows,
                                            error) &&
                           (!events ||
                            ActivityRecorder::recordSyncedPage(
                                db, QStringLiteral("releases"), QStringLiteral("releases"), 1,
                                columns, rows, QDateTime::currentDateTimeUtc(), error));
                })
                .ok;
        };
    };
    const double rowsOnly = medianMs(runs, page(false));
    const double withEvents = medianMs(runs, page(true));

    out << "deliveries, per delivery (median of " << runs << " batches of " << batch << "):\n"
        << "  no triggers:       " << plain / batch << " ms\n"
        << "  4 triggers:        " << triggered / batch << " ms\n"
        << "sync page of 100 new releases (median of " << runs << "):\n"
        << "  rows only:         " << rowsOnly << " ms\n"
        << "  rows + hub events: " << withEvents << " ms\n";
    return plain < 0 || triggered < 0 || rowsOnly < 0 || withEvents < 0 ? 1 : 0;
}
