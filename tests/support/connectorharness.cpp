#include "connectorharness.h"

#include "databasewriter.h"
#include "engine/credentials.h"
#include "engine/syncengine.h"
#include "manifest/connectorregistry.h"

#include <QSignalSpy>
#include <QSqlRecord>

ConnectorHarness::ConnectorHarness(const QString &kind)
    : m_kind(kind)
{
}

ConnectorHarness::~ConnectorHarness()
{
    m_server.reset();
    m_db.reset();
    m_workspace.reset();
}

bool ConnectorHarness::start(const QJsonObject &settings, const QString &basePath)
{
    const ConnectorRegistry registry = ConnectorRegistry::load();
    const ConnectorManifest *manifest = registry.find(m_kind);
    if (!manifest) {
        m_error = QStringLiteral("no built-in connector \"%1\" (errors: %2)")
                      .arg(m_kind, registry.errors().join(QStringLiteral("; ")));
        return false;
    }
    m_manifest = *manifest;
    m_manifest.retry.backoffMs = 20;
    m_manifest.retry.timeoutMs = 2000;
    m_manifest.retry.maxWaitSeconds = 2;

    m_workspace = std::make_unique<TestWorkspace>();
    m_db = m_workspace->open();
    if (!m_db) {
        m_error = QStringLiteral("the workspace did not open");
        return false;
    }
    m_server = std::make_unique<FakeHttpServer>();
    if (!m_server->start()) {
        m_error = QStringLiteral("the fake server did not start");
        return false;
    }
    m_source.kind = m_kind;
    m_source.name = m_kind + QStringLiteral("-test");
    m_source.baseUrl = m_server->baseUrl().toString() + basePath;
    m_source.settings = settings;
    const WriteResult added = m_db->writer()->run(
        [this](QSqlDatabase &db, QString *error) { return SourceStore(db).add(m_source, error); });
    if (!added.ok)
        m_error = added.error;
    return added.ok;
}

QList<StreamOutcome> ConnectorHarness::sync(const QByteArray &token, bool full,
                                            const QStringList &streams)
{
    SyncEngine engine(m_db.get());
    QSignalSpy finished(&engine, &SyncEngine::finished);
    SyncEngine::Options options;
    options.full = full;
    engine.start({SyncTarget{m_source, m_manifest, Credentials{token}, streams}}, options);
    if (!finished.wait(60000))
        return {};
    return finished.first().first().value<QList<StreamOutcome>>();
}

const StreamOutcome *ConnectorHarness::find(const QList<StreamOutcome> &outcomes,
                                            const QString &stream)
{
    for (const StreamOutcome &outcome : outcomes) {
        if (outcome.stream == stream)
            return &outcome;
    }
    return nullptr;
}

qint64 ConnectorHarness::scalar(const QString &sql) const
{
    QSqlQuery query(m_db->connection());
    if (!query.exec(sql) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

QVariantList ConnectorHarness::row(const QString &sql) const
{
    QSqlQuery query(m_db->connection());
    QVariantList values;
    if (!query.exec(sql) || !query.next())
        return values;
    for (int i = 0; i < query.record().count(); ++i)
        values.append(query.value(i));
    return values;
}
