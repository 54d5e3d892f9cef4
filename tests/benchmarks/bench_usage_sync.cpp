// Measures a sync of Mixpanel-shaped raw events (newline-delimited JSON, one export request per
// day) from a fake Mixpanel on loopback into a fresh workspace, through the real HTTP path,
// the usage counts and the roll-up into feature_usage, and prints events per second and the
// syncing process's peak memory (VmHWM).
//   bench_usage_sync [--events N] [--days D] [--users U]   (default 1,000,000 / 20 / 50,000)
// The fake service runs in a child process (bench_usage_sync --serve ...) and writes each
// day's export as it is asked for, so that the figures are the syncing process's alone.
// Targets (README): over 100,000 events/s and under 200 MB peak memory.

#include "databasewriter.h"
#include "engine/syncengine.h"
#include "manifest/connectorregistry.h"
#include "sourcestore.h"
#include "testworkspace.h"
#include "usage/eventmapping.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTextStream>
#include <QUrlQuery>

#include <sys/resource.h>

namespace {

const QByteArray credentials = "bench-account:bench-secret";

struct Shape
{
    qint64 events = 1000000;
    int days = 20;
    int users = 50000;
    QDate first;
};

const char *const eventNames[] = {
    "Report Exported", "Report Viewed",    "Dashboard Opened", "Dashboard Shared",
    "Alert Created",   "Alert Triggered",  "Page Viewed",      "Search Performed",
    "Filter Applied",  "Comment Added",    "File Uploaded",    "Invite Sent",
    "Signed In",       "Settings Changed", "Export Started",   "Integration Added",
    "Survey Answered", "Onboarding Step",  "Billing Viewed",   "Plan Upgraded"};
constexpr int eventNameCount = int(sizeof eventNames / sizeof eventNames[0]);

// One day's export, as Mixpanel writes it (a sample line of its documentation, with a few
// more of the properties real events carry).
QByteArray dayExport(const Shape &shape, const QDate &day)
{
    const int index = int(shape.first.daysTo(day));
    const qint64 perDay = shape.events / shape.days + (index < shape.events % shape.days ? 1 : 0);
    const qint64 start = QDateTime(day, QTime(0, 0), Qt::UTC).toSecsSinceEpoch();
    QByteArray body;
    body.reserve(qsizetype(perDay * 260));
    quint64 state = 0x9e3779b97f4a7c15ULL ^ quint64(index);
    for (qint64 i = 0; i < perDay; ++i) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        const int user = int((state >> 33) % quint64(shape.users));
        const int name = int((state >> 17) % quint64(eventNameCount));
        const qint64 time = start + qint64((state >> 7) % 86400);
        body += "{\"event\":\"";
        body += eventNames[name];
        body += "\",\"properties\":{\"time\":";
        body += QByteArray::number(time);
        body += ",\"distinct_id\":\"user-";
        body += QByteArray::number(user);
        body += "\",\"$insert_id\":\"";
        body += QByteArray::number(quint64(state), 16);
        body += "\",\"mp_processing_time_ms\":";
        body += QByteArray::number(time * 1000 + 5123);
        body += ",\"$os\":\"Mac OS X\",\"$browser\":\"Chrome\",\"$city\":\"Lisbon\","
                "\"mp_country_code\":\"PT\",\"mp_lib\":\"web\",\"plan\":\"Premium\"}}\n";
    }
    return body;
}

class FakeExport : public QTcpServer
{
public:
    explicit FakeExport(const Shape &shape)
        : m_shape(shape)
    {
        listen(QHostAddress::LocalHost);
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection())
                serve(socket);
        });
    }

private:
    void serve(QTcpSocket *socket)
    {
        auto buffer = std::make_shared<QByteArray>();
        connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
            *buffer += socket->readAll();
            qsizetype end;
            while ((end = buffer->indexOf("\r\n\r\n")) >= 0) {
                const QByteArray head = buffer->left(end);
                buffer->remove(0, end + 4);
                const QByteArray target = head.left(head.indexOf("\r\n")).split(' ').value(1);
                const QUrlQuery query(QUrl::fromEncoded(target));
                const QDate day = QDate::fromString(
                    query.queryItemValue(QStringLiteral("from_date")), Qt::ISODate);
                const QByteArray expected =
                    "authorization: basic " + credentials.toBase64().toLower();
                if (!head.toLower().contains(expected)) {
                    socket->write("HTTP/1.1 401 Unauthorized\r\nContent-Length: 2\r\n\r\n{}");
                    continue;
                }
                const QByteArray body = dayExport(m_shape, day);
                socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\n"
                              "Content-Length: " +
                              QByteArray::number(body.size()) + "\r\n\r\n");
                socket->write(body);
            }
        });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }

    Shape m_shape;
};

// CPU time of this process (all its threads, not the fake service's), for figures taken on a
// busy machine, where the wall clock also measures everyone else.
double cpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

long peakMemoryMiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLong() / 1024;
    }
    return -1;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption eventsOption(QStringLiteral("events"),
                                          QStringLiteral("Events to sync."), QStringLiteral("N"),
                                          QStringLiteral("1000000"));
    const QCommandLineOption daysOption(QStringLiteral("days"),
                                        QStringLiteral("Days they spread over."),
                                        QStringLiteral("D"), QStringLiteral("20"));
    const QCommandLineOption usersOption(QStringLiteral("users"), QStringLiteral("Distinct users."),
                                         QStringLiteral("U"), QStringLiteral("50000"));
    const QCommandLineOption serveOption(QStringLiteral("serve"),
                                         QStringLiteral("Serve the export (internal)."));
    parser.addOptions({eventsOption, daysOption, usersOption, serveOption});
    parser.process(app);

    Shape shape;
    shape.events = parser.value(eventsOption).toLongLong();
    shape.days = qMax(1, parser.value(daysOption).toInt());
    shape.users = qMax(1, parser.value(usersOption).toInt());
    shape.first = QDateTime::currentDateTimeUtc().date().addDays(-shape.days);
    if (parser.isSet(serveOption)) {
        FakeExport server(shape);
        if (!server.isListening())
            return 1;
        QTextStream(stdout) << "PORT " << server.serverPort() << Qt::endl;
        return QCoreApplication::exec();
    }

    QTextStream out(stdout);
    QProcess server;
    QStringList arguments = QCoreApplication::arguments().mid(1);
    arguments.append(QStringLiteral("--serve"));
    server.start(QCoreApplication::applicationFilePath(), arguments);
    QByteArray line;
    while (!line.startsWith("PORT ") && server.waitForReadyRead(600000))
        line = server.readLine().trimmed();
    if (!line.startsWith("PORT ")) {
        QTextStream(stderr) << "the fake service did not start" << Qt::endl;
        return 1;
    }

    TestWorkspace workspace;
    const auto db = workspace.open();
    Source source;
    source.kind = QStringLiteral("mixpanel");
    source.name = QStringLiteral("bench");
    source.baseUrl = QStringLiteral("http://127.0.0.1:") + QString::fromLatin1(line.mid(5));
    source.settings =
        QJsonObject{{QStringLiteral("project_id"), QStringLiteral("1")},
                    {QStringLiteral("start_date"), shape.first.toString(Qt::ISODate)}};
    db->writer()->run(
        [&source](QSqlDatabase &c, QString *error) { return SourceStore(c).add(source, error); });
    // Half the event names map to features, one of them through a pattern.
    db->writer()->run([](QSqlDatabase &c, QString *error) {
        QSqlQuery query(c);
        for (int i = 0; i < 4; ++i) {
            if (!query.exec(
                    QStringLiteral("INSERT INTO features (name) VALUES ('Feature %1')").arg(i)))
                return false;
        }
        return EventMapping::add(c, QStringLiteral("Report *"), 1, nullptr, error) &&
               EventMapping::add(c, QStringLiteral("Dashboard Opened"), 2, nullptr, error) &&
               EventMapping::add(c, QStringLiteral("Alert *"), 3, nullptr, error) &&
               EventMapping::add(c, QStringLiteral("Search Performed"), 4, nullptr, error) &&
               EventMapping::add(c, QStringLiteral("Filter Applied"), 4, nullptr, error);
    });
    const ConnectorRegistry registry = ConnectorRegistry::load();
    const ConnectorManifest manifest = *registry.find(QStringLiteral("mixpanel"));

    SyncEngine engine(db.get());
    QList<StreamOutcome> outcomes;
    QObject::connect(&engine, &SyncEngine::finished, &app, [&](const QList<StreamOutcome> &result) {
        outcomes = result;
        app.quit();
    });
    QElapsedTimer timer;
    const double cpuBefore = cpuSeconds();
    timer.start();
    engine.start({SyncTarget{source, manifest, Credentials{credentials}, {}}}, {});
    app.exec();
    const double seconds = timer.elapsed() / 1000.0;
    const double cpu = cpuSeconds() - cpuBefore;
    // Read before the checks below, whose reads of the whole tables are not the sync's.
    const long peak = peakMemoryMiB();
    server.kill();
    server.waitForFinished();

    if (outcomes.isEmpty() || outcomes.first().status != StreamOutcome::Status::Ok) {
        QTextStream(stderr) << "sync failed: "
                            << (outcomes.isEmpty() ? QString() : outcomes.first().error)
                            << Qt::endl;
        return 1;
    }
    QSqlQuery query(db->connection());
    query.exec(QStringLiteral("SELECT (SELECT count(*) FROM usage_event_counts), "
                              "(SELECT count(*) FROM feature_usage), "
                              "(SELECT sum(usage_count) FROM feature_usage), "
                              "(SELECT count(*) FROM users)"));
    query.next();
    out << "sync of " << shape.events << " Mixpanel events (" << shape.days << " daily exports, "
        << shape.users << " users, " << eventNameCount << " event names)" << Qt::endl
        << "  seconds:               " << QString::number(seconds, 'f', 2) << Qt::endl
        << "  events counted:        " << outcomes.first().records << Qt::endl
        << "  usage_event_counts:    " << query.value(0).toLongLong() << Qt::endl
        << "  feature_usage rows:    " << query.value(1).toLongLong() << " ("
        << query.value(2).toLongLong() << " uses)" << Qt::endl
        << "  users:                 " << query.value(3).toLongLong() << Qt::endl
        << "  events per second:     " << qint64(double(outcomes.first().records) / seconds)
        << Qt::endl
        << "  CPU seconds (syncing): " << QString::number(cpu, 'f', 2) << Qt::endl
        << "  peak memory MiB:       " << peak << Qt::endl;
    return 0;
}
