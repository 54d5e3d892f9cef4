#include "webhooks/verifiers/standardwebhooksverifier.h"
#include "webhooks/verifiers/webhookverifiers.h"
#include "webhooksigner.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

namespace {

const QByteArray Secret = "It's a Secret to Everybody";
const QByteArray Base = "https://hooks.example.org";
const QByteArray Path = "/hooks/source";

QDateTime now()
{
    return QDateTime(QDate(2026, 11, 28), QTime(10, 0), Qt::UTC);
}

WebhookVerdict verify(const QString &scheme, const SignedDelivery &delivery,
                      const QByteArray &secret = Secret, const QDateTime &receivedAt = now())
{
    const auto verifier = WebhookVerifiers::forProvider(WebhookSigner::provider(scheme));
    if (!verifier)
        return WebhookVerdict::reject(0, QStringLiteral("no verifier"));
    return verifier->verify(WebhookSigner::toRequest(delivery, receivedAt, Base), secret);
}

} // namespace

class TestWebhookVerifiers : public QObject
{
    Q_OBJECT

private slots:
    void acceptsCorrectlySigned_data();
    void acceptsCorrectlySigned();
    void refusesOneByteChanged_data() { acceptsCorrectlySigned_data(); }
    void refusesOneByteChanged();
    void refusesOtherSecret_data() { acceptsCorrectlySigned_data(); }
    void refusesOtherSecret();
    void refusesOldTimestamp_data();
    void refusesOldTimestamp();
    void acceptsClockSkewWithinWindow_data() { refusesOldTimestamp_data(); }
    void acceptsClockSkewWithinWindow();
    void refusesMissingProof_data() { acceptsCorrectlySigned_data(); }
    void refusesMissingProof();
    void asanaHandshakeEchoesAndLearnsSecret();
    void asanaHandshakeRefusedOnceSecretIsSet();
    void notionVerificationTokenIsLearned();
    void productboardProbeEchoesValidationToken();
    void mailchimpProbeNeedsNoSecret();
    void mondayChallengeIsEchoed();
    void standardWebhooksTakesWhsecKeys();
    void standardWebhooksAcceptsAnyListedSignature();
    void hubspotSignsTheUriItWasCalledAt();
    void constantTimeEquals();
    void everyProviderHasAVerifier();
};

void TestWebhookVerifiers::acceptsCorrectlySigned_data()
{
    QTest::addColumn<QString>("scheme");
    for (const QString &scheme : WebhookSigner::schemes())
        QTest::newRow(qPrintable(scheme)) << scheme;
}

void TestWebhookVerifiers::acceptsCorrectlySigned()
{
    QFETCH(QString, scheme);
    const SignedDelivery delivery = WebhookSigner::sign(scheme, Secret, Path, 7, now(), Base);
    const WebhookVerdict verdict = verify(scheme, delivery);
    QVERIFY2(verdict.kind == WebhookVerdict::Kind::Accept, qPrintable(verdict.reason));
    QCOMPARE(verdict.deliveryId, delivery.deliveryId);
    QVERIFY2(!verdict.eventType.isEmpty() || scheme == QLatin1String("asana"), qPrintable(scheme));
}

void TestWebhookVerifiers::refusesOneByteChanged()
{
    QFETCH(QString, scheme);
    const SignedDelivery good = WebhookSigner::sign(scheme, Secret, Path, 7, now(), Base);
    const SignedDelivery bad = WebhookSigner::tampered(scheme, good);
    QVERIFY(bad.body != good.body || bad.headers != good.headers || bad.target != good.target);
    const WebhookVerdict verdict = verify(scheme, bad);
    QCOMPARE(int(verdict.kind), int(WebhookVerdict::Kind::Reject));
    QCOMPARE(verdict.status, scheme == QLatin1String("figma") ? 400 : 401);
    QVERIFY(!verdict.reason.isEmpty());
    QVERIFY2(!verdict.reason.contains(QString::fromUtf8(Secret)), qPrintable(verdict.reason));
}

void TestWebhookVerifiers::refusesOtherSecret()
{
    QFETCH(QString, scheme);
    const SignedDelivery delivery = WebhookSigner::sign(scheme, Secret, Path, 7, now(), Base);
    const WebhookVerdict verdict = verify(scheme, delivery, "another secret");
    QCOMPARE(int(verdict.kind), int(WebhookVerdict::Kind::Reject));
    QVERIFY(verdict.status == 401 || verdict.status == 400);
}

void TestWebhookVerifiers::refusesOldTimestamp_data()
{
    QTest::addColumn<QString>("scheme");
    for (const QString &scheme : WebhookSigner::schemes()) {
        if (WebhookSigner::hasTimestamp(scheme))
            QTest::newRow(qPrintable(scheme)) << scheme;
    }
}

void TestWebhookVerifiers::refusesOldTimestamp()
{
    QFETCH(QString, scheme);
    const SignedDelivery delivery =
        WebhookSigner::sign(scheme, Secret, Path, 7, now().addSecs(-3600), Base);
    const WebhookVerdict verdict = verify(scheme, delivery);
    QCOMPARE(int(verdict.kind), int(WebhookVerdict::Kind::Reject));
    QCOMPARE(verdict.status, 403);
}

void TestWebhookVerifiers::acceptsClockSkewWithinWindow()
{
    QFETCH(QString, scheme);
    // 30 s either way is inside every window (Linear's is the narrowest, 60 s).
    for (const int skew : {-30, 30}) {
        const SignedDelivery delivery =
            WebhookSigner::sign(scheme, Secret, Path, 7, now().addSecs(skew), Base);
        const WebhookVerdict verdict = verify(scheme, delivery);
        QVERIFY2(verdict.kind == WebhookVerdict::Kind::Accept, qPrintable(verdict.reason));
    }
}

void TestWebhookVerifiers::refusesMissingProof()
{
    QFETCH(QString, scheme);
    SignedDelivery delivery = WebhookSigner::sign(scheme, Secret, Path, 7, now(), Base);
    static const QList<QByteArray> proofs{
        "x-hub-signature-256", "x-hub-signature",        "linear-signature",
        "x-hook-signature",    "x-notion-signature",     "x-gitlab-token",
        "webhook-signature",   "x-hubspot-signature-v3", "authorization"};
    delivery.headers.removeIf([](const QPair<QByteArray, QByteArray> &header) {
        return proofs.contains(header.first.toLower());
    });
    const qsizetype question = delivery.target.indexOf('?');
    if (question >= 0)
        delivery.target.truncate(question);
    delivery.body.replace("\"passcode\"", "\"other\"");
    const WebhookVerdict verdict = verify(scheme, delivery);
    QCOMPARE(int(verdict.kind), int(WebhookVerdict::Kind::Reject));
    QCOMPARE(verdict.status, scheme == QLatin1String("figma") ? 400 : 401);
}

void TestWebhookVerifiers::asanaHandshakeEchoesAndLearnsSecret()
{
    const auto verifier = WebhookVerifiers::forProvider(QStringLiteral("asana"));
    WebhookRequest request;
    request.method = "POST";
    request.headers.insert("x-hook-secret", "b537207f20cbfa02357cf448134da559e8bd39d6");
    const auto verdict = verifier->handshake(request, false);
    QVERIFY(verdict);
    QCOMPARE(int(verdict->kind), int(WebhookVerdict::Kind::Answer));
    QCOMPARE(verdict->status, 200);
    QCOMPARE(verdict->learnedSecret, QByteArray("b537207f20cbfa02357cf448134da559e8bd39d6"));
    QCOMPARE(verdict->responseHeaders.size(), 1);
    QCOMPARE(verdict->responseHeaders.first().second, verdict->learnedSecret);
    // An ordinary delivery is no handshake.
    const SignedDelivery delivery =
        WebhookSigner::sign(QStringLiteral("asana"), Secret, Path, 1, now(), Base);
    QVERIFY(!verifier->handshake(WebhookSigner::toRequest(delivery, now(), Base), true));
}

void TestWebhookVerifiers::asanaHandshakeRefusedOnceSecretIsSet()
{
    const auto verifier = WebhookVerifiers::forProvider(QStringLiteral("asana"));
    WebhookRequest request;
    request.method = "POST";
    request.headers.insert("x-hook-secret", "attacker's secret");
    const auto verdict = verifier->handshake(request, true);
    QVERIFY(verdict);
    QCOMPARE(int(verdict->kind), int(WebhookVerdict::Kind::Reject));
    QCOMPARE(verdict->status, 403);
    QVERIFY(verdict->learnedSecret.isEmpty());
}

void TestWebhookVerifiers::notionVerificationTokenIsLearned()
{
    const auto verifier = WebhookVerifiers::forProvider(QStringLiteral("notion"));
    WebhookRequest request;
    request.method = "POST";
    request.body = R"({"verification_token":"secret_tMrlL1qK5vuQAh1b6cZGhFChZTSYJlce98V0pYn7yBl"})";
    const auto verdict = verifier->handshake(request, false);
    QVERIFY(verdict);
    QCOMPARE(verdict->learnedSecret,
             QByteArray("secret_tMrlL1qK5vuQAh1b6cZGhFChZTSYJlce98V0pYn7yBl"));
}

void TestWebhookVerifiers::productboardProbeEchoesValidationToken()
{
    const auto verifier = WebhookVerifiers::forProvider(QStringLiteral("productboard"));
    QVERIFY(verifier->acceptsMethod("GET"));
    WebhookRequest request;
    request.method = "GET";
    request.query = QUrlQuery(QStringLiteral("validationToken=abc%20123"));
    const auto verdict = verifier->handshake(request, false);
    QVERIFY(verdict);
    QCOMPARE(verdict->status, 200);
    QCOMPARE(verdict->contentType, QByteArray("text/plain"));
    QCOMPARE(verdict->responseBody, QByteArray("abc 123"));
}

void TestWebhookVerifiers::mailchimpProbeNeedsNoSecret()
{
    const auto verifier = WebhookVerifiers::forProvider(QStringLiteral("mailchimp"));
    QCOMPARE(int(verifier->bodyFormat()), int(WebhookVerifier::BodyFormat::Form));
    WebhookRequest request;
    request.method = "GET";
    const auto verdict = verifier->handshake(request, false);
    QVERIFY(verdict);
    QCOMPARE(int(verdict->kind), int(WebhookVerdict::Kind::Answer));
    QVERIFY(!WebhookVerifiers::forProvider(QStringLiteral("github"))->acceptsMethod("GET"));
}

void TestWebhookVerifiers::mondayChallengeIsEchoed()
{
    const auto verifier = WebhookVerifiers::forProvider(QStringLiteral("monday"));
    WebhookRequest request;
    request.method = "POST";
    request.body = R"({"challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"})";
    const auto verdict = verifier->handshake(request, true);
    QVERIFY(verdict);
    QCOMPARE(QJsonDocument::fromJson(verdict->responseBody).object().value(u"challenge").toString(),
             QStringLiteral("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"));
    QVERIFY(verdict->learnedSecret.isEmpty());
}

void TestWebhookVerifiers::standardWebhooksTakesWhsecKeys()
{
    const QByteArray secret = "whsec_" + QByteArray("raw signing key bytes").toBase64();
    const SignedDelivery delivery =
        WebhookSigner::sign(QStringLiteral("gitlab-standard"), secret, Path, 3, now(), Base);
    QVERIFY(verify(QStringLiteral("gitlab-standard"), delivery, secret).kind ==
            WebhookVerdict::Kind::Accept);
    QCOMPARE(StandardWebhooksVerifier::key(secret), QByteArray("raw signing key bytes"));
    QVERIFY(verify(QStringLiteral("gitlab-standard"), delivery,
                   "whsec_" + QByteArray("other signing key").toBase64())
                .kind == WebhookVerdict::Kind::Reject);
}

void TestWebhookVerifiers::standardWebhooksAcceptsAnyListedSignature()
{
    SignedDelivery delivery =
        WebhookSigner::sign(QStringLiteral("gitlab-standard"), Secret, Path, 3, now(), Base);
    for (auto &header : delivery.headers) {
        if (header.first == "webhook-signature")
            header.second = "v1,AAAA" + QByteArray(" ") + header.second;
    }
    const WebhookVerdict verdict = verify(QStringLiteral("gitlab-standard"), delivery);
    QVERIFY2(verdict.kind == WebhookVerdict::Kind::Accept, qPrintable(verdict.reason));
}

void TestWebhookVerifiers::hubspotSignsTheUriItWasCalledAt()
{
    const SignedDelivery delivery =
        WebhookSigner::sign(QStringLiteral("hubspot"), Secret, Path, 3, now(), Base);
    const auto verifier = WebhookVerifiers::forProvider(QStringLiteral("hubspot"));
    const WebhookRequest elsewhere =
        WebhookSigner::toRequest(delivery, now(), "http://127.0.0.1:8787");
    QCOMPARE(verifier->verify(elsewhere, Secret).status, 401);
    QCOMPARE(int(verifier->verify(WebhookSigner::toRequest(delivery, now(), Base), Secret).kind),
             int(WebhookVerdict::Kind::Accept));
}

void TestWebhookVerifiers::constantTimeEquals()
{
    QVERIFY(WebhookCrypto::constantTimeEquals("abc", "abc"));
    QVERIFY(WebhookCrypto::constantTimeEquals(QByteArray(), QByteArray()));
    QVERIFY(!WebhookCrypto::constantTimeEquals("abc", "abd"));
    QVERIFY(!WebhookCrypto::constantTimeEquals("abc", QByteArray("abc\0", 4)));
    QVERIFY(!WebhookCrypto::constantTimeEquals("abc", "ab"));
    QVERIFY(!WebhookCrypto::constantTimeEquals(QByteArray(), "a"));
}

void TestWebhookVerifiers::everyProviderHasAVerifier()
{
    for (const QString &scheme : WebhookSigner::schemes()) {
        const auto verifier = WebhookVerifiers::forProvider(WebhookSigner::provider(scheme));
        QVERIFY2(verifier, qPrintable(scheme));
        QCOMPARE(verifier->provider(), WebhookSigner::provider(scheme));
    }
    QVERIFY(!WebhookVerifiers::forProvider(QStringLiteral("mixpanel")));
}

QTEST_GUILESS_MAIN(TestWebhookVerifiers)
#include "tst_webhookverifiers.moc"
