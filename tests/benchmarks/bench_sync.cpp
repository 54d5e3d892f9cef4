// Measures a full sync of GitHub-shaped issues from a fake GitHub on loopback into a fresh
// workspace, raw JSON kept, and prints records per second, the syncing process's peak
// memory and the worst stall of its UI thread.
//   bench_sync [--records N]      (default 20000; 100 per page with Link headers)
// The fake service runs in a child process (bench_sync --serve N) and serves pages built
// before the clock starts, so that the figures are the syncing process's alone.
// Targets (README): at least 25,000 records/s; under 150 MB for 100,000 records; no UI
// stall over 50 ms.

#include "databasewriter.h"
#include "engine/syncengine.h"
#include "githubfixtures.h"
#include "manifest/connectorregistry.h"
#include "sourcestore.h"
#include "testworkspace.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QProcess>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTextStream>
#include <QTimer>
#include <QUrlQuery>

#include <sys/resource.h>

namespace {

// The service side: every page is built once, headers and all, before the clock starts,
// so that the figure measures the client and not the fake.
class StaticGitHub : public QTcpServer
{
public:
    explicit StaticGitHub(int records)
    {
        listen(QHostAddress::LocalHost);
        GitHubFixtures::Repository repository;
        repository.apiBase = QStringLiteral("http://127.0.0.1:%1").arg(serverPort());
        const int perPage = 100;
        const int lastPage = qMax(1, (records + perPage - 1) / perPage);
        QDateTime updated(QDate(2025, 1, 1), QTime(8, 0), Qt::UTC);
        int number = 0;
        for (int page = 1; page <= lastPage; ++page) {
            QJsonArray items;
            for (int i = 0; i < perPage && number < records; ++i) {
                ++number;
                if (number % 5 != 0)
                    updated = updated.addSecs(41);
                items.append(GitHubFixtures::issue(repository, number, updated.addDays(-3), updated,
                                                   number % 3 == 0 ? updated : QDateTime()));
            }
            const QByteArray body = GitHubFixtures::toJson(items);
            const QUrl url(
                repository.apiBase +
                QStringLiteral("/repos/acme/rocket/"
                               "issues?state=all&sort=updated&direction=asc&per_page=100&page=%1")
                    .arg(page));
            const QByteArray link = GitHubFixtures::linkHeader(url, page, lastPage);
            QByteArray response =
                "HTTP/1.1 200 OK\r\nContent-Type: application/json; charset=utf-8\r\n"
                "x-ratelimit-limit: 5000\r\nx-ratelimit-remaining: 4999\r\n"
                "Content-Length: " +
                QByteArray::number(body.size()) + "\r\n";
            if (!link.isEmpty())
                response += "Link: " + link + "\r\n";
            response += "\r\n" + body;
            m_pages.append(response);
        }
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
                const int page = qMax(1, QUrlQuery(QUrl::fromEncoded(target))
                                             .queryItemValue(QStringLiteral("page"))
                                             .toInt());
                if (!head.toLower().contains("authorization: bearer bench-token"))
                    socket->write("HTTP/1.1 401 Unauthorized\r\nContent-Length: 2\r\n\r\n{}");
                else
                    socket->write(m_pages.value(
                        page - 1,
                        QByteArray("HTTP/1.1 404 Not Found\r\nContent-Length: 2\r\n\r\n{}")));
            }
        });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }

    QList<QByteArray> m_pages;
};

int serve(int records)
{
    StaticGitHub server(records);
    if (!server.isListening())
        return 1;
    QTextStream(stdout) << "PORT " << server.serverPort() << Qt::endl;
    return QCoreApplication::exec();
}

long peakMemoryMiB()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024;
}

double cpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption recordsOption(QStringLiteral("records"),
                                           QStringLiteral("Issues to sync."), QStringLiteral("N"),
                                           QStringLiteral("20000"));
    const QCommandLineOption serveOption(
        QStringLiteral("serve"), QStringLiteral("Serve N issues (internal)."), QStringLiteral("N"));
    parser.addOptions({recordsOption, serveOption});
    parser.process(app);
    if (parser.isSet(serveOption))
        return serve(parser.value(serveOption).toInt());

    QTextStream out(stdout);
    const int records = parser.value(recordsOption).toInt();
    QProcess server;
    server.start(QCoreApplication::applicationFilePath(),
                 {QStringLiteral("--serve"), QString::number(records)});
    QByteArray line;
    while (!line.startsWith("PORT ") && server.waitForReadyRead(600000))
        line = server.readLine().trimmed();
    if (!line.startsWith("PORT ")) {
        QTextStream(stderr) << "the fake service did not start" << Qt::endl;
        return 1;
    }
    const QString base = QStringLiteral("http://127.0.0.1:") + QString::fromLatin1(line.mid(5));

    TestWorkspace workspace;
    const auto db = workspace.open();
    Source source;
    source.kind = QStringLiteral("github");
    source.name = QStringLiteral("bench");
    source.baseUrl = base;
    source.settings =
        QJsonObject{{QStringLiteral("repositories"), QJsonArray{QStringLiteral("acme/rocket")}}};
    db->writer()->run(
        [&source](QSqlDatabase &c, QString *error) { return SourceStore(c).add(source, error); });
    const ConnectorRegistry registry = ConnectorRegistry::load();
    const ConnectorManifest manifest = *registry.find(QStringLiteral("github"));

    // The UI thread's heartbeat: the longest gap between two ticks is the worst stall.
    QElapsedTimer beat;
    qint64 worstStall = 0;
    QTimer heartbeat;
    heartbeat.setTimerType(Qt::PreciseTimer);
    QObject::connect(&heartbeat, &QTimer::timeout, &app,
                     [&] { worstStall = qMax(worstStall, beat.restart()); });

    SyncEngine engine(db.get());
    QList<StreamOutcome> outcomes;
    QObject::connect(&engine, &SyncEngine::finished, &app, [&](const QList<StreamOutcome> &result) {
        outcomes = result;
        app.quit();
    });
    QElapsedTimer timer;
    const double cpuBefore = cpuSeconds();
    timer.start();
    beat.start();
    heartbeat.start(5);
    engine.start(
        {SyncTarget{source, manifest, Credentials{"bench-token"}, {QStringLiteral("issues")}}}, {});
    app.exec();
    const double seconds = timer.elapsed() / 1000.0;
    const double cpu = cpuSeconds() - cpuBefore;
    heartbeat.stop();
    server.kill();
    server.waitForFinished();

    if (outcomes.isEmpty() || outcomes.first().status != StreamOutcome::Status::Ok) {
        QTextStream(stderr) << "sync failed: "
                            << (outcomes.isEmpty() ? QString() : outcomes.first().error)
                            << Qt::endl;
        return 1;
    }
    QSqlQuery query(db->connection());
    query.exec(QStringLiteral("SELECT count(*), sum(length(raw)) FROM work_items"));
    query.next();
    out << "sync --full of " << records
        << " GitHub issues (100 per page, Link headers, raw JSON kept)" << Qt::endl
        << "  seconds:               " << QString::number(seconds, 'f', 2) << Qt::endl
        << "  rows in work_items:    " << query.value(0).toLongLong() << Qt::endl
        << "  raw JSON MiB:          " << query.value(1).toLongLong() / (1024 * 1024) << Qt::endl
        << "  records per second:    " << qint64(outcomes.first().records / seconds) << Qt::endl
        << "  CPU seconds (syncing): " << QString::number(cpu, 'f', 2) << Qt::endl
        << "  peak memory MiB:       " << peakMemoryMiB() << Qt::endl
        << "  worst UI stall ms:     " << worstStall << Qt::endl;
    return 0;
}
