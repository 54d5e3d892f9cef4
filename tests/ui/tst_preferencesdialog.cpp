#include "aboutdialog.h"
#include "appinfo.h"
#include "connections/syncscheduler.h"
#include "preferencesdialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;

class TestPreferencesDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void showsTheStoredValues();
    void okWritesEveryValue();
    void cancelChangesNothing();
    void aBadAddressIsRefusedAndNothingWritten();
    void withoutAWorkspaceThereIsNoSchedule();
    void themeChangeIsSignalledOnlyWhenItChanged();
    void aboutNamesTheVersionAndEveryLibraryLicence();
    void theUserGuideIsOnTheHomepage();

private:
    static QMap<QString, QVariant> allSettings()
    {
        QSettings settings;
        QMap<QString, QVariant> values;
        const QStringList keys = settings.allKeys();
        for (const QString &key : keys)
            values.insert(key, settings.value(key));
        return values;
    }
    static const QList<PreferencesDialog::Source> &sources()
    {
        static const QList<PreferencesDialog::Source> list = {{1, QStringLiteral("GitHub")},
                                                              {2, QStringLiteral("Jira")}};
        return list;
    }
    // Closes the message box a refused OK opens, and remembers its text.
    static void closeNextMessageBox(QString *text)
    {
        QTimer::singleShot(0, qApp, [text] {
            QWidget *box = QApplication::activeModalWidget();
            if (!box)
                return;
            for (const QLabel *label : box->findChildren<QLabel *>())
                *text += label->text();
            box->close();
        });
    }
};

void TestPreferencesDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("ProductHubTest"));
    // A name of its own: suites run in parallel and must not share a settings file.
    QCoreApplication::setApplicationName(QStringLiteral("product-hub-preferences-test"));
}

void TestPreferencesDialog::init()
{
    QSettings().clear();
}

void TestPreferencesDialog::showsTheStoredValues()
{
    {
        QSettings settings;
        settings.setValue(QStringLiteral("webhooks/enabled"), true);
        settings.setValue(QStringLiteral("webhooks/bindAddress"), QStringLiteral("0.0.0.0"));
        settings.setValue(QStringLiteral("webhooks/port"), 9123);
        settings.setValue(QStringLiteral("export/pageSize"), QStringLiteral("letter"));
        settings.setValue(QStringLiteral("export/landscape"), true);
        settings.setValue(QStringLiteral("export/bom"), false);
        settings.setValue(QStringLiteral("export/noPersonalData"), true);
        settings.setValue(QStringLiteral("appearance/theme"), QStringLiteral("dark"));
        settings.setValue(QStringLiteral("connections/schedule/ws-1/2"), 60);
    }
    SyncScheduler scheduler;
    scheduler.setWorkspace(QStringLiteral("ws-1"), {1, 2});
    PreferencesDialog dialog(&scheduler, sources());
    QCOMPARE(dialog.scheduleEditor(1)->currentData().toInt(), 0);
    QCOMPARE(dialog.scheduleEditor(2)->currentData().toInt(), 60);
    QVERIFY(dialog.webhooksEnabledEditor()->isChecked());
    QCOMPARE(dialog.webhookAddressEditor()->text(), QStringLiteral("0.0.0.0"));
    QCOMPARE(dialog.webhookPortEditor()->value(), 9123);
    QCOMPARE(dialog.pageSizeEditor()->currentData().toString(), QStringLiteral("letter"));
    QCOMPARE(dialog.orientationEditor()->currentIndex(), 1);
    QVERIFY(!dialog.byteOrderMarkEditor()->isChecked());
    QVERIFY(dialog.noPersonalDataEditor()->isChecked());
    QCOMPARE(dialog.themeEditor()->currentData().toString(), QStringLiteral("dark"));

    // Nothing stored: the documented defaults.
    QSettings().clear();
    PreferencesDialog fresh(nullptr, {});
    QVERIFY(!fresh.webhooksEnabledEditor()->isChecked());
    QCOMPARE(fresh.webhookAddressEditor()->text(), QStringLiteral("127.0.0.1"));
    QCOMPARE(fresh.webhookPortEditor()->value(), PreferencesDialog::defaultWebhookPort());
    QCOMPARE(fresh.pageSizeEditor()->currentData().toString(), QStringLiteral("a4"));
    QVERIFY(fresh.byteOrderMarkEditor()->isChecked());
    QCOMPARE(fresh.themeEditor()->currentData().toString(), QStringLiteral("system"));
}

void TestPreferencesDialog::okWritesEveryValue()
{
    SyncScheduler scheduler;
    scheduler.setWorkspace(QStringLiteral("ws-1"), {1, 2});
    scheduler.setInterval(1, 15);
    PreferencesDialog dialog(&scheduler, sources());
    dialog.scheduleEditor(1)->setCurrentIndex(dialog.scheduleEditor(1)->findData(0));
    dialog.scheduleEditor(2)->setCurrentIndex(dialog.scheduleEditor(2)->findData(5));
    dialog.webhooksEnabledEditor()->setChecked(true);
    dialog.webhookAddressEditor()->setText(QStringLiteral(" 192.168.1.20 "));
    dialog.webhookPortEditor()->setValue(18080);
    dialog.pageSizeEditor()->setCurrentIndex(dialog.pageSizeEditor()->findData(u"letter"_s));
    dialog.orientationEditor()->setCurrentIndex(1);
    dialog.byteOrderMarkEditor()->setChecked(false);
    dialog.noPersonalDataEditor()->setChecked(true);
    dialog.themeEditor()->setCurrentIndex(dialog.themeEditor()->findData(u"light"_s));
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));

    const QSettings settings;
    QVERIFY(!settings.contains(QStringLiteral("connections/schedule/ws-1/1")));
    QCOMPARE(settings.value(QStringLiteral("connections/schedule/ws-1/2")).toInt(), 5);
    QCOMPARE(scheduler.interval(1), 0);
    QCOMPARE(scheduler.interval(2), 5);
    QCOMPARE(settings.value(QStringLiteral("webhooks/enabled")).toBool(), true);
    QCOMPARE(settings.value(QStringLiteral("webhooks/bindAddress")).toString(),
             QStringLiteral("192.168.1.20"));
    QCOMPARE(settings.value(QStringLiteral("webhooks/port")).toInt(), 18080);
    QCOMPARE(settings.value(QStringLiteral("export/pageSize")).toString(), u"letter"_s);
    QCOMPARE(settings.value(QStringLiteral("export/landscape")).toBool(), true);
    QCOMPARE(settings.value(QStringLiteral("export/bom")).toBool(), false);
    QCOMPARE(settings.value(QStringLiteral("export/noPersonalData")).toBool(), true);
    QCOMPARE(settings.value(QStringLiteral("appearance/theme")).toString(), u"light"_s);

    // And back: a second dialog reads what the first wrote.
    PreferencesDialog again(&scheduler, sources());
    QCOMPARE(again.scheduleEditor(2)->currentData().toInt(), 5);
    QCOMPARE(again.webhookAddressEditor()->text(), QStringLiteral("192.168.1.20"));
    QCOMPARE(again.webhookPortEditor()->value(), 18080);
    QCOMPARE(again.pageSizeEditor()->currentData().toString(), u"letter"_s);
    QCOMPARE(again.orientationEditor()->currentIndex(), 1);
    QVERIFY(!again.byteOrderMarkEditor()->isChecked());
    QVERIFY(again.noPersonalDataEditor()->isChecked());
    QCOMPARE(again.themeEditor()->currentData().toString(), u"light"_s);
}

void TestPreferencesDialog::cancelChangesNothing()
{
    SyncScheduler scheduler;
    scheduler.setWorkspace(QStringLiteral("ws-1"), {1, 2});
    scheduler.setInterval(2, 60);
    QSettings().setValue(QStringLiteral("export/pageSize"), QStringLiteral("a4"));
    const auto before = allSettings();
    PreferencesDialog dialog(&scheduler, sources());
    dialog.scheduleEditor(2)->setCurrentIndex(dialog.scheduleEditor(2)->findData(5));
    dialog.webhooksEnabledEditor()->setChecked(true);
    dialog.webhookPortEditor()->setValue(9999);
    dialog.pageSizeEditor()->setCurrentIndex(dialog.pageSizeEditor()->findData(u"letter"_s));
    dialog.themeEditor()->setCurrentIndex(dialog.themeEditor()->findData(u"dark"_s));
    dialog.reject();
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QCOMPARE(allSettings(), before);
    QCOMPARE(scheduler.interval(2), 60);
}

void TestPreferencesDialog::aBadAddressIsRefusedAndNothingWritten()
{
    PreferencesDialog dialog(nullptr, {});
    dialog.webhooksEnabledEditor()->setChecked(true);
    dialog.webhookAddressEditor()->setText(QStringLiteral("localhost:80"));
    dialog.show();
    QString message;
    closeNextMessageBox(&message);
    dialog.accept();
    QVERIFY(dialog.isVisible());
    QVERIFY2(message.contains(QStringLiteral("localhost:80")), qPrintable(message));
    QVERIFY(allSettings().isEmpty());

    // The same address is no obstacle while the receiver is off; the old address stays.
    dialog.webhooksEnabledEditor()->setChecked(false);
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    const QSettings settings;
    QCOMPARE(settings.value(QStringLiteral("webhooks/enabled")).toBool(), false);
    QVERIFY(!settings.contains(QStringLiteral("webhooks/bindAddress")));
}

void TestPreferencesDialog::withoutAWorkspaceThereIsNoSchedule()
{
    PreferencesDialog dialog(nullptr, sources());
    QVERIFY(!dialog.scheduleEditor(1));
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(QSettings().childGroups().contains(QStringLiteral("webhooks")));
    QVERIFY(!QSettings().childGroups().contains(QStringLiteral("connections")));
}

void TestPreferencesDialog::themeChangeIsSignalledOnlyWhenItChanged()
{
    PreferencesDialog same(nullptr, {});
    QSignalSpy sameSpy(&same, &PreferencesDialog::themeChanged);
    same.accept();
    QCOMPARE(sameSpy.count(), 0);

    PreferencesDialog changed(nullptr, {});
    QSignalSpy changedSpy(&changed, &PreferencesDialog::themeChanged);
    changed.themeEditor()->setCurrentIndex(changed.themeEditor()->findData(u"dark"_s));
    changed.accept();
    QCOMPARE(changedSpy.count(), 1);
    QCOMPARE(changedSpy.first().first().toString(), u"dark"_s);
}

void TestPreferencesDialog::aboutNamesTheVersionAndEveryLibraryLicence()
{
    QCoreApplication::setApplicationVersion(QStringLiteral("9.8.7"));
    AboutDialog dialog;
    const auto *text = dialog.findChild<QLabel *>(QStringLiteral("aboutText"));
    QVERIFY(text);
    QVERIFY2(text->text().contains(QStringLiteral("9.8.7")), qPrintable(text->text()));
    QVERIFY(text->text().contains(QString::fromLatin1(qVersion())));
    const QString libraries = dialog.librariesView()->toPlainText();
    for (const QString &expected :
         {u"Qt Charts"_s, u"QtKeychain"_s, u"SQLite"_s, u"simdjson"_s, u"zlib"_s, u"Zstandard"_s,
          u"LGPL-3.0-only"_s, u"GPL-3.0-only"_s, u"Apache-2.0"_s, u"public domain"_s, u"Zlib"_s}) {
        QVERIFY2(libraries.contains(expected), qPrintable(expected));
    }
    for (const auto &library : AboutDialog::libraries()) {
        QVERIFY2(!library.licence.isEmpty(), qPrintable(library.name));
        QVERIFY2(QUrl(library.url).scheme() == QLatin1String("https"), qPrintable(library.url));
    }
}

void TestPreferencesDialog::theUserGuideIsOnTheHomepage()
{
    const QUrl guide = AppInfo::userGuide();
    QVERIFY(guide.isValid());
    QVERIFY(guide.toString().startsWith(AppInfo::homepage().toString()));
    QCOMPARE(guide.fragment(), QStringLiteral("using-it"));
    QVERIFY(AppInfo::logFolder().endsWith(QStringLiteral("/logs")));
    QVERIFY(!AppInfo::icon().pixmap(16, 16).isNull());
    QVERIFY(!AppInfo::icon().availableSizes().isEmpty());
}

QTEST_MAIN(TestPreferencesDialog)
#include "tst_preferencesdialog.moc"
