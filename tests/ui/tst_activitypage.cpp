#include "activity/activitymodel.h"
#include "activity/activitypage.h"
#include "activity/triggerlistmodel.h"
#include "activity/triggerspanel.h"
#include "activity/webhookjournalmodel.h"
#include "banner.h"
#include "database.h"
#include "databasewriter.h"
#include "webhooks/processing/canonicalwebhookprocessor.h"
#include "webhooks/webhookpipeline.h"
#include "workspacecontroller.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

// The Activity page over a real workspace: a stored GitHub release delivery is replayed from
// the journal, becomes a release and a feed entry, and fires a trigger that notifies.
class TestActivityPage : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    WorkspaceController m_controller;

    bool write(const QString &sql)
    {
        return m_controller.database()
            ->writer()
            ->run([&](QSqlDatabase &db, QString *error) {
                QSqlQuery query(db);
                if (query.exec(sql))
                    return true;
                *error = sql;
                return false;
            })
            .ok;
    }

    qint64 scalar(const QString &sql)
    {
        QSqlQuery query(m_controller.database()->connection());
        return query.exec(sql) && query.next() ? query.value(0).toLongLong() : -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        QVERIFY2(m_controller.open(m_dir.path(), &error), qPrintable(error));
        QVERIFY(write(QStringLiteral("INSERT INTO sources (id, kind, name, created_at) VALUES "
                                     "(1, 'github', 'GitHub', '2026-11-01T00:00:00Z')")));
        const QString published = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
        QVERIFY(
            write(QStringLiteral(
                      "INSERT INTO webhook_events (provider, delivery_id, source_id, "
                      "event_type, received_at, payload) VALUES ('github', "
                      "'72d3162e-cc78-11e3-81ab-4c9367dc0958', 1, 'release', '%1', "
                      "'{\"action\":\"published\",\"release\":{\"id\":4242,\"tag_name\":"
                      "\"v5.0\",\"name\":\"Five\",\"draft\":false,\"published_at\":\"%1\","
                      "\"html_url\":\"https://github.com/acme/hub/releases/tag/v5.0\"},"
                      "\"repository\":{\"full_name\":\"acme/hub\",\"default_branch\":\"main\"}}')")
                      .arg(published)));
    }

    void replayProcessesAndNotifies()
    {
        ActivityPage page(&m_controller);
        page.setReplayJob([](QSqlDatabase &db, qint64 id, QString *error) {
            CanonicalWebhookProcessor processor;
            WebhookProcessor::Outcome outcome;
            return WebhookPipeline::processOne(db, processor, id, &outcome, error);
        });
        page.resize(1200, 800);
        page.show();
        QSignalSpy journalLoaded(page.journal(), &JournalPanel::loaded);
        QSignalSpy triggersLoaded(page.triggers(), &TriggersPanel::loaded);
        Q_EMIT m_controller.opened(m_dir.path());
        QVERIFY(journalLoaded.wait());
        if (triggersLoaded.isEmpty())
            QVERIFY(triggersLoaded.wait());

        // A trigger on releases, added (and its undo and redo) through the panel.
        Trigger trigger;
        trigger.name = QStringLiteral("Release out");
        trigger.kind = QLatin1String(TriggerKinds::Event);
        trigger.parameters = {{QStringLiteral("hub_event"), QStringLiteral("feature_release")}};
        page.triggers()->addTrigger(trigger);
        QVERIFY(triggersLoaded.wait());
        QCOMPARE(page.triggers()->model()->rowCount(), 1);
        page.triggers()->undoStack()->undo();
        QVERIFY(triggersLoaded.wait());
        QCOMPARE(page.triggers()->model()->rowCount(), 0);
        page.triggers()->undoStack()->redo();
        QVERIFY(triggersLoaded.wait());
        QCOMPARE(page.triggers()->model()->rowCount(), 1);
        QCOMPARE(page.triggers()->model()->trigger(0).name, QStringLiteral("Release out"));

        WebhookJournalModel *journal = page.journal()->model();
        QCOMPARE(journal->rowCount(), 1);
        QCOMPARE(journal->index(0, WebhookJournalModel::Status).data().toString(),
                 QStringLiteral("Received"));
        page.tabs()->setCurrentWidget(page.journal());
        page.journal()->view()->setCurrentIndex(journal->index(0, 0));
        QSignalSpy replayed(page.journal(), &JournalPanel::replayed);
        QSignalSpy notified(&page, &ActivityPage::notified);
        page.journal()->replaySelected();
        QVERIFY(replayed.wait());
        QCOMPARE(journal->index(0, WebhookJournalModel::Status).data().toString(),
                 QStringLiteral("Processed"));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM releases WHERE external_id = '4242'")),
                 1);

        if (notified.isEmpty())
            QVERIFY(notified.wait());
        QCOMPARE(notified.first().at(0).toString(), QStringLiteral("Release out"));
        QVERIFY(notified.first().at(1).toString().contains(QLatin1String("Released Five")));
        // Offscreen has no system tray: the notice goes to the page's banner.
        auto *banner = page.findChild<Banner *>();
        QVERIFY(banner);
        QVERIFY(banner->text().contains(QLatin1String("Release out")));

        QSignalSpy feedLoaded(&page, &ActivityPage::feedLoaded);
        page.tabs()->setCurrentIndex(0);
        if (feedLoaded.isEmpty())
            QVERIFY(feedLoaded.wait());
        ActivityModel *feed = page.feedModel();
        QCOMPARE(feed->rowCount(), 2); // the firing, then the release
        QCOMPARE(feed->index(0, ActivityModel::Event).data().toString(), QStringLiteral("Trigger"));
        QCOMPARE(feed->index(1, ActivityModel::Title).data().toString(),
                 QStringLiteral("Released Five in acme/hub"));

        // Replaying again changes nothing: no second release entry, no second notice.
        page.tabs()->setCurrentWidget(page.journal());
        page.journal()->replaySelected();
        QVERIFY(replayed.wait());
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM activity")), 2);
        QTest::qWait(100);
        QCOMPARE(notified.size(), 1);
    }
};

QTEST_MAIN(TestActivityPage)
#include "tst_activitypage.moc"
