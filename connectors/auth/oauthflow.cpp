#include "oauthflow.h"

#include "logging.h"
#include "oauthtokenclient.h"
#include "pkce.h"

#include <QDesktopServices>
#include <QGuiApplication>
#include <QNetworkReply>

namespace {

void openInSystemBrowser(const QUrl &url)
{
    if (!QDesktopServices::openUrl(url))
        qCWarning(hubOAuth) << "Could not open the system browser for" << url.host();
}

} // namespace

OAuthFlow::OAuthFlow(const OAuthConfig &config, QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_network(network)
    , m_opener(openInSystemBrowser)
{
    Q_ASSERT(m_network);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        fail(tr("The sign-in timed out before it was completed. Start it again when you are "
                "ready to sign in."));
    });
}

OAuthFlow::~OAuthFlow()
{
    // Silently: whoever destroys the flow is no longer waiting for its signals.
    if (m_running)
        end();
}

void OAuthFlow::setBrowserOpener(BrowserOpener opener)
{
    m_opener = opener ? std::move(opener) : BrowserOpener(openInSystemBrowser);
}

void OAuthFlow::setTimeout(int milliseconds)
{
    m_timeoutMs = milliseconds;
}

void OAuthFlow::start()
{
    if (m_running) {
        qCWarning(hubOAuth) << "Sign-in already in progress";
        return;
    }
    if (const QString problem = configurationProblem(); !problem.isEmpty()) {
        Q_EMIT failed(tr("Signing in to this service is not set up correctly: %1").arg(problem));
        return;
    }
    if (m_receiver)
        m_receiver->deleteLater(); // the previous run's, once its last answer is out
    m_receiver = new OAuthLoopbackReceiver(this);
    if (!m_receiver->listen()) {
        Q_EMIT failed(tr("The app could not wait for the answer of the sign-in page, because "
                         "it could not open a local port: %1")
                          .arg(m_receiver->errorString()));
        return;
    }
    m_receiver->setHandler(
        [this](const FormEncoding::Items &parameters) { return handleCallback(parameters); });

    ++m_generation;
    m_running = true;
    m_callbackAccepted = false;
    m_state = Pkce::createState();
    m_verifier = Pkce::createVerifier();
    m_redirectUri = m_receiver->redirectUri();
    m_timer.start(m_timeoutMs);

    const QUrl url = authorizationUrl();
    qCDebug(hubOAuth) << "Sign-in started with" << url.host() << "redirect port"
                      << m_redirectUri.port();
    const quint64 generation = m_generation;
    Q_EMIT authorizationUrlReady(url);
    if (m_running && generation == m_generation)
        m_opener(url);
}

void OAuthFlow::cancel()
{
    if (m_running)
        fail(tr("The sign-in was cancelled."));
}

QString OAuthFlow::configurationProblem() const
{
    if (m_config.clientId.isEmpty())
        return tr("no client ID.");
    if (!OAuthTokenClient::isSecureEndpoint(m_config.authorizeUrl))
        return tr("the sign-in page address must be an https address.");
    if (!OAuthTokenClient::isSecureEndpoint(m_config.tokenUrl))
        return tr("the token address must be an https address.");
    return {};
}

QUrl OAuthFlow::authorizationUrl() const
{
    FormEncoding::Items parameters{
        {QStringLiteral("response_type"), QStringLiteral("code")},
        {QStringLiteral("client_id"), m_config.clientId},
        {QStringLiteral("redirect_uri"), QString::fromUtf8(m_redirectUri.toEncoded())},
    };
    if (!m_config.scopes.isEmpty())
        parameters.append({QStringLiteral("scope"), m_config.scopes.join(m_config.scopeSeparator)});
    parameters.append({QStringLiteral("state"), QString::fromLatin1(m_state)});
    parameters.append(
        {QStringLiteral("code_challenge"), QString::fromLatin1(Pkce::challengeS256(m_verifier))});
    parameters.append({QStringLiteral("code_challenge_method"), QStringLiteral("S256")});
    parameters.append(m_config.extraAuthorizeParameters);

    // Encoded by hand rather than with QUrlQuery, which leaves "+" as it is and so would turn
    // it into a space for the server.
    QUrl url = m_config.authorizeUrl;
    QByteArray query = url.query(QUrl::FullyEncoded).toLatin1();
    if (!query.isEmpty())
        query += '&';
    query += FormEncoding::encode(parameters);
    url.setQuery(QString::fromLatin1(query), QUrl::StrictMode);
    return url;
}

OAuthLoopbackReceiver::Page OAuthFlow::handleCallback(const FormEncoding::Items &parameters)
{
    const QString appName = QGuiApplication::applicationDisplayName();
    if (!m_running || m_callbackAccepted) {
        return {
            tr("Sign-in not in progress"),
            tr("%1 is not waiting for a sign-in any more. You can close this page.").arg(appName)};
    }

    // The state is checked before anything else is believed: without it, any page could
    // send a code of its own choosing to this port (RFC 6749, 10.12).
    int stateCount = 0;
    const QString state = FormEncoding::value(parameters, QStringLiteral("state"), &stateCount);
    if (stateCount != 1 || state.toLatin1() != m_state) {
        qCWarning(hubOAuth) << "Refused a sign-in answer with a wrong or missing state";
        later([this] {
            fail(tr("The answer from the sign-in page did not belong to the sign-in the app "
                    "started (its “state” was wrong or missing), so it was refused and nothing "
                    "was sent to the service. Start the sign-in again."));
        });
        return {tr("Sign-in refused"),
                tr("This answer does not belong to the sign-in %1 started, so it was refused. "
                   "Return to %1 and start the sign-in again.")
                    .arg(appName)};
    }

    const QString error = FormEncoding::value(parameters, QStringLiteral("error"));
    if (!error.isEmpty()) {
        const QString message = OAuthTokenClient::describeError(
            error, FormEncoding::value(parameters, QStringLiteral("error_description")));
        later([this, message] { fail(tr("The sign-in was not completed. %1").arg(message)); });
        return {tr("Sign-in not completed"), message};
    }

    int codeCount = 0;
    const QString code = FormEncoding::value(parameters, QStringLiteral("code"), &codeCount);
    if (codeCount != 1 || code.isEmpty()) {
        later([this] {
            fail(tr("The sign-in page answered without an authorization code. Start the "
                    "sign-in again."));
        });
        return {tr("Sign-in not completed"), tr("The answer held no authorization code.")};
    }

    m_callbackAccepted = true;
    const QByteArray codeBytes = code.toUtf8();
    later([this, codeBytes] { exchangeCode(codeBytes); });
    return {tr("Signed in"), tr("You can close this page and return to %1.").arg(appName)};
}

void OAuthFlow::exchangeCode(const QByteArray &code)
{
    m_receiver->close();
    const QPointer<OAuthFlow> self(this);
    const quint64 generation = m_generation;
    m_reply = OAuthTokenClient::exchangeCode(
        m_config, code, m_redirectUri, m_verifier, m_network,
        [self, generation](const OAuthTokenResult &result) {
            if (!self || generation != self->m_generation || !self->m_running)
                return;
            self->m_reply = nullptr;
            if (result.ok())
                self->succeed(result.tokens);
            else
                self->fail(tr("The sign-in could not be completed. %1").arg(result.error));
        });
}

void OAuthFlow::later(std::function<void()> action)
{
    const quint64 generation = m_generation;
    QMetaObject::invokeMethod(
        this,
        [this, generation, action = std::move(action)] {
            if (m_running && generation == m_generation)
                action();
        },
        Qt::QueuedConnection);
}

void OAuthFlow::succeed(const OAuthTokens &tokens)
{
    qCDebug(hubOAuth) << "Sign-in completed";
    end();
    Q_EMIT finished(tokens);
}

void OAuthFlow::fail(const QString &error)
{
    qCDebug(hubOAuth) << "Sign-in failed:" << error;
    end();
    Q_EMIT failed(error);
}

void OAuthFlow::end()
{
    m_running = false;
    ++m_generation; // answers still on their way belong to a run that is over
    m_timer.stop();
    if (m_receiver)
        m_receiver->close();
    if (QNetworkReply *reply = m_reply.data()) {
        m_reply = nullptr;
        reply->abort();
    }
    // The verifier and state are only good for this run.
    m_state.fill(0);
    m_state.clear();
    m_verifier.fill(0);
    m_verifier.clear();
}
