#pragma once

#include "database.h"
#include "engine/syncoutcome.h"
#include "fakehttpserver.h"
#include "manifest/connectormanifest.h"
#include "sourcestore.h"
#include "testworkspace.h"

#include <QJsonObject>
#include <QSqlQuery>

#include <memory>

// Everything a built-in connector's test needs: a fresh workspace, a fake of the service on
// loopback, the connector's manifest (with quick retries so fault tests take milliseconds),
// and one source of that kind pointing at the fake.
//
//   ConnectorHarness h(QStringLiteral("asana"));
//   QVERIFY2(h.start({{"projects", QJsonArray{"1201"}}}), qPrintable(h.error()));
//   h.server().route("GET", "/projects/1201/tasks", ...);
//   const auto outcomes = h.sync("TOKEN");
class ConnectorHarness
{
public:
    explicit ConnectorHarness(const QString &kind);
    ~ConnectorHarness();

    // Opens the workspace, starts the fake and adds the source with these settings and the
    // fake's base URL plus basePath (e.g. "/api/v4"). False with error() on failure.
    bool start(const QJsonObject &settings, const QString &basePath = QString());
    QString error() const { return m_error; }

    FakeHttpServer &server() { return *m_server; }
    Database &database() { return *m_db; }
    ConnectorManifest &manifest() { return m_manifest; }
    const Source &source() const { return m_source; }

    // Syncs the source (all streams, or those named) with this token, waiting for the end.
    QList<StreamOutcome> sync(const QByteArray &token, bool full = false,
                              const QStringList &streams = {});
    static const StreamOutcome *find(const QList<StreamOutcome> &outcomes, const QString &stream);

    qint64 scalar(const QString &sql) const;
    // The first row of a query, column by column; empty when there is none.
    QVariantList row(const QString &sql) const;

private:
    QString m_kind;
    QString m_error;
    std::unique_ptr<TestWorkspace> m_workspace;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<FakeHttpServer> m_server;
    ConnectorManifest m_manifest;
    Source m_source;
};
