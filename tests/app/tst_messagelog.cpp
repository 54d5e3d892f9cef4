#include "log/logredaction.h"
#include "log/messagelog.h"
#include "log/rotatinglogfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QTest>

Q_LOGGING_CATEGORY(testSync, "hub.sync.test", QtInfoMsg)

using namespace Qt::Literals::StringLiterals;

class TestMessageLog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cleanup();
    void theFileHoldsNoSecret();
    void redaction_data();
    void redaction();
    void filesRotateAtTheirCap();
    void anUnwritableFolderIsRefused();

private:
    static QByteArray read(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }
};

void TestMessageLog::cleanup()
{
    MessageLog::uninstall();
}

void TestMessageLog::theFileHoldsNoSecret()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString folder = dir.filePath(QStringLiteral("logs"));
    QVERIFY(MessageLog::install(folder));
    QCOMPARE(MessageLog::currentFile(), folder + QStringLiteral("/product-hub.log"));

    const QString bearer = QStringLiteral("ghp_9f8e7d6c5b4a39281706f5e4d3c2b1a0");
    const QString apiKey = QStringLiteral("sk_live_51HcQeR2eZvKYlo2C");
    const QString urlToken = QStringLiteral("ya29.a0AfH6SMBx");
    const QString secret = QStringLiteral("s3cr3t-client-value");
    qWarning().noquote() << QStringLiteral("Request failed, Authorization: Bearer %1").arg(bearer);
    qCWarning(testSync).noquote() << QStringLiteral("mailchimp api_key=%1 rejected").arg(apiKey);
    qCInfo(testSync).noquote() << QStringLiteral(
                                      "GET https://api.example.com/v1/items?access_token=%1&page=2")
                                      .arg(urlToken);
    qCritical().noquote() << QStringLiteral("token answer {\"client_secret\": \"%1\"}").arg(secret);
    MessageLog::uninstall();

    const QByteArray log = read(folder + QStringLiteral("/product-hub.log"));
    QCOMPARE(log.count('\n'), 4);
    for (const QString &leak : {bearer, apiKey, urlToken, secret})
        QVERIFY2(!log.contains(leak.toUtf8()), log.constData());
    QVERIFY2(log.count("REDACTED") >= 4, log.constData());
    // What is not a secret stays readable.
    QVERIFY(log.contains("Request failed"));
    QVERIFY(log.contains("page=2"));
    QVERIFY(log.contains(" warning hub.sync.test: mailchimp api_key=REDACTED rejected"));
    QVERIFY(log.contains(" critical "));
    QVERIFY(QFile(folder + QStringLiteral("/product-hub.log")).permissions() &
            QFileDevice::ReadOwner);
    QVERIFY(!(QFile(folder + QStringLiteral("/product-hub.log")).permissions() &
              QFileDevice::ReadOther));
}

void TestMessageLog::redaction_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("secret");
    QTest::addColumn<QString>("kept");
    QTest::newRow("bearer") << u"sending Bearer abc.def-123"_s << u"abc.def-123"_s
                            << u"sending Bearer REDACTED"_s;
    QTest::newRow("github token scheme")
        << u"header token gho_16C7e42F292c6912E7710c838347Ae178B4a"_s
        << u"gho_16C7e42F292c6912E7710c838347Ae178B4a"_s << u"header"_s;
    QTest::newRow("basic") << u"Basic dXNlcjpwYXNz sent"_s << u"dXNlcjpwYXNz"_s << u"sent"_s;
    QTest::newRow("header pair") << u"X-Api-Key: 0a1b2c3d4e"_s << u"0a1b2c3d4e"_s
                                 << u"X-Api-Key: REDACTED"_s;
    QTest::newRow("password pair")
        << u"password=hunter2, user=ann"_s << u"hunter2"_s << u"user=ann"_s;
    QTest::newRow("json") << u"{\"refresh_token\":\"rt-77x\",\"expires_in\":3600}"_s << u"rt-77x"_s
                          << u"\"expires_in\":3600"_s;
    QTest::newRow("url user info") << u"at https://me:pat-42@git.example.com/repo"_s << u"pat-42"_s
                                   << u"git.example.com/repo"_s;
}

void TestMessageLog::redaction()
{
    QFETCH(QString, text);
    QFETCH(QString, secret);
    QFETCH(QString, kept);
    const QString redacted = LogRedaction::redact(text);
    QVERIFY2(!redacted.contains(secret), qPrintable(redacted));
    QVERIFY2(redacted.contains(kept), qPrintable(redacted));
}

void TestMessageLog::filesRotateAtTheirCap()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const qint64 cap = 2000;
    RotatingLogFile log(dir.path(), QStringLiteral("product-hub"), cap, 2);
    for (int i = 0; i < 200; ++i)
        QVERIFY(log.write(QStringLiteral("line %1 of the rotation test, padded to length")
                              .arg(i, 3, 10, QLatin1Char('0'))));
    const QString base = dir.filePath(QStringLiteral("product-hub.log"));
    QVERIFY(QFile::exists(base));
    QVERIFY(QFile::exists(base + QStringLiteral(".1")));
    QVERIFY(QFile::exists(base + QStringLiteral(".2")));
    QVERIFY(!QFile::exists(base + QStringLiteral(".3")));
    const QStringList files = {base, base + QStringLiteral(".1"), base + QStringLiteral(".2")};
    for (const QString &path : files)
        QVERIFY2(QFileInfo(path).size() <= cap, qPrintable(path));
    const QByteArray current = read(base);
    QVERIFY(current.endsWith("line 199 of the rotation test, padded to length\n"));
    // The oldest lines went with the oldest file.
    QVERIFY(!read(base + QStringLiteral(".2")).contains("line 000 "));
    // Lines follow on from one file to the next.
    const QByteArray older = read(base + QStringLiteral(".1"));
    const QByteArray lastOfOlder = older.mid(older.lastIndexOf("line "), 9);
    const int next = lastOfOlder.mid(5, 3).toInt() + 1;
    const QByteArray expectedFirst = "line " + QByteArray::number(next).rightJustified(3, '0');
    QVERIFY2(current.startsWith(expectedFirst), current.left(20).constData());

    // A line longer than the cap is cut, not lost.
    QVERIFY(log.write(QString(3000, QLatin1Char('x'))));
    QVERIFY(QFileInfo(base).size() <= cap);
    QVERIFY(read(base).startsWith("xxxx"));
}

void TestMessageLog::anUnwritableFolderIsRefused()
{
    QTemporaryDir dir;
    QFile blocker(dir.filePath(QStringLiteral("file")));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    // A folder cannot be made beneath a plain file.
    QVERIFY(!MessageLog::install(blocker.fileName() + QStringLiteral("/logs")));
    QVERIFY(MessageLog::currentFile().isEmpty());
}

QTEST_GUILESS_MAIN(TestMessageLog)
#include "tst_messagelog.moc"
