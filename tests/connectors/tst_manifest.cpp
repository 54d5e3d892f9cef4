#include "manifest/connectorregistry.h"
#include "manifest/manifestparser.h"
#include "manifest/settingsvalidator.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

// Connector manifests: the built-in ones load, and a bad one is refused with a message
// that names the file, the field and what was expected, while the others still load.
class TestManifest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void builtInManifestsLoad();
    void githubManifestDeclaresItsStreams();
    void rejectsBadManifests_data();
    void rejectsBadManifests();
    void userManifestsLoadBesideBuiltIns();
    void aBrokenUserManifestDoesNotStopTheOthers();
    void validatesSettings();
    void readsPerTenantAddressesAndTokenRules();
    void readsMappedValues();

private:
    static QJsonObject minimal();
    static QByteArray with(const std::function<void(QJsonObject &)> &change);
};

QJsonObject TestManifest::minimal()
{
    return QJsonDocument::fromJson(R"({
      "kind": "tracker",
      "title": "Tracker",
      "category": "engineering",
      "baseUrl": "https://tracker.example.com/api",
      "settings": [ { "name": "projects", "type": "list", "required": true, "help": "Project keys" } ],
      "auth": { "type": "bearer" },
      "streams": [ {
        "name": "tickets",
        "forEach": "projects",
        "request": { "path": "/projects/{item}/tickets", "query": { "after": "{cursor}" } },
        "records": "data.tickets",
        "pagination": { "type": "cursor", "cursorPath": "data.next", "parameter": "page_token" },
        "cursor": { "field": "modified" },
        "target": "work_items",
        "mapping": { "external_id": "id", "title": "summary" }
      } ]
    })")
        .object();
}

QByteArray TestManifest::with(const std::function<void(QJsonObject &)> &change)
{
    QJsonObject object = minimal();
    change(object);
    return QJsonDocument(object).toJson();
}

void TestManifest::builtInManifestsLoad()
{
    const ConnectorRegistry registry = ConnectorRegistry::load();
    QVERIFY2(registry.errors().isEmpty(), qPrintable(registry.errors().join(QLatin1Char('\n'))));
    QVERIFY(registry.find(QStringLiteral("github")));
}

void TestManifest::githubManifestDeclaresItsStreams()
{
    const ConnectorRegistry registry = ConnectorRegistry::load();
    const ConnectorManifest *github = registry.find(QStringLiteral("github"));
    QVERIFY(github);
    QCOMPARE(github->auth.type, AuthSpec::Type::Bearer);
    QVERIFY(github->setting(QStringLiteral("repositories"))->required);
    QVERIFY(github->stream(QStringLiteral("issues")));
    QVERIFY(github->stream(QStringLiteral("pull_requests")));
    QCOMPARE(github->stream(QStringLiteral("releases"))->target, QStringLiteral("releases"));
    QCOMPARE(github->stream(QStringLiteral("issues"))->pagination.type,
             PaginationSpec::Type::LinkHeader);
    QCOMPARE(github->rateLimit.remaining, QByteArray("x-ratelimit-remaining"));
}

void TestManifest::rejectsBadManifests_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("expected");
    QTest::newRow("not json") << QByteArray("{ \"kind\": ")
                              << QStringLiteral("bad.json: not valid JSON");
    QTest::newRow("not an object")
        << QByteArray("[1, 2]") << QStringLiteral("expected a JSON object");
    QTest::newRow("missing kind") << with([](QJsonObject &o) { o.remove(QStringLiteral("kind")); })
                                  << QStringLiteral("bad.json: kind: is required");
    QTest::newRow("bad pagination type")
        << with([](QJsonObject &o) {
               QJsonArray streams = o.value(QStringLiteral("streams")).toArray();
               QJsonObject s = streams.at(0).toObject();
               s.insert(QStringLiteral("pagination"),
                        QJsonObject{{QStringLiteral("type"), QStringLiteral("links")}});
               streams.replace(0, s);
               o.insert(QStringLiteral("streams"), streams);
           })
        << QStringLiteral(
               "bad.json: streams[0].pagination.type: expected one of none, linkHeader, cursor, "
               "nextUrl, offset, page, graphql, got the text \"links\"");
    QTest::newRow("cursor pagination without cursorPath") << with([](QJsonObject &o) {
        QJsonArray streams = o.value(QStringLiteral("streams")).toArray();
        QJsonObject s = streams.at(0).toObject();
        s.insert(QStringLiteral("pagination"),
                 QJsonObject{{QStringLiteral("type"), QStringLiteral("cursor")},
                             {QStringLiteral("parameter"), QStringLiteral("p")}});
        streams.replace(0, s);
        o.insert(QStringLiteral("streams"), streams);
    }) << QStringLiteral("streams[0].pagination.cursorPath: is required");
    QTest::newRow("unknown target") << with([](QJsonObject &o) {
        QJsonArray streams = o.value(QStringLiteral("streams")).toArray();
        QJsonObject s = streams.at(0).toObject();
        s.insert(QStringLiteral("target"), QStringLiteral("tickets"));
        streams.replace(0, s);
        o.insert(QStringLiteral("streams"), streams);
    }) << QStringLiteral("streams[0].target: expected one of");
    QTest::newRow("unknown column") << with([](QJsonObject &o) {
        QJsonArray streams = o.value(QStringLiteral("streams")).toArray();
        QJsonObject s = streams.at(0).toObject();
        QJsonObject mapping = s.value(QStringLiteral("mapping")).toObject();
        mapping.insert(QStringLiteral("priority"), QStringLiteral("prio"));
        s.insert(QStringLiteral("mapping"), mapping);
        streams.replace(0, s);
        o.insert(QStringLiteral("streams"), streams);
    }) << QStringLiteral("streams[0].mapping.priority: is not a column of work_items");
    QTest::newRow("no external id") << with([](QJsonObject &o) {
        QJsonArray streams = o.value(QStringLiteral("streams")).toArray();
        QJsonObject s = streams.at(0).toObject();
        s.insert(QStringLiteral("mapping"),
                 QJsonObject{{QStringLiteral("title"), QStringLiteral("summary")}});
        streams.replace(0, s);
        o.insert(QStringLiteral("streams"), streams);
    }) << QStringLiteral("streams[0].mapping.external_id: is required");
    QTest::newRow("forEach of an unknown setting") << with([](QJsonObject &o) {
        QJsonArray streams = o.value(QStringLiteral("streams")).toArray();
        QJsonObject s = streams.at(0).toObject();
        s.insert(QStringLiteral("forEach"), QStringLiteral("boards"));
        streams.replace(0, s);
        o.insert(QStringLiteral("streams"), streams);
    }) << QStringLiteral("streams[0].forEach: expected the name of a list setting, got \"boards\"");
    QTest::newRow("retry out of range") << with([](QJsonObject &o) {
        o.insert(QStringLiteral("retry"), QJsonObject{{QStringLiteral("maxAttempts"), 0}});
    }) << QStringLiteral("retry.maxAttempts: expected a number from 1 to 20, got 0");
    QTest::newRow("misspelt field")
        << with([](QJsonObject &o) { o.insert(QStringLiteral("baseURL"), QStringLiteral("x")); })
        << QStringLiteral("baseURL: is not a known field here");
    QTest::newRow("oauth without token url") << with([](QJsonObject &o) {
        o.insert(QStringLiteral("auth"),
                 QJsonObject{{QStringLiteral("type"), QStringLiteral("oauth2")},
                             {QStringLiteral("authorizeUrl"), QStringLiteral("https://x/a")}});
    }) << QStringLiteral("auth.tokenUrl: is required");
    QTest::newRow("cursor format") << with([](QJsonObject &o) {
        QJsonArray streams = o.value(QStringLiteral("streams")).toArray();
        QJsonObject stream = streams.first().toObject();
        stream.insert(QStringLiteral("cursor"),
                      QJsonObject{{QStringLiteral("field"), QStringLiteral("updated")},
                                  {QStringLiteral("format"), QStringLiteral("HH:mm dd")}});
        streams.replace(0, stream);
        o.insert(QStringLiteral("streams"), streams);
    }) << QStringLiteral("streams[0].cursor.format: expected iso8601");
    QTest::newRow("body on a GET") << with([](QJsonObject &o) {
        QJsonArray streams = o.value(QStringLiteral("streams")).toArray();
        QJsonObject stream = streams.first().toObject();
        QJsonObject request = stream.value(QStringLiteral("request")).toObject();
        request.insert(QStringLiteral("body"), QJsonObject{{QStringLiteral("a"), 1}});
        stream.insert(QStringLiteral("request"), request);
        streams.replace(0, stream);
        o.insert(QStringLiteral("streams"), streams);
    }) << QStringLiteral("streams[0].request.body: needs \"method\": \"POST\"");
    QTest::newRow("duplicate stream") << with([](QJsonObject &o) {
        QJsonArray streams = o.value(QStringLiteral("streams")).toArray();
        streams.append(streams.at(0));
        o.insert(QStringLiteral("streams"), streams);
    }) << QStringLiteral("streams[1].name: \"tickets\" is declared twice");
    QTest::newRow("base URL names an undeclared setting") << with([](QJsonObject &o) {
        o.insert(QStringLiteral("baseUrl"),
                 QStringLiteral("https://{settings.tenant}.example.com"));
    }) << QStringLiteral("baseUrl: names {settings.tenant}, which is not a declared setting");
    QTest::newRow("base URL starts with a setting that is not a url")
        << with([](QJsonObject &o) {
               o.insert(QStringLiteral("baseUrl"), QStringLiteral("{settings.projects}/api"));
           })
        << QStringLiteral(
               "baseUrl: starts with {settings.projects}, which must then be a url setting");
    QTest::newRow("fromSecret without a capture group") << with([](QJsonObject &o) {
        QJsonArray settings = o.value(QStringLiteral("settings")).toArray();
        settings.append(QJsonObject{{QStringLiteral("name"), QStringLiteral("dc")},
                                    {QStringLiteral("help"), QStringLiteral("Data centre")},
                                    {QStringLiteral("fromSecret"), QStringLiteral("-[a-z]+$")}});
        o.insert(QStringLiteral("settings"), settings);
    }) << QStringLiteral("settings[1].fromSecret: needs a capture group");
    QTest::newRow("client credentials without a token URL") << with([](QJsonObject &o) {
        o.insert(QStringLiteral("auth"),
                 QJsonObject{{QStringLiteral("type"), QStringLiteral("clientCredentials")}});
    }) << QStringLiteral("auth.tokenUrl: is required");
    QTest::newRow("token settings name an undeclared setting") << with([](QJsonObject &o) {
        o.insert(
            QStringLiteral("auth"),
            QJsonObject{
                {QStringLiteral("type"), QStringLiteral("oauth2")},
                {QStringLiteral("authorizeUrl"), QStringLiteral("https://t.example/authorize")},
                {QStringLiteral("tokenUrl"), QStringLiteral("https://t.example/token")},
                {QStringLiteral("tokenSettings"),
                 QJsonObject{{QStringLiteral("instance_url"), QStringLiteral("instance_url")}}}});
    }) << QStringLiteral("auth.tokenSettings.instance_url: is not a declared setting");
    QTest::newRow("mapping values that are not text") << with([](QJsonObject &o) {
        QJsonArray streams = o.value(QStringLiteral("streams")).toArray();
        QJsonObject s = streams.at(0).toObject();
        QJsonObject mapping = s.value(QStringLiteral("mapping")).toObject();
        mapping.insert(
            QStringLiteral("state"),
            QJsonObject{{QStringLiteral("path"), QStringLiteral("status")},
                        {QStringLiteral("values"), QJsonObject{{QStringLiteral("open"), 1}}}});
        s.insert(QStringLiteral("mapping"), mapping);
        streams[0] = s;
        o.insert(QStringLiteral("streams"), streams);
    }) << QStringLiteral("streams[0].mapping.state.values.open: expected text, got a number");
    QTest::newRow("errorBody without codePath") << with([](QJsonObject &o) {
        o.insert(QStringLiteral("errorBody"),
                 QJsonObject{{QStringLiteral("authCodes"), QJsonArray{QStringLiteral("601")}}});
    }) << QStringLiteral("errorBody.codePath: is required");
}

void TestManifest::readsPerTenantAddressesAndTokenRules()
{
    QJsonObject o = minimal();
    QJsonArray settings = o.value(QStringLiteral("settings")).toArray();
    settings.append(
        QJsonObject{{QStringLiteral("name"), QStringLiteral("dc")},
                    {QStringLiteral("help"), QStringLiteral("Data centre")},
                    {QStringLiteral("fromSecret"), QStringLiteral("-([a-z]+[0-9]+)$")}});
    o.insert(QStringLiteral("settings"), settings);
    o.insert(QStringLiteral("baseUrl"),
             QStringLiteral("https://{settings.dc}.api.example.com/3.0"));
    o.insert(QStringLiteral("auth"),
             QJsonObject{{QStringLiteral("type"), QStringLiteral("clientCredentials")},
                         {QStringLiteral("tokenUrl"), QStringLiteral("/identity/oauth/token")},
                         {QStringLiteral("tokenRequest"), QStringLiteral("query")}});
    o.insert(QStringLiteral("errorBody"),
             QJsonObject{{QStringLiteral("codePath"), QStringLiteral("errors[].code")},
                         {QStringLiteral("messagePath"), QStringLiteral("errors[].message")},
                         {QStringLiteral("authCodes"),
                          QJsonArray{QStringLiteral("601"), QStringLiteral("602")}},
                         {QStringLiteral("rateLimitCodes"), QJsonArray{QStringLiteral("606")}},
                         {QStringLiteral("rateLimitWaitSeconds"), 20}});
    const ManifestParser::Result result =
        ManifestParser::parse(QJsonDocument(o).toJson(), QStringLiteral("tenant.json"));
    QVERIFY2(result.manifest, qPrintable(result.error));
    const ConnectorManifest &m = *result.manifest;
    QCOMPARE(m.setting(QStringLiteral("dc"))->fromSecret, QStringLiteral("-([a-z]+[0-9]+)$"));
    QCOMPARE(m.auth.type, AuthSpec::Type::ClientCredentials);
    QCOMPARE(m.auth.clientTokenUrl, QStringLiteral("/identity/oauth/token"));
    QVERIFY(m.auth.clientTokenParametersInQuery);
    QCOMPARE(m.auth.prefix, QStringLiteral("Bearer "));
    QCOMPARE(m.auth.firstName, QStringLiteral("client_id"));
    QCOMPARE(m.errorBody.authCodes, (QStringList{QStringLiteral("601"), QStringLiteral("602")}));
    QCOMPARE(m.errorBody.rateLimitCodes, QStringList{QStringLiteral("606")});
    QCOMPARE(m.secretNames(), QStringList{QStringLiteral("token")});
}

void TestManifest::readsMappedValues()
{
    QJsonObject o = minimal();
    QJsonArray streams = o.value(QStringLiteral("streams")).toArray();
    QJsonObject s = streams.at(0).toObject();
    QJsonObject mapping = s.value(QStringLiteral("mapping")).toObject();
    mapping.insert(QStringLiteral("state"),
                   QJsonObject{{QStringLiteral("path"), QStringLiteral("status")},
                               {QStringLiteral("values"),
                                QJsonObject{{QStringLiteral("todo"), QStringLiteral("open")},
                                            {QStringLiteral("done"), QStringLiteral("closed")}}}});
    s.insert(QStringLiteral("mapping"), mapping);
    streams[0] = s;
    o.insert(QStringLiteral("streams"), streams);
    const ManifestParser::Result result =
        ManifestParser::parse(QJsonDocument(o).toJson(), QStringLiteral("values.json"));
    QVERIFY2(result.manifest, qPrintable(result.error));
    const QList<FieldMapping> &fields = result.manifest->streams.first().mapping;
    const auto state = std::find_if(fields.cbegin(), fields.cend(), [](const FieldMapping &f) {
        return f.column == QLatin1String("state");
    });
    QVERIFY(state != fields.cend());
    QCOMPARE(state->values.size(), 2);
    QCOMPARE(state->values.value(QStringLiteral("done")), QStringLiteral("closed"));
}

void TestManifest::rejectsBadManifests()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, expected);
    const ManifestParser::Result result = ManifestParser::parse(json, QStringLiteral("bad.json"));
    QVERIFY(!result.manifest);
    QVERIFY2(result.error.contains(expected), qPrintable(result.error));
    QVERIFY(result.error.startsWith(QStringLiteral("bad.json: ")));
}

void TestManifest::userManifestsLoadBesideBuiltIns()
{
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("tracker.json")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QJsonDocument(minimal()).toJson());
    file.close();
    const ConnectorRegistry registry = ConnectorRegistry::load(dir.path());
    QVERIFY(registry.errors().isEmpty());
    const ConnectorManifest *tracker = registry.find(QStringLiteral("tracker"));
    QVERIFY(tracker);
    QVERIFY(!tracker->builtIn);
    QVERIFY(registry.find(QStringLiteral("github"))->builtIn);
}

void TestManifest::aBrokenUserManifestDoesNotStopTheOthers()
{
    QTemporaryDir dir;
    QFile good(dir.filePath(QStringLiteral("tracker.json")));
    QVERIFY(good.open(QIODevice::WriteOnly));
    good.write(QJsonDocument(minimal()).toJson());
    good.close();
    QFile bad(dir.filePath(QStringLiteral("broken.json")));
    QVERIFY(bad.open(QIODevice::WriteOnly));
    bad.write(with([](QJsonObject &o) {
        o.insert(QStringLiteral("kind"), QStringLiteral("broken"));
        o.insert(QStringLiteral("category"), QStringLiteral("misc"));
    }));
    bad.close();
    const ConnectorRegistry registry = ConnectorRegistry::load(dir.path());
    QVERIFY(registry.find(QStringLiteral("tracker")));
    QVERIFY(registry.find(QStringLiteral("github")));
    QVERIFY(!registry.find(QStringLiteral("broken")));
    QCOMPARE(registry.errors().size(), 1);
    QVERIFY2(registry.errors().first().contains(
                 QStringLiteral("broken.json: category: expected one of")),
             qPrintable(registry.errors().first()));
}

void TestManifest::validatesSettings()
{
    const ConnectorRegistry registry = ConnectorRegistry::load();
    const ConnectorManifest *github = registry.find(QStringLiteral("github"));
    const SettingsValidator validator(*github);
    QStringList problems;
    const QJsonObject settings =
        validator.parse({QStringLiteral("repositories=acme/rocket, acme/web")}, &problems);
    QVERIFY(problems.isEmpty());
    QCOMPARE(settings.value(QStringLiteral("repositories")).toArray().size(), 2);
    QCOMPARE(settings.value(QStringLiteral("repositories")).toArray().at(1).toString(),
             QStringLiteral("acme/web"));

    problems.clear();
    validator.parse({}, &problems);
    QCOMPARE(problems.size(), 1);
    QVERIFY(problems.first().contains(QStringLiteral("needs the setting repositories")));

    problems.clear();
    validator.parse({QStringLiteral("repositories=rocket")}, &problems);
    QVERIFY(problems.first().contains(QStringLiteral("\"rocket\" is not in the expected form")));

    problems.clear();
    validator.parse({QStringLiteral("repos=acme/rocket"), QStringLiteral("nonsense")}, &problems);
    QCOMPARE(problems.size(), 3); // unknown name, not KEY=VALUE, and the missing required one
    QVERIFY(problems.first().contains(QStringLiteral("has no setting \"repos\"")));

    QVERIFY(SettingsValidator::checkBaseUrl(QStringLiteral("ftp://x"))
                .contains(QStringLiteral("not an http")));
    QVERIFY(SettingsValidator::checkBaseUrl(QStringLiteral("http://127.0.0.1:8080")).isEmpty());
}

QTEST_GUILESS_MAIN(TestManifest)
#include "tst_manifest.moc"
