#include "secrets/keychainsecretstore.h"
#include "secrets/unavailablesecretstore.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QFile>
#include <QRandomGenerator>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>

#include <memory>
#include <optional>

using Status = SecretStore::Status;

namespace {

// A keychain can be slow to answer the first time (D-Bus activation of the daemon).
constexpr int WaitMs = 20000;

const char *statusName(Status status)
{
    switch (status) {
    case Status::Ok:
        return "Ok";
    case Status::NotFound:
        return "NotFound";
    case Status::Unavailable:
        return "Unavailable";
    case Status::Error:
        return "Error";
    }
    return "?";
}

} // namespace

// Runs against the real system keychain (gnome-keyring's Secret Service in CI), never a mock:
// what matters is that secrets really land there and nowhere else.
class TestSecretStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();

    void writeReadOverwriteRemove();
    void readingAMissingSecretIsNotFound();
    void removingAMissingSecretIsFine();
    void removeAllRemovesOnlyThatSource();
    void concurrentWritesAreAllIndexed();
    void secretsAreBinarySafe();
    void reservedNamesAreRefused();
    void keyFormat();
    void tokenNeverLandsInAFile();
    void unavailableStoreSaysWhy();

private:
    SecretStore::Result read(const QString &key)
    {
        return call([&](auto done) { m_store->read(key, done); });
    }
    SecretStore::Result write(const QString &key, const QByteArray &secret)
    {
        return call([&](auto done) { m_store->write(key, secret, done); });
    }
    SecretStore::Result remove(const QString &key)
    {
        return call([&](auto done) { m_store->remove(key, done); });
    }
    SecretStore::Result removeAll(qint64 sourceId)
    {
        return call([&](auto done) { m_store->removeAll(sourceId, done); });
    }
    SecretStore::Result call(const std::function<void(SecretStore::Done)> &start);

    std::unique_ptr<KeychainSecretStore> m_store;
    // Source ids of this run, so parallel runs and leftovers of old runs never collide.
    qint64 m_sourceA = 0;
    qint64 m_sourceB = 0;
    bool m_keychainWorks = false;
};

SecretStore::Result TestSecretStore::call(const std::function<void(SecretStore::Done)> &start)
{
    std::optional<SecretStore::Result> result;
    bool calledBack = false;
    start([&](const SecretStore::Result &r) {
        result = r;
        calledBack = true;
    });
    if (calledBack)
        qWarning("The secret store answered synchronously; the contract says asynchronously");
    if (!QTest::qWaitFor([&] { return result.has_value(); }, WaitMs)) {
        SecretStore::Result timedOut;
        timedOut.error = QStringLiteral("no answer from the keychain within %1 ms").arg(WaitMs);
        return timedOut;
    }
    return *result;
}

void TestSecretStore::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("ProductHubTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_secretstore"));

    const quint32 run = QRandomGenerator::global()->generate() & 0x7fffffff;
    m_store = std::make_unique<KeychainSecretStore>(QStringLiteral("product-hub-test-%1").arg(run));
    m_sourceA = qint64(run) * 10 + 1;
    m_sourceB = qint64(run) * 10 + 2;

    // Fail loudly, never skip: CI always provides a Secret Service, so its absence is a
    // broken test environment, not a reason to test less.
    const SecretStore::Result probe =
        write(SecretStore::key(m_sourceA, QStringLiteral("probe")), "probe");
    if (probe.status != Status::Ok) {
        const QByteArray message =
            "The keychain tests need a running, unlocked Secret Service (gnome-keyring). Run "
            "them through scripts/test.sh, which starts one in a private D-Bus session. The "
            "keychain answered " +
            QByteArray(statusName(probe.status)) + ": " + probe.error.toUtf8();
        QFAIL(message.constData());
    }
    m_keychainWorks = true;
    QCOMPARE(remove(SecretStore::key(m_sourceA, QStringLiteral("probe"))).status, Status::Ok);
}

void TestSecretStore::cleanup()
{
    if (m_keychainWorks) {
        removeAll(m_sourceA);
        removeAll(m_sourceB);
    }
}

void TestSecretStore::cleanupTestCase()
{
    cleanup();
    m_store.reset();
}

void TestSecretStore::writeReadOverwriteRemove()
{
    const QString key = SecretStore::key(m_sourceA, QStringLiteral("token"));
    QCOMPARE(write(key, "first-token").status, Status::Ok);

    SecretStore::Result result = read(key);
    QCOMPARE(statusName(result.status), "Ok");
    QCOMPARE(result.secret, QByteArray("first-token"));

    QCOMPARE(write(key, "second-token").status, Status::Ok);
    QCOMPARE(read(key).secret, QByteArray("second-token"));

    QCOMPARE(remove(key).status, Status::Ok);
    result = read(key);
    QCOMPARE(statusName(result.status), "NotFound");
    QVERIFY(result.secret.isEmpty());
}

void TestSecretStore::readingAMissingSecretIsNotFound()
{
    const SecretStore::Result result =
        read(SecretStore::key(m_sourceA, QStringLiteral("never-written")));
    QCOMPARE(statusName(result.status), "NotFound");
    QVERIFY(!result.error.isEmpty());
}

void TestSecretStore::removingAMissingSecretIsFine()
{
    QCOMPARE(statusName(remove(SecretStore::key(m_sourceA, QStringLiteral("absent"))).status),
             "Ok");
    QCOMPARE(statusName(removeAll(m_sourceB).status), "Ok"); // nothing stored at all
}

void TestSecretStore::removeAllRemovesOnlyThatSource()
{
    const QStringList names{QStringLiteral("token"), QStringLiteral("refresh_token"),
                            QStringLiteral("webhook_secret")};
    for (const QString &name : names) {
        QCOMPARE(write(SecretStore::key(m_sourceA, name), "a-" + name.toUtf8()).status, Status::Ok);
        QCOMPARE(write(SecretStore::key(m_sourceB, name), "b-" + name.toUtf8()).status, Status::Ok);
    }
    QCOMPARE(statusName(removeAll(m_sourceA).status), "Ok");

    for (const QString &name : names) {
        QCOMPARE(statusName(read(SecretStore::key(m_sourceA, name)).status), "NotFound");
        const SecretStore::Result other = read(SecretStore::key(m_sourceB, name));
        QCOMPARE(statusName(other.status), "Ok");
        QCOMPARE(other.secret, "b-" + name.toUtf8());
    }
    // The index went too: writing again and removing again starts from scratch.
    QCOMPARE(statusName(read(SecretStore::key(m_sourceA, QStringLiteral(".index"))).status),
             "NotFound");
}

void TestSecretStore::concurrentWritesAreAllIndexed()
{
    // Written without waiting in between, as a sign-in stores its tokens.
    int answered = 0;
    const QStringList names{QStringLiteral("token"), QStringLiteral("refresh_token"),
                            QStringLiteral("client_secret"), QStringLiteral("api_key")};
    for (const QString &name : names) {
        m_store->write(SecretStore::key(m_sourceA, name), name.toUtf8(),
                       [&answered](const SecretStore::Result &result) {
                           QCOMPARE(result.status, Status::Ok);
                           ++answered;
                       });
    }
    QVERIFY(QTest::qWaitFor([&] { return answered == names.size(); }, WaitMs));

    QCOMPARE(statusName(removeAll(m_sourceA).status), "Ok");
    for (const QString &name : names)
        QCOMPARE(statusName(read(SecretStore::key(m_sourceA, name)).status), "NotFound");
}

void TestSecretStore::secretsAreBinarySafe()
{
    QByteArray everyByte;
    for (int i = 0; i < 256; ++i)
        everyByte += char(i);
    const QByteArray secrets[] = {
        everyByte,
        QByteArray("\0starts-with-nul\0and-ends-with-it\0", 34),
        QStringLiteral("pässwörd-✓-密码").toUtf8(),
        QByteArray(8192, 'x') + everyByte,
    };
    const QString key = SecretStore::key(m_sourceA, QStringLiteral("binary"));
    for (const QByteArray &secret : secrets) {
        QCOMPARE(write(key, secret).status, Status::Ok);
        const SecretStore::Result result = read(key);
        QCOMPARE(statusName(result.status), "Ok");
        QCOMPARE(result.secret.size(), secret.size());
        QCOMPARE(result.secret, secret);
    }
}

void TestSecretStore::reservedNamesAreRefused()
{
    const SecretStore::Result result =
        write(SecretStore::key(m_sourceA, QStringLiteral(".index")), "overwrite the index");
    QCOMPARE(statusName(result.status), "Error");
    QVERIFY(!result.error.isEmpty());
}

void TestSecretStore::keyFormat()
{
    QCOMPARE(SecretStore::key(42, QStringLiteral("token")), QStringLiteral("source/42/token"));
    QCOMPARE(SecretStore::key(7, QStringLiteral("%1")), QStringLiteral("source/7/%1"));
    qint64 id = 0;
    QString name;
    QVERIFY(SecretStore::parseKey(QStringLiteral("source/42/refresh_token"), &id, &name));
    QCOMPARE(id, 42);
    QCOMPARE(name, QStringLiteral("refresh_token"));
    QVERIFY(!SecretStore::parseKey(QStringLiteral("source/x/token"), &id, &name));
    QVERIFY(!SecretStore::parseKey(QStringLiteral("source/42/"), &id, &name));
    QVERIFY(!SecretStore::parseKey(QStringLiteral("other/42/token"), &id, &name));
}

void TestSecretStore::tokenNeverLandsInAFile()
{
    const QByteArray token = "hub-test-token-" + QByteArray::number(m_sourceA) + "-Zq7vX";
    QCOMPARE(write(SecretStore::key(m_sourceA, QStringLiteral("token")), token).status, Status::Ok);
    QCOMPARE(read(SecretStore::key(m_sourceA, QStringLiteral("token"))).secret, token);
    // The app's ordinary settings for the source, as it keeps them: the scan below must find
    // this canary, which shows it looks where a plain-text copy would be.
    const QByteArray canary = "hub-test-canary-" + QByteArray::number(m_sourceA);
    {
        QSettings settings;
        settings.setValue(QStringLiteral("sources/%1/name").arg(m_sourceA),
                          QString::fromLatin1(canary));
        settings.sync();
        QCOMPARE(settings.status(), QSettings::NoError);
    }

    const QList<QStandardPaths::StandardLocation> locations{
        QStandardPaths::AppConfigLocation,    QStandardPaths::AppDataLocation,
        QStandardPaths::AppLocalDataLocation, QStandardPaths::GenericConfigLocation,
        QStandardPaths::GenericDataLocation,  QStandardPaths::CacheLocation,
        QStandardPaths::GenericCacheLocation, QStandardPaths::ConfigLocation,
    };
    const QByteArray encodings[] = {token, token.toBase64(), token.toHex(),
                                    token.toPercentEncoding()};
    int filesChecked = 0;
    bool canaryFound = false;
    for (const QStandardPaths::StandardLocation location : locations) {
        const QString folder = QStandardPaths::writableLocation(location);
        QVERIFY2(folder.contains(QLatin1String(".qttest")), qPrintable(folder));
        QDirIterator files(folder, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            const QString path = files.next();
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly))
                continue;
            const QByteArray content = file.readAll();
            ++filesChecked;
            canaryFound = canaryFound || content.contains(canary);
            for (const QByteArray &encoded : encodings)
                QVERIFY2(!content.contains(encoded), qPrintable(path));
        }
    }
    QVERIFY2(canaryFound, "the scan did not see the app's own settings file");
    qInfo("Checked %d files under the app's settings and data folders", filesChecked);
    QSettings().remove(QStringLiteral("sources"));
}

void TestSecretStore::unavailableStoreSaysWhy()
{
    UnavailableSecretStore store(QStringLiteral("no Secret Service on the session bus"));
    const SecretStore::Result results[] = {
        call([&](auto done) { store.read(QStringLiteral("source/1/token"), done); }),
        call([&](auto done) { store.write(QStringLiteral("source/1/token"), "x", done); }),
        call([&](auto done) { store.remove(QStringLiteral("source/1/token"), done); }),
        call([&](auto done) { store.removeAll(1, done); }),
    };
    for (const SecretStore::Result &result : results) {
        QCOMPARE(statusName(result.status), "Unavailable");
        QVERIFY(result.error.contains(QLatin1String("No keychain is available")));
        QVERIFY(result.error.contains(QLatin1String("no Secret Service on the session bus")));
        QVERIFY(result.error.contains(QLatin1String("GNOME Keyring or KWallet")));
    }
}

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secretstore.moc"
