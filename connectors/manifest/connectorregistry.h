#pragma once

#include "connectormanifest.h"

#include <QList>
#include <QStringList>

// Every connector kind the application knows: the manifests compiled in, plus the ones a
// user put in <workspace>/connectors/. A manifest that fails its checks is left out and its
// error kept for display; the others still load.
class ConnectorRegistry
{
public:
    // Loads the built-in manifests and, when userFolder is given, the user's own.
    static ConnectorRegistry load(const QString &userFolder = QString());

    void add(const ConnectorManifest &manifest);
    const ConnectorManifest *find(const QString &kind) const;
    const QList<ConnectorManifest> &manifests() const { return m_manifests; }
    const QStringList &errors() const { return m_errors; }

    // Reads one folder of *.json manifests into the registry.
    void loadFolder(const QString &folder, bool builtIn);

private:
    QList<ConnectorManifest> m_manifests;
    QStringList m_errors;
};
