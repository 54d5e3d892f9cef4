#include "auth/oauthflow.h"
#include "auth/oauthtokenclient.h"
#include "auth/pkce.h"
#include "fakeoauthserver.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QUrlQuery>

#include <memory>
#include <optional>

namespace {

constexpr int WaitMs = 10000;

// Stands in for the system browser: loads the authorization URL and follows the redirect
// to the app's loopback address, as a browser does.
class FakeBrowser
{
public:
    void open(const QUrl &url)
    {
        QNetworkRequest request(url);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                             QNetworkRequest::NoLessSafeRedirectPolicy);
        QNetworkReply *reply = m_network.get(request);
        QObject::connect(reply, &QNetworkReply::finished, reply, [this, reply] {
            m_finalUrl = reply->url();
            m_status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            m_page = reply->readAll();
            m_loaded = true;
            reply->deleteLater();
        });
    }
    OAuthFlow::BrowserOpener opener()
    {
        return [this](const QUrl &url) {
            open(url);
        };
    }
    bool waitUntilLoaded()
    {
        return QTest::qWaitFor([this] { return m_loaded; }, WaitMs);
    }

    QUrl finalUrl() const { return m_finalUrl; }
    int status() const { return m_status; }
    QByteArray page() const { return m_page; }

private:
    QNetworkAccessManager m_network;
    QUrl m_finalUrl;
    int m_status = 0;
    QByteArray m_page;
    bool m_loaded = false;
};

struct Outcome
{
    std::optional<OAuthTokens> tokens;
    std::optional<QString> error;
    int endings = 0;
};

std::optional<OAuthTokenResult> waitFor(std::optional<OAuthTokenResult> &result)
{
    if (!QTest::qWaitFor([&result] { return result.has_value(); }, WaitMs))
        qWarning("No answer within %d ms", WaitMs);
    return result;
}

} // namespace

class TestOAuthFlow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void pkceVerifierHasValidLengthAndCharset_data();
    void pkceVerifierHasValidLengthAndCharset();
    void pkceChallengeMatchesRfc7636Vector();
    void pkceValuesAreUnpredictable();

    void signInGivesTokens();
    void authorizationRequestCarriesPkceStateAndScopes();
    void tokenRequestCarriesVerifierAndSameRedirectUri();
    void callbackWithWrongStateIsRefused_data();
    void callbackWithWrongStateIsRefused();
    void accessDeniedFailsWithClearMessage();
    void formEncodedTokenAnswerIsRead();
    void clientSecretInBasicAuth();
    void loopbackIgnoresOtherRequests();
    void timeoutEndsTheFlow();
    void cancelEndsTheFlowAndStopsListening();
    void insecureEndpointsAreRefused();

    void wrongVerifierIsRefusedInPlainWords();
    void refreshRotatesTheRefreshToken();
    void revokeInvalidatesTheToken();
    void revokeWithoutUrlFails();
    void parsesTokenAnswers();

private:
    OAuthConfig config() const;
    // Runs the flow to its end; the outcome counts how often it ended.
    Outcome run(OAuthFlow &flow);
    // The code /authorize hands out for this challenge and redirect URI.
    QString authorizeByHand(const QByteArray &challenge, const QUrl &redirectUri);
    OAuthTokens signIn();

    std::unique_ptr<FakeOAuthServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<FakeBrowser> m_browser;
};

void TestOAuthFlow::init()
{
    m_server = std::make_unique<FakeOAuthServer>();
    QVERIFY(m_server->listen());
    m_network = std::make_unique<QNetworkAccessManager>();
    m_browser = std::make_unique<FakeBrowser>();
}

void TestOAuthFlow::cleanup()
{
    m_browser.reset();
    m_network.reset();
    m_server.reset();
}

OAuthConfig TestOAuthFlow::config() const
{
    OAuthConfig config;
    config.authorizeUrl = m_server->authorizeUrl();
    config.tokenUrl = m_server->tokenUrl();
    config.revokeUrl = m_server->revokeUrl();
    config.clientId = m_server->clientId();
    config.scopes = {QStringLiteral("read"), QStringLiteral("issues:read")};
    return config;
}

Outcome TestOAuthFlow::run(OAuthFlow &flow)
{
    Outcome outcome;
    QObject context;
    connect(&flow, &OAuthFlow::finished, &context, [&outcome](const OAuthTokens &tokens) {
        outcome.tokens = tokens;
        ++outcome.endings;
    });
    connect(&flow, &OAuthFlow::failed, &context, [&outcome](const QString &error) {
        outcome.error = error;
        ++outcome.endings;
    });
    flow.start();
    if (!QTest::qWaitFor([&outcome] { return outcome.endings > 0; }, WaitMs))
        qWarning("The sign-in did not end within %d ms", WaitMs);
    // Anything still on its way (a second signal, a late token request) shows up now.
    QTest::qWait(100);
    return outcome;
}

QString TestOAuthFlow::authorizeByHand(const QByteArray &challenge, const QUrl &redirectUri)
{
    QUrl url = m_server->authorizeUrl();
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("response_type"), QStringLiteral("code"));
    query.addQueryItem(QStringLiteral("client_id"), m_server->clientId());
    query.addQueryItem(QStringLiteral("redirect_uri"),
                       QString::fromUtf8(QUrl::toPercentEncoding(redirectUri.toString())));
    query.addQueryItem(QStringLiteral("state"), QStringLiteral("by-hand"));
    query.addQueryItem(QStringLiteral("code_challenge"), QString::fromLatin1(challenge));
    query.addQueryItem(QStringLiteral("code_challenge_method"), QStringLiteral("S256"));
    url.setQuery(query);

    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    std::unique_ptr<QNetworkReply> reply(m_network->get(request));
    if (!QTest::qWaitFor([&reply] { return reply->isFinished(); }, WaitMs))
        return {};
    const QUrl location = reply->header(QNetworkRequest::LocationHeader).toUrl();
    return QUrlQuery(location).queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded);
}

OAuthTokens TestOAuthFlow::signIn()
{
    OAuthFlow flow(config(), m_network.get());
    flow.setBrowserOpener(m_browser->opener());
    const Outcome outcome = run(flow);
    if (!outcome.tokens)
        qWarning() << "sign-in failed:" << outcome.error.value_or(QString());
    return outcome.tokens.value_or(OAuthTokens());
}

void TestOAuthFlow::pkceVerifierHasValidLengthAndCharset_data()
{
    QTest::addColumn<int>("requested");
    QTest::addColumn<int>("expected");
    QTest::newRow("default") << -1 << 64;
    QTest::newRow("minimum") << 43 << 43;
    QTest::newRow("maximum") << 128 << 128;
    QTest::newRow("too short is clamped") << 10 << 43;
    QTest::newRow("too long is clamped") << 500 << 128;
    QTest::newRow("odd length") << 77 << 77;
}

void TestOAuthFlow::pkceVerifierHasValidLengthAndCharset()
{
    QFETCH(int, requested);
    QFETCH(int, expected);
    for (int i = 0; i < 50; ++i) {
        const QByteArray verifier =
            requested < 0 ? Pkce::createVerifier() : Pkce::createVerifier(requested);
        QCOMPARE(verifier.size(), expected);
        QVERIFY2(Pkce::isValidVerifier(verifier), verifier.constData());
        for (char c : verifier)
            QVERIFY(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' ||
                    c == '.' || c == '~');
    }
    QVERIFY(!Pkce::isValidVerifier(QByteArray(42, 'a')));
    QVERIFY(!Pkce::isValidVerifier(QByteArray(129, 'a')));
    QVERIFY(!Pkce::isValidVerifier(QByteArray(43, 'a') + '+'));
}

void TestOAuthFlow::pkceChallengeMatchesRfc7636Vector()
{
    // RFC 7636, appendix B.
    QCOMPARE(Pkce::challengeS256("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
             QByteArray("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"));
}

void TestOAuthFlow::pkceValuesAreUnpredictable()
{
    QSet<QByteArray> seen;
    for (int i = 0; i < 200; ++i) {
        seen.insert(Pkce::createVerifier());
        seen.insert(Pkce::createState());
    }
    QCOMPARE(seen.size(), 400);
    QVERIFY(Pkce::createState().size() >= 43);
}

void TestOAuthFlow::signInGivesTokens()
{
    m_server->setExtraTokenFields(
        {{QStringLiteral("instance_url"), QStringLiteral("https://acme.my.example.com")}});
    OAuthFlow flow(config(), m_network.get());
    flow.setBrowserOpener(m_browser->opener());
    QSignalSpy urlReady(&flow, &OAuthFlow::authorizationUrlReady);

    const Outcome outcome = run(flow);
    QVERIFY2(outcome.tokens, qPrintable(outcome.error.value_or(QString())));
    QCOMPARE(outcome.endings, 1);
    QCOMPARE(urlReady.size(), 1);
    QVERIFY(!flow.isRunning());

    const OAuthTokens &tokens = *outcome.tokens;
    QVERIFY(m_server->isAccessTokenValid(tokens.accessToken));
    QVERIFY(m_server->isRefreshTokenValid(tokens.refreshToken));
    const qint64 expiresIn = QDateTime::currentDateTimeUtc().secsTo(tokens.expiresAt);
    QVERIFY2(expiresIn > 3500 && expiresIn <= 3600, QByteArray::number(expiresIn));
    QCOMPARE(tokens.extra.value(QLatin1String("instance_url")).toString(),
             QStringLiteral("https://acme.my.example.com"));
    QCOMPARE(tokens.extra.value(QLatin1String("token_type")).toString(), QStringLiteral("Bearer"));
    QVERIFY(!tokens.extra.contains(QLatin1String("access_token")));
    QVERIFY(!tokens.extra.contains(QLatin1String("refresh_token")));

    // The browser landed on the loopback page, which says it worked.
    QVERIFY(m_browser->waitUntilLoaded());
    QCOMPARE(m_browser->status(), 200);
    QCOMPARE(m_browser->finalUrl().host(), QStringLiteral("127.0.0.1"));
    QVERIFY2(m_browser->page().contains("Signed in"), m_browser->page().constData());
}

void TestOAuthFlow::authorizationRequestCarriesPkceStateAndScopes()
{
    OAuthConfig linearLike = config();
    linearLike.scopeSeparator = QStringLiteral(",");
    linearLike.extraAuthorizeParameters = {{QStringLiteral("prompt"), QStringLiteral("consent")},
                                           {QStringLiteral("actor"), QStringLiteral("user")}};
    OAuthFlow flow(linearLike, m_network.get());
    flow.setBrowserOpener(m_browser->opener());
    QVERIFY(run(flow).tokens);

    QCOMPARE(m_server->authorizeRequests().size(), 1);
    const FakeOAuthServer::Received authorize = m_server->authorizeRequests().first();
    QCOMPARE(authorize.value(QStringLiteral("response_type")), QStringLiteral("code"));
    QCOMPARE(authorize.value(QStringLiteral("client_id")), m_server->clientId());
    QCOMPARE(authorize.value(QStringLiteral("scope")), QStringLiteral("read,issues:read"));
    QCOMPARE(authorize.value(QStringLiteral("code_challenge_method")), QStringLiteral("S256"));
    QCOMPARE(authorize.value(QStringLiteral("code_challenge")).size(), 43);
    QVERIFY(authorize.value(QStringLiteral("state")).size() >= 43);
    QCOMPARE(authorize.value(QStringLiteral("prompt")), QStringLiteral("consent"));
    QCOMPARE(authorize.value(QStringLiteral("actor")), QStringLiteral("user"));

    const QUrl redirect(authorize.value(QStringLiteral("redirect_uri")));
    QCOMPARE(redirect.scheme(), QStringLiteral("http"));
    QCOMPARE(redirect.host(), QStringLiteral("127.0.0.1"));
    QVERIFY(redirect.port() > 0);
    QCOMPARE(redirect.path(), QStringLiteral("/callback"));
}

void TestOAuthFlow::tokenRequestCarriesVerifierAndSameRedirectUri()
{
    QVERIFY(!signIn().accessToken.isEmpty());

    const FakeOAuthServer::Received authorize = m_server->authorizeRequests().value(0);
    QCOMPARE(m_server->tokenRequests().size(), 1);
    const FakeOAuthServer::Received token = m_server->tokenRequests().first();
    QCOMPARE(token.status, 200);
    QCOMPARE(token.value(QStringLiteral("grant_type")), QStringLiteral("authorization_code"));
    QCOMPARE(token.value(QStringLiteral("redirect_uri")),
             authorize.value(QStringLiteral("redirect_uri")));
    const QByteArray verifier = token.value(QStringLiteral("code_verifier")).toLatin1();
    QVERIFY(Pkce::isValidVerifier(verifier));
    QCOMPARE(FakeOAuthServer::challengeFor(verifier),
             authorize.value(QStringLiteral("code_challenge")).toLatin1());
    QCOMPARE(token.value(QStringLiteral("client_id")), m_server->clientId());
    QVERIFY(!token.has(QStringLiteral("client_secret")));
    QVERIFY(token.accept.contains("application/json"));
}

void TestOAuthFlow::callbackWithWrongStateIsRefused_data()
{
    QTest::addColumn<FakeOAuthServer::AuthorizeAnswer>("answer");
    QTest::newRow("wrong state") << FakeOAuthServer::AuthorizeAnswer::WrongState;
    QTest::newRow("missing state") << FakeOAuthServer::AuthorizeAnswer::MissingState;
}

void TestOAuthFlow::callbackWithWrongStateIsRefused()
{
    QFETCH(FakeOAuthServer::AuthorizeAnswer, answer);
    m_server->setAuthorizeAnswer(answer);
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral("wrong or missing state")));
    OAuthFlow flow(config(), m_network.get());
    flow.setBrowserOpener(m_browser->opener());

    const Outcome outcome = run(flow);
    QVERIFY(!outcome.tokens);
    QVERIFY(outcome.error);
    QCOMPARE(outcome.endings, 1);
    QVERIFY2(outcome.error->contains(QLatin1String("state")), qPrintable(*outcome.error));
    QVERIFY2(outcome.error->contains(QLatin1String("refused")), qPrintable(*outcome.error));
    QCOMPARE(m_server->authorizeRequests().size(), 1);
    QVERIFY(m_server->tokenRequests().isEmpty());

    QVERIFY(m_browser->waitUntilLoaded());
    QVERIFY2(m_browser->page().contains("refused"), m_browser->page().constData());
}

void TestOAuthFlow::accessDeniedFailsWithClearMessage()
{
    m_server->setAuthorizeAnswer(FakeOAuthServer::AuthorizeAnswer::AccessDenied);
    OAuthFlow flow(config(), m_network.get());
    flow.setBrowserOpener(m_browser->opener());

    const Outcome outcome = run(flow);
    QVERIFY(outcome.error);
    QCOMPARE(outcome.endings, 1);
    QVERIFY2(outcome.error->contains(QLatin1String("not granted")), qPrintable(*outcome.error));
    // The server's own words are passed on.
    QVERIFY2(outcome.error->contains(QLatin1String("denied your application")),
             qPrintable(*outcome.error));
    QVERIFY(m_server->tokenRequests().isEmpty());
}

void TestOAuthFlow::formEncodedTokenAnswerIsRead()
{
    m_server->setFormEncodedTokenAnswers(true);
    const OAuthTokens tokens = signIn();
    QVERIFY(m_server->isAccessTokenValid(tokens.accessToken));
    QVERIFY(m_server->isRefreshTokenValid(tokens.refreshToken));
    QVERIFY(tokens.expiresAt.isValid());
}

void TestOAuthFlow::clientSecretInBasicAuth()
{
    m_server->setClientSecret("s3cret+/=&");
    OAuthConfig withSecret = config();
    withSecret.clientSecret = "s3cret+/=&";
    withSecret.clientSecretInBasicAuth = true;
    OAuthFlow flow(withSecret, m_network.get());
    flow.setBrowserOpener(m_browser->opener());
    const Outcome outcome = run(flow);
    QVERIFY2(outcome.tokens, qPrintable(outcome.error.value_or(QString())));
    QCOMPARE(m_server->lastClientAuthentication(), QStringLiteral("basic"));
    QVERIFY(!m_server->tokenRequests().constLast().has(QStringLiteral("client_id")));

    // In the form body otherwise; "+", "/", "=" and "&" survive the encoding either way.
    withSecret.clientSecretInBasicAuth = false;
    std::optional<OAuthTokenResult> result;
    OAuthTokenClient::refresh(withSecret, outcome.tokens->refreshToken, m_network.get(),
                              [&result](const OAuthTokenResult &r) { result = r; });
    QVERIFY(waitFor(result));
    QVERIFY2(result->ok(), qPrintable(result->error));
    QCOMPARE(m_server->lastClientAuthentication(), QStringLiteral("form"));

    withSecret.clientSecret = "wrong";
    result.reset();
    OAuthTokenClient::refresh(withSecret, "x", m_network.get(),
                              [&result](const OAuthTokenResult &r) { result = r; });
    QVERIFY(waitFor(result));
    QCOMPARE(result->status, OAuthTokenResult::Status::Refused);
    QCOMPARE(result->errorCode, QStringLiteral("invalid_client"));
    QVERIFY2(result->error.contains(QLatin1String("client ID or client secret")),
             qPrintable(result->error));
}

void TestOAuthFlow::loopbackIgnoresOtherRequests()
{
    OAuthFlow flow(config(), m_network.get());
    QUrl authorizationUrl;
    flow.setBrowserOpener([&authorizationUrl](const QUrl &url) { authorizationUrl = url; });
    QSignalSpy failed(&flow, &OAuthFlow::failed);
    QSignalSpy finished(&flow, &OAuthFlow::finished);
    flow.start();
    QVERIFY(flow.isRunning());
    QCOMPARE(flow.redirectUri().host(), QStringLiteral("127.0.0.1"));

    // A favicon request and a POST to the callback change nothing.
    QUrl favicon = flow.redirectUri();
    favicon.setPath(QStringLiteral("/favicon.ico"));
    std::unique_ptr<QNetworkReply> icon(m_network->get(QNetworkRequest(favicon)));
    QNetworkRequest postRequest(flow.redirectUri());
    postRequest.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/x-www-form-urlencoded"));
    std::unique_ptr<QNetworkReply> post(m_network->post(postRequest, QByteArray("code=x&state=y")));
    QVERIFY(QTest::qWaitFor([&] { return icon->isFinished() && post->isFinished(); }, WaitMs));
    QCOMPARE(icon->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 404);
    QCOMPARE(post->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 405);
    QTest::qWait(50);
    QVERIFY(flow.isRunning());
    QVERIFY(failed.isEmpty());

    // The real browser still completes the sign-in.
    m_browser->open(authorizationUrl);
    QVERIFY(QTest::qWaitFor([&] { return !finished.isEmpty() || !failed.isEmpty(); }, WaitMs));
    QCOMPARE(finished.size(), 1);
}

void TestOAuthFlow::timeoutEndsTheFlow()
{
    OAuthFlow flow(config(), m_network.get());
    QCOMPARE(flow.timeout(), 5 * 60 * 1000);
    flow.setTimeout(200);
    flow.setBrowserOpener([](const QUrl &) {}); // the user never signs in
    const Outcome outcome = run(flow);
    QVERIFY(outcome.error);
    QCOMPARE(outcome.endings, 1);
    QVERIFY2(outcome.error->contains(QLatin1String("timed out")), qPrintable(*outcome.error));
    QVERIFY(!flow.isRunning());
}

void TestOAuthFlow::cancelEndsTheFlowAndStopsListening()
{
    OAuthFlow flow(config(), m_network.get());
    flow.setBrowserOpener([](const QUrl &) {});
    QSignalSpy failed(&flow, &OAuthFlow::failed);
    flow.start();
    const QUrl redirect = flow.redirectUri();
    flow.cancel();
    QCOMPARE(failed.size(), 1);
    QVERIFY2(failed.first().first().toString().contains(QLatin1String("cancelled")),
             qPrintable(failed.first().first().toString()));
    flow.cancel(); // a second cancel does nothing
    QCOMPARE(failed.size(), 1);

    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, quint16(redirect.port()));
    QVERIFY(!socket.waitForConnected(2000));

    // It can be started again, on a fresh port and with a fresh state.
    flow.setBrowserOpener(m_browser->opener());
    const Outcome outcome = run(flow);
    QVERIFY(outcome.tokens);
}

void TestOAuthFlow::insecureEndpointsAreRefused()
{
    OAuthConfig insecure = config();
    insecure.tokenUrl = QUrl(QStringLiteral("http://auth.example.com/token"));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("Refusing to send")));
    OAuthFlow flow(insecure, m_network.get());
    bool opened = false;
    flow.setBrowserOpener([&opened](const QUrl &) { opened = true; });
    const Outcome outcome = run(flow);
    QVERIFY(outcome.error);
    QVERIFY2(outcome.error->contains(QLatin1String("https")), qPrintable(*outcome.error));
    QVERIFY(!opened);

    std::optional<OAuthTokenResult> result;
    QVERIFY(!OAuthTokenClient::refresh(insecure, "rt", m_network.get(),
                                       [&result](const OAuthTokenResult &r) { result = r; }));
    QVERIFY(!result); // answered later, never from inside the call
    QVERIFY(waitFor(result));
    QCOMPARE(result->status, OAuthTokenResult::Status::Failed);
}

void TestOAuthFlow::wrongVerifierIsRefusedInPlainWords()
{
    const QUrl redirect(QStringLiteral("http://127.0.0.1:9/callback"));
    const QByteArray verifier = Pkce::createVerifier();
    const QString code = authorizeByHand(Pkce::challengeS256(verifier), redirect);
    QVERIFY(!code.isEmpty());

    std::optional<OAuthTokenResult> result;
    OAuthTokenClient::exchangeCode(config(), code.toUtf8(), redirect, Pkce::createVerifier(),
                                   m_network.get(),
                                   [&result](const OAuthTokenResult &r) { result = r; });
    QVERIFY(waitFor(result));
    QCOMPARE(result->status, OAuthTokenResult::Status::Refused);
    QCOMPARE(result->errorCode, QStringLiteral("invalid_grant"));
    QVERIFY(result->needsReauthorization());
    QVERIFY2(result->error.contains(QLatin1String("no longer valid")), qPrintable(result->error));
    QVERIFY2(result->error.contains(QLatin1String("code_verifier does not match")),
             qPrintable(result->error));

    // A different redirect_uri is refused too (with a fresh code: codes are single-use).
    const QString second = authorizeByHand(Pkce::challengeS256(verifier), redirect);
    result.reset();
    OAuthTokenClient::exchangeCode(
        config(), second.toUtf8(), QUrl(QStringLiteral("http://127.0.0.1:10/callback")), verifier,
        m_network.get(), [&result](const OAuthTokenResult &r) { result = r; });
    QVERIFY(waitFor(result));
    QCOMPARE(result->errorCode, QStringLiteral("invalid_grant"));
    QVERIFY2(result->error.contains(QLatin1String("redirect_uri")), qPrintable(result->error));
}

void TestOAuthFlow::refreshRotatesTheRefreshToken()
{
    const OAuthTokens first = signIn();
    QVERIFY(!first.refreshToken.isEmpty());

    std::optional<OAuthTokenResult> result;
    OAuthTokenClient::refresh(config(), first.refreshToken, m_network.get(),
                              [&result](const OAuthTokenResult &r) { result = r; });
    QVERIFY(waitFor(result));
    QVERIFY2(result->ok(), qPrintable(result->error));
    QVERIFY(result->refreshTokenRotated);
    const OAuthTokens second = result->tokens;
    QVERIFY(second.refreshToken != first.refreshToken);
    QVERIFY(second.accessToken != first.accessToken);
    QVERIFY(m_server->isAccessTokenValid(second.accessToken));
    QVERIFY(second.expiresAt.isValid());
    const FakeOAuthServer::Received request = m_server->tokenRequests().constLast();
    QCOMPARE(request.value(QStringLiteral("grant_type")), QStringLiteral("refresh_token"));
    QCOMPARE(request.value(QStringLiteral("client_id")), m_server->clientId());

    // The old refresh token was spent.
    result.reset();
    OAuthTokenClient::refresh(config(), first.refreshToken, m_network.get(),
                              [&result](const OAuthTokenResult &r) { result = r; });
    QVERIFY(waitFor(result));
    QCOMPARE(result->status, OAuthTokenResult::Status::Refused);
    QVERIFY(result->needsReauthorization());
    QVERIFY(!result->error.isEmpty());

    // The new one works.
    result.reset();
    OAuthTokenClient::refresh(config(), second.refreshToken, m_network.get(),
                              [&result](const OAuthTokenResult &r) { result = r; });
    QVERIFY(waitFor(result));
    QVERIFY2(result->ok(), qPrintable(result->error));
}

void TestOAuthFlow::revokeInvalidatesTheToken()
{
    const OAuthTokens tokens = signIn();
    QVERIFY(OAuthTokenClient::canRevoke(config()));

    std::optional<OAuthTokenResult> result;
    OAuthTokenClient::revoke(config(), tokens.refreshToken,
                             OAuthTokenClient::TokenKind::RefreshToken, m_network.get(),
                             [&result](const OAuthTokenResult &r) { result = r; });
    QVERIFY(waitFor(result));
    QVERIFY2(result->ok(), qPrintable(result->error));
    QCOMPARE(m_server->revokeRequests().size(), 1);
    const FakeOAuthServer::Received revoke = m_server->revokeRequests().first();
    QCOMPARE(revoke.value(QStringLiteral("token")), QString::fromLatin1(tokens.refreshToken));
    QCOMPARE(revoke.value(QStringLiteral("token_type_hint")), QStringLiteral("refresh_token"));
    QVERIFY(!m_server->isRefreshTokenValid(tokens.refreshToken));

    result.reset();
    OAuthTokenClient::revoke(config(), tokens.accessToken, OAuthTokenClient::TokenKind::AccessToken,
                             m_network.get(), [&result](const OAuthTokenResult &r) { result = r; });
    QVERIFY(waitFor(result));
    QVERIFY(result->ok());
    QVERIFY(!m_server->isAccessTokenValid(tokens.accessToken));

    result.reset();
    OAuthTokenClient::refresh(config(), tokens.refreshToken, m_network.get(),
                              [&result](const OAuthTokenResult &r) { result = r; });
    QVERIFY(waitFor(result));
    QCOMPARE(result->errorCode, QStringLiteral("invalid_grant"));
}

void TestOAuthFlow::revokeWithoutUrlFails()
{
    OAuthConfig noRevocation = config();
    noRevocation.revokeUrl = QUrl();
    QVERIFY(!OAuthTokenClient::canRevoke(noRevocation));
    std::optional<OAuthTokenResult> result;
    QVERIFY(!OAuthTokenClient::revoke(noRevocation, "token",
                                      OAuthTokenClient::TokenKind::AccessToken, m_network.get(),
                                      [&result](const OAuthTokenResult &r) { result = r; }));
    QVERIFY(waitFor(result));
    QCOMPARE(result->status, OAuthTokenResult::Status::Failed);
    QVERIFY(!result->error.isEmpty());
    QVERIFY(m_server->revokeRequests().isEmpty());
}

void TestOAuthFlow::parsesTokenAnswers()
{
    // GitHub's default, form-encoded, with a comma in the scope.
    OAuthTokenResult github = OAuthTokenClient::parseTokenResponse(
        200, "application/x-www-form-urlencoded; charset=utf-8",
        "access_token=gho_16C7e42F292c6912E7710c838347Ae178B4a&scope=repo%2Cgist&token_type="
        "bearer");
    QVERIFY(github.ok());
    QCOMPARE(github.tokens.accessToken, QByteArray("gho_16C7e42F292c6912E7710c838347Ae178B4a"));
    QCOMPARE(github.tokens.extra.value(QLatin1String("scope")).toString(),
             QStringLiteral("repo,gist"));
    QVERIFY(!github.tokens.expiresAt.isValid());

    // GitHub reports errors with status 200.
    OAuthTokenResult githubError = OAuthTokenClient::parseTokenResponse(
        200, "application/x-www-form-urlencoded",
        "error=bad_verification_code&error_description=The+code+passed+is+incorrect+or+expired.");
    QCOMPARE(githubError.status, OAuthTokenResult::Status::Refused);
    QVERIFY2(githubError.error.contains(QLatin1String("The code passed is incorrect or expired.")),
             qPrintable(githubError.error));

    // Salesforce: no expires_in, instance_url kept; expires_in as a string elsewhere.
    OAuthTokenResult salesforce = OAuthTokenClient::parseTokenResponse(
        200, "application/json;charset=UTF-8",
        R"({"access_token":"00Dxx!AR8","refresh_token":"5Aep8","instance_url":"https://acme.my.salesforce.com","issued_at":"1700000000000","token_type":"Bearer","id_token":"eyJ"})");
    QVERIFY(salesforce.ok());
    QCOMPARE(salesforce.tokens.refreshToken, QByteArray("5Aep8"));
    QCOMPARE(salesforce.tokens.extra.value(QLatin1String("instance_url")).toString(),
             QStringLiteral("https://acme.my.salesforce.com"));
    QVERIFY(!salesforce.tokens.extra.contains(QLatin1String("id_token")));
    OAuthTokenResult stringExpiry = OAuthTokenClient::parseTokenResponse(
        200, "application/json", R"({"access_token":"a","expires_in":"7200"})");
    QVERIFY(qAbs(QDateTime::currentDateTimeUtc().secsTo(stringExpiry.tokens.expiresAt) - 7200) < 5);

    // Failures that are not OAuth errors.
    QCOMPARE(
        OAuthTokenClient::parseTokenResponse(502, "text/html", "<html>Bad gateway</html>").status,
        OAuthTokenResult::Status::Failed);
    QCOMPARE(OAuthTokenClient::parseTokenResponse(200, "application/json", R"({"token_type":"x"})")
                 .status,
             OAuthTokenResult::Status::Failed);
    QCOMPARE(OAuthTokenClient::parseTokenResponse(200, "application/json", "{not json").status,
             OAuthTokenResult::Status::Failed);
}

QTEST_MAIN(TestOAuthFlow)
#include "tst_oauthflow.moc"
