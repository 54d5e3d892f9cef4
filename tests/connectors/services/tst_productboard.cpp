#include "connectorharness.h"
#include "fakeproductboard.h"
#include "isodate.h"
#include "manifest/connectorregistry.h"
#include "manifest/settingsvalidator.h"

#include <QElapsedTimer>
#include <QTest>

// The built-in Productboard connector against a fake of Productboard's public API v1.
class TestProductboard : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void manifestLoads();
    void syncsEveryPageOfEveryStream();
    void mapsRecordsFieldByField();
    void readsOnlyNotesChangedSinceTheCursor();
    void stopsWhenTheNotesCursorComesBack();
    void refusedCredentialsAreExplained();
    void reportsProductboardsOwnErrorMessage();
    void waitsOutAShortRateLimit();
    void stopsOnALongRateLimit();
    void rejectsMalformedSettings();

private:
    bool start();
    QList<StreamOutcome> sync(const QByteArray &token = "PB_TOKEN", bool full = false,
                              const QStringList &streams = {});
    // Notes N1..count, created one an hour from `from` and updated a day later.
    void addNotes(int count, const QDateTime &from);
    static QString noteId(int n);

    std::unique_ptr<ConnectorHarness> m_harness;
    std::unique_ptr<FakeProductboard> m_board;
};

void TestProductboard::init()
{
    m_harness = std::make_unique<ConnectorHarness>(QStringLiteral("productboard"));
}

void TestProductboard::cleanup()
{
    m_board.reset();
    m_harness.reset();
}

bool TestProductboard::start()
{
    if (!m_harness->start(QJsonObject()))
        return false;
    m_board = std::make_unique<FakeProductboard>(m_harness->server(), "PB_TOKEN");
    return true;
}

QList<StreamOutcome> TestProductboard::sync(const QByteArray &token, bool full,
                                            const QStringList &streams)
{
    return m_harness->sync(token, full, streams);
}

QString TestProductboard::noteId(int n)
{
    return QStringLiteral("5a1c0e42-0000-4000-8000-%1").arg(n, 12, 10, QLatin1Char('0'));
}

void TestProductboard::addNotes(int count, const QDateTime &from)
{
    for (int n = 1; n <= count; ++n) {
        FakeProductboard::Note note;
        note.id = noteId(n);
        note.title = QStringLiteral("Feedback %1").arg(n);
        note.content = QStringLiteral("<p>Customer request %1</p>").arg(n);
        note.created = from.addSecs(qint64(n) * 3600);
        note.updated = note.created.addDays(1);
        m_board->setNote(note);
    }
}

void TestProductboard::manifestLoads()
{
    const ConnectorRegistry registry = ConnectorRegistry::load();
    for (const QString &error : registry.errors())
        QVERIFY2(!error.contains(QLatin1String("productboard.json")), qPrintable(error));
    const ConnectorManifest *board = registry.find(QStringLiteral("productboard"));
    QVERIFY(board);
    QCOMPARE(board->auth.type, AuthSpec::Type::Bearer);
    QCOMPARE(board->headers.value(QStringLiteral("X-Version")), QStringLiteral("1"));
    QCOMPARE(board->stream(QStringLiteral("companies"))->target, QStringLiteral("companies"));
}

void TestProductboard::syncsEveryPageOfEveryStream()
{
    QVERIFY2(start(), qPrintable(m_harness->error()));
    const QDateTime from(QDate(2026, 1, 5), QTime(9, 0), Qt::UTC);
    for (int n = 1; n <= 250; ++n) {
        m_board->setFeature({QStringLiteral("f%1").arg(n, 4, 10, QLatin1Char('0')),
                             QStringLiteral("Feature %1").arg(n),
                             QStringLiteral("Candidate"),
                             {},
                             {},
                             from,
                             from.addSecs(n)});
    }
    addNotes(230, from);
    for (int n = 1; n <= 120; ++n) {
        m_board->setCompany({QStringLiteral("c%1").arg(n, 4, 10, QLatin1Char('0')),
                             QStringLiteral("Customer %1").arg(n),
                             QStringLiteral("customer%1.example").arg(n)});
    }
    const QList<StreamOutcome> outcomes = sync();
    QCOMPARE(outcomes.size(), 3);
    for (const StreamOutcome &o : outcomes)
        QVERIFY2(o.status == StreamOutcome::Status::Ok,
                 qPrintable(o.stream + QStringLiteral(": ") + o.error));
    QCOMPARE(ConnectorHarness::find(outcomes, QStringLiteral("features"))->pages, 3);
    QCOMPARE(ConnectorHarness::find(outcomes, QStringLiteral("notes"))->pages, 3);
    QCOMPARE(ConnectorHarness::find(outcomes, QStringLiteral("companies"))->pages, 2);
    QCOMPARE(m_harness->scalar(QStringLiteral("SELECT count(*) FROM features")), 250);
    QCOMPARE(m_harness->scalar(QStringLiteral("SELECT count(*) FROM feedback")), 230);
    QCOMPARE(m_harness->scalar(QStringLiteral("SELECT count(*) FROM company_sources")), 120);
    QCOMPARE(m_harness->scalar(QStringLiteral("SELECT count(*) FROM companies")), 120);
    QCOMPARE(m_board->requestCount(QStringLiteral("notes")), 3);
    for (const FakeHttpServer::Request &request : m_harness->server().requests()) {
        QCOMPARE(request.header("authorization"), QByteArray("Bearer PB_TOKEN"));
        QCOMPARE(request.header("x-version"), QByteArray("1"));
    }
    // The notes cursor is the newest update seen, although the newest note came first.
    const QVariantList cursor =
        m_harness->row(QStringLiteral("SELECT cursor FROM sync_state WHERE stream = 'notes'"));
    QCOMPARE(IsoDate::parse(cursor.value(0).toString()), from.addSecs(230 * 3600).addDays(1));
    QCOMPARE(m_harness->scalar(QStringLiteral("SELECT count(*) FROM sync_state")), 1);
}

void TestProductboard::mapsRecordsFieldByField()
{
    QVERIFY2(start(), qPrintable(m_harness->error()));
    const QDateTime created(QDate(2026, 2, 3), QTime(14, 5, 9, 120), Qt::UTC);
    FakeProductboard::Feature pdf{QStringLiteral("9b8e1d0a-3c55-4c2e-8f0a-6f2d1b7c9e01"),
                                  QStringLiteral("Invoice PDF download"),
                                  QStringLiteral("In progress"),
                                  QDate(2026, 1, 1),
                                  QDate(2026, 3, 31),
                                  created.addDays(-30),
                                  created.addDays(2)};
    FakeProductboard::Feature sso{QStringLiteral("9b8e1d0a-3c55-4c2e-8f0a-6f2d1b7c9e02"),
                                  QStringLiteral("SAML single sign-on"),
                                  QStringLiteral("Candidate"),
                                  {},
                                  {},
                                  created.addDays(-20),
                                  created.addDays(1)};
    m_board->setFeature(pdf);
    m_board->setFeature(sso);
    m_board->setCompany({QStringLiteral("1c0e5d9a-7b2f-4d8e-9a61-0b3c5d7e9f10"),
                         QStringLiteral("Globex"), QStringLiteral("globex.example")});

    FakeProductboard::Note zendesk;
    zendesk.id = noteId(1);
    zendesk.title = QStringLiteral("Finance needs PDF invoices");
    zendesk.content = QStringLiteral("<p>Our finance team cannot file HTML invoices.</p>");
    zendesk.companyId = QStringLiteral("1c0e5d9a-7b2f-4d8e-9a61-0b3c5d7e9f10");
    zendesk.userId = QStringLiteral("7e0c2a14-5b6d-4f3e-8a9b-1c2d3e4f5a6b");
    zendesk.origin = QStringLiteral("zendesk");
    zendesk.featureIds = {pdf.id, sso.id};
    zendesk.tags = {QStringLiteral("billing"), QStringLiteral("enterprise")};
    zendesk.created = created;
    zendesk.updated = created.addSecs(3600);
    m_board->setNote(zendesk);
    FakeProductboard::Note inApp;
    inApp.id = noteId(2);
    inApp.title = QStringLiteral("Idea from the team");
    inApp.created = created.addSecs(60);
    inApp.updated = created.addSecs(120);
    m_board->setNote(inApp);

    const QList<StreamOutcome> outcomes = sync();
    for (const StreamOutcome &o : outcomes)
        QVERIFY2(o.status == StreamOutcome::Status::Ok,
                 qPrintable(o.stream + QStringLiteral(": ") + o.error));

    const QVariantList note = m_harness->row(
        QStringLiteral("SELECT author, title, body, score, score_kind, channel, url, created_at, "
                       "updated_at, feature_ref, company_ref FROM feedback WHERE external_id = "
                       "'%1'")
            .arg(zendesk.id));
    QCOMPARE(note.size(), 11);
    QCOMPARE(note.at(0).toString(), zendesk.userId);
    QCOMPARE(note.at(1).toString(), zendesk.title);
    QCOMPARE(note.at(2).toString(), zendesk.content);
    QVERIFY(note.at(3).isNull());
    QVERIFY(note.at(4).isNull());
    QCOMPARE(note.at(5).toString(), QStringLiteral("zendesk"));
    QCOMPARE(note.at(6).toString(),
             m_board->note(zendesk.id).value(QStringLiteral("displayUrl")).toString());
    QCOMPARE(note.at(7).toString(), QStringLiteral("2026-02-03T14:05:09.120Z"));
    QCOMPARE(note.at(8).toString(), QStringLiteral("2026-02-03T15:05:09.120Z"));
    QCOMPARE(note.at(9).toString(), pdf.id + QLatin1Char(',') + sso.id);
    QCOMPARE(note.at(10).toString(), zendesk.companyId);
    // A note written in Productboard has no source, no author and no links.
    const QVariantList own = m_harness->row(
        QStringLiteral("SELECT channel, author, feature_ref, company_ref FROM feedback WHERE "
                       "external_id = '%1'")
            .arg(inApp.id));
    QCOMPARE(own.value(0).toString(), QStringLiteral("productboard"));
    QVERIFY(own.value(1).isNull());
    QVERIFY(own.value(2).toString().isEmpty());
    QVERIFY(own.value(3).isNull());

    const QVariantList feature = m_harness->row(
        QStringLiteral("SELECT name, description, status, release_date, url, updated_at FROM "
                       "features WHERE external_id = '%1'")
            .arg(pdf.id));
    QCOMPARE(feature.size(), 6);
    QCOMPARE(feature.at(0).toString(), pdf.name);
    QCOMPARE(feature.at(1).toString(),
             m_board->feature(pdf.id).value(QStringLiteral("description")).toString());
    QCOMPARE(feature.at(2).toString(), QStringLiteral("In progress"));
    QCOMPARE(feature.at(3).toString(), QStringLiteral("2026-03-31"));
    QCOMPARE(feature.at(4).toString(),
             QStringLiteral("https://acme.productboard.com/feature-board/planning/features/") +
                 pdf.id);
    QCOMPARE(feature.at(5).toString(), QStringLiteral("2026-02-05T14:05:09.120Z"));
    // A timeframe of "none" is no date.
    QVERIFY(m_harness
                ->row(QStringLiteral("SELECT release_date FROM features WHERE external_id = '%1'")
                          .arg(sso.id))
                .value(0)
                .isNull());

    // The company is filed for this source and matched to a shared company by its domain.
    QCOMPARE(m_harness->row(QStringLiteral(
                 "SELECT c.name, c.domain, s.external_id FROM company_sources s JOIN companies c "
                 "ON c.id = s.company_id")),
             (QVariantList{QStringLiteral("Globex"), QStringLiteral("globex.example"),
                           zendesk.companyId}));
}

void TestProductboard::readsOnlyNotesChangedSinceTheCursor()
{
    QVERIFY2(start(), qPrintable(m_harness->error()));
    const QDateTime from(QDate(2026, 3, 1), QTime(8, 0), Qt::UTC);
    addNotes(150, from);
    for (int n = 1; n <= 3; ++n)
        m_board->setFeature({QStringLiteral("f%1").arg(n),
                             QStringLiteral("Feature %1").arg(n),
                             QStringLiteral("Candidate"),
                             {},
                             {},
                             from,
                             from});
    QList<StreamOutcome> outcomes = sync();
    QCOMPARE(ConnectorHarness::find(outcomes, QStringLiteral("notes"))->records, 150);
    // The first sync asks for everything.
    for (const FakeHttpServer::Request &request : m_harness->server().requests())
        QVERIFY(!request.query.hasQueryItem(QStringLiteral("updatedFrom")));
    const QDateTime newest = from.addSecs(150 * 3600).addDays(1);

    // An old note is linked to a feature, and a new one arrives.
    FakeProductboard::Note changed;
    changed.id = noteId(3);
    changed.title = QStringLiteral("Feedback 3, now linked");
    changed.created = from.addSecs(3 * 3600);
    changed.updated = newest.addSecs(300);
    changed.featureIds = {QStringLiteral("f1")};
    m_board->setNote(changed);
    FakeProductboard::Note added;
    added.id = noteId(151);
    added.title = QStringLiteral("Feedback 151");
    added.created = newest.addSecs(400);
    added.updated = added.created;
    m_board->setNote(added);

    m_harness->server().clearRequests();
    outcomes = sync();
    const StreamOutcome *notes = ConnectorHarness::find(outcomes, QStringLiteral("notes"));
    QVERIFY2(notes->status == StreamOutcome::Status::Ok, qPrintable(notes->error));
    QString sent;
    for (const FakeHttpServer::Request &request : m_harness->server().requests()) {
        if (request.path == QLatin1String("/notes"))
            sent = request.query.queryItemValue(QStringLiteral("updatedFrom"), QUrl::FullyDecoded);
    }
    QCOMPARE(sent, newest.toString(Qt::ISODate));
    // The newest note of the first sync is read again at the boundary, with the two changes.
    QCOMPARE(notes->records, 3);
    QCOMPARE(notes->pages, 1);
    QCOMPARE(m_harness->scalar(QStringLiteral("SELECT count(*) FROM feedback")), 151);
    QCOMPARE(m_harness->row(QStringLiteral("SELECT title, feature_ref FROM feedback WHERE "
                                           "external_id = '%1'")
                                .arg(changed.id)),
             (QVariantList{changed.title, QStringLiteral("f1")}));
    // Features have no change filter: they are read whole every time.
    QCOMPARE(ConnectorHarness::find(outcomes, QStringLiteral("features"))->records, 3);
}

void TestProductboard::stopsWhenTheNotesCursorComesBack()
{
    QVERIFY2(start(), qPrintable(m_harness->error()));
    m_board->setRepeatFirstCursorOnLastPage(true);
    addNotes(150, QDateTime(QDate(2026, 3, 1), QTime(8, 0), Qt::UTC));
    const QList<StreamOutcome> outcomes = sync("PB_TOKEN", false, {QStringLiteral("notes")});
    const StreamOutcome *notes = ConnectorHarness::find(outcomes, QStringLiteral("notes"));
    // Both pages are kept, and the repeated cursor ends the stream instead of a loop.
    QCOMPARE(notes->status, StreamOutcome::Status::Failed);
    QVERIFY2(notes->error.contains(QLatin1String("same page cursor twice")),
             qPrintable(notes->error));
    QCOMPARE(m_board->requestCount(QStringLiteral("notes")), 2);
    QCOMPARE(m_harness->scalar(QStringLiteral("SELECT count(*) FROM feedback")), 150);
}

void TestProductboard::refusedCredentialsAreExplained()
{
    QVERIFY2(start(), qPrintable(m_harness->error()));
    addNotes(5, QDateTime(QDate(2026, 3, 1), QTime(8, 0), Qt::UTC));
    const QList<StreamOutcome> outcomes = sync("REVOKED", false, {QStringLiteral("notes")});
    const StreamOutcome *notes = ConnectorHarness::find(outcomes, QStringLiteral("notes"));
    QCOMPARE(notes->status, StreamOutcome::Status::Failed);
    QVERIFY2(
        notes->error.contains(QLatin1String("Productboard refused the credentials (HTTP 401)")),
        qPrintable(notes->error));
    QVERIFY2(
        notes->error.contains(QLatin1String("The access token is invalid or has been revoked.")),
        qPrintable(notes->error));
    QVERIFY(!notes->error.contains(QLatin1String("REVOKED")));
    QCOMPARE(m_harness->scalar(QStringLiteral("SELECT count(*) FROM feedback")), 0);
}

void TestProductboard::reportsProductboardsOwnErrorMessage()
{
    QVERIFY2(start(), qPrintable(m_harness->error()));
    m_board->setFeature({QStringLiteral("f1"),
                         QStringLiteral("Feature 1"),
                         QStringLiteral("Candidate"),
                         {},
                         {},
                         QDateTime::currentDateTimeUtc(),
                         QDateTime::currentDateTimeUtc()});
    m_board->failPage(QStringLiteral("features"), 1,
                      FakeProductboard::error(403, QStringLiteral("forbidden"),
                                              QStringLiteral("Forbidden"),
                                              QStringLiteral("Public API access needs the Pro "
                                                             "plan or higher.")),
                      5);
    const QList<StreamOutcome> outcomes = sync("PB_TOKEN", false, {QStringLiteral("features")});
    const StreamOutcome *features = ConnectorHarness::find(outcomes, QStringLiteral("features"));
    QCOMPARE(features->status, StreamOutcome::Status::Failed);
    QVERIFY2(features->error.contains(QLatin1String("403")), qPrintable(features->error));
    QVERIFY2(
        features->error.contains(QLatin1String("Public API access needs the Pro plan or higher.")),
        qPrintable(features->error));
    QCOMPARE(m_board->requestCount(QStringLiteral("features")), 1); // not retried
}

void TestProductboard::waitsOutAShortRateLimit()
{
    QVERIFY2(start(), qPrintable(m_harness->error()));
    addNotes(230, QDateTime(QDate(2026, 3, 1), QTime(8, 0), Qt::UTC));
    FakeHttpServer::Response limited = FakeProductboard::error(
        429, QStringLiteral("rate.limit.exceeded"), QStringLiteral("Too many requests"),
        QStringLiteral("Rate limit of 50 requests per second exceeded."));
    limited.withHeader("Retry-After", "1")
        .withHeader("X-RateLimit-Limit", "50")
        .withHeader("X-RateLimit-Remaining", "0");
    m_board->failPage(QStringLiteral("notes"), 2, limited, 1);
    QElapsedTimer timer;
    timer.start();
    const QList<StreamOutcome> outcomes = sync("PB_TOKEN", false, {QStringLiteral("notes")});
    const StreamOutcome *notes = ConnectorHarness::find(outcomes, QStringLiteral("notes"));
    QVERIFY2(notes->status == StreamOutcome::Status::Ok, qPrintable(notes->error));
    QVERIFY(timer.elapsed() >= 900);
    QCOMPARE(m_board->requestCount(QStringLiteral("notes")), 4);
    QCOMPARE(m_harness->scalar(QStringLiteral("SELECT count(*) FROM feedback")), 230);
}

void TestProductboard::stopsOnALongRateLimit()
{
    QVERIFY2(start(), qPrintable(m_harness->error()));
    addNotes(230, QDateTime(QDate(2026, 3, 1), QTime(8, 0), Qt::UTC));
    FakeHttpServer::Response limited = FakeProductboard::error(
        429, QStringLiteral("rate.limit.exceeded"), QStringLiteral("Too many requests"),
        QStringLiteral("Rate limit exceeded."));
    limited.withHeader("Retry-After", "600");
    m_board->failPage(QStringLiteral("notes"), 2, limited, 5);
    QElapsedTimer timer;
    timer.start();
    const QList<StreamOutcome> outcomes = sync("PB_TOKEN", false, {QStringLiteral("notes")});
    QVERIFY(timer.elapsed() < 10000);
    const StreamOutcome *notes = ConnectorHarness::find(outcomes, QStringLiteral("notes"));
    QCOMPARE(notes->status, StreamOutcome::Status::RateLimited);
    const qint64 resume = notes->resumeAt.toSecsSinceEpoch() - QDateTime::currentSecsSinceEpoch();
    QVERIFY2(resume > 500 && resume <= 600, qPrintable(QString::number(resume)));
    QCOMPARE(m_harness->scalar(QStringLiteral("SELECT count(*) FROM feedback")), 100);
}

void TestProductboard::rejectsMalformedSettings()
{
    const ConnectorRegistry registry = ConnectorRegistry::load();
    const ConnectorManifest *board = registry.find(QStringLiteral("productboard"));
    QVERIFY(board);
    QStringList problems;
    const QJsonObject settings =
        SettingsValidator(*board).parse({QStringLiteral("workspace=acme")}, &problems);
    QVERIFY(settings.isEmpty());
    QCOMPARE(problems.size(), 1);
    QVERIFY2(problems.first().contains(
                 QLatin1String("Productboard has no setting \"workspace\" (settings: none)")),
             qPrintable(problems.first()));
    QVERIFY(!SettingsValidator::checkBaseUrl(QStringLiteral("api.productboard.com")).isEmpty());
    QVERIFY(
        SettingsValidator::checkBaseUrl(QStringLiteral("https://api.productboard.com")).isEmpty());
}

QTEST_GUILESS_MAIN(TestProductboard)
#include "tst_productboard.moc"
