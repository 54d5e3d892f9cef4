#include "database.h"
#include "testworkspace.h"
#include "webhooks/webhookservice.h"

#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTest>

// The receiver as the window runs it: on and off with the settings and the workspace.
class TestWebhookService : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void settingsAreReadAsPreferencesWroteThem();
    void listensOnlyWhenOnWithAWorkspace();
    void aTakenPortIsReportedNotHidden();
};

void TestWebhookService::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("ProductHubTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_webhookservice"));
    QSettings().clear();
}

void TestWebhookService::settingsAreReadAsPreferencesWroteThem()
{
    QSettings().clear();
    WebhookService::Settings settings = WebhookService::storedSettings();
    QVERIFY(!settings.enabled);
    QCOMPARE(settings.address, QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(settings.port, quint16(8787));

    QSettings stored;
    stored.setValue(QStringLiteral("webhooks/enabled"), true);
    stored.setValue(QStringLiteral("webhooks/bindAddress"), QStringLiteral("0.0.0.0"));
    stored.setValue(QStringLiteral("webhooks/port"), 9911);
    settings = WebhookService::storedSettings();
    QVERIFY(settings.enabled);
    QCOMPARE(settings.address, QHostAddress(QStringLiteral("0.0.0.0")));
    QCOMPARE(settings.port, quint16(9911));

    // A damaged value falls back to the safe default rather than listening elsewhere.
    stored.setValue(QStringLiteral("webhooks/bindAddress"), QStringLiteral("everywhere"));
    stored.setValue(QStringLiteral("webhooks/port"), 70000);
    settings = WebhookService::storedSettings();
    QCOMPARE(settings.address, QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(settings.port, quint16(8787));
    QSettings().clear();
}

void TestWebhookService::listensOnlyWhenOnWithAWorkspace()
{
    TestWorkspace workspace;
    std::shared_ptr<Database> db = workspace.open();
    WebhookService service;
    QSignalSpy status(&service, &WebhookService::statusChanged);

    WebhookService::Settings settings;
    settings.enabled = true;
    settings.port = 0;
    service.apply(settings);
    QVERIFY(!service.isListening());
    QVERIFY(service.statusText().contains(QStringLiteral("waiting")));

    service.setWorkspace(db);
    QVERIFY(service.isListening());
    QVERIFY(service.port() > 0);
    QVERIFY2(service.statusText().contains(
                 QStringLiteral("http://127.0.0.1:%1/hooks/").arg(service.port())),
             qPrintable(service.statusText()));
    // The port is really taken by the receiver.
    QTcpServer probe;
    QVERIFY(!probe.listen(QHostAddress::LocalHost, service.port()));

    settings.enabled = false;
    service.apply(settings);
    QVERIFY(!service.isListening());
    QVERIFY(service.statusText().isEmpty());
    QVERIFY(status.count() >= 3);
}

void TestWebhookService::aTakenPortIsReportedNotHidden()
{
    TestWorkspace workspace;
    std::shared_ptr<Database> db = workspace.open();
    QTcpServer taken;
    QVERIFY(taken.listen(QHostAddress::LocalHost, 0));
    WebhookService service;
    service.setWorkspace(db);
    WebhookService::Settings settings;
    settings.enabled = true;
    settings.port = taken.serverPort();
    service.apply(settings);
    QVERIFY(!service.isListening());
    QVERIFY2(service.statusText().contains(QStringLiteral("not receiving")),
             qPrintable(service.statusText()));
}

QTEST_GUILESS_MAIN(TestWebhookService)
#include "tst_webhookservice.moc"
