#include "connectorregistry.h"

#include "hooks/builtinhooks.h"
#include "logging.h"
#include "manifestparser.h"

#include <QDir>
#include <QFile>

ConnectorRegistry ConnectorRegistry::load(const QString &userFolder)
{
    BuiltInHooks::registerAll(); // manifests naming a hook are refused until it exists
    ConnectorRegistry registry;
    registry.loadFolder(QStringLiteral(":/connectors"), true);
    if (!userFolder.isEmpty() && QDir(userFolder).exists())
        registry.loadFolder(userFolder, false);
    return registry;
}

void ConnectorRegistry::add(const ConnectorManifest &manifest)
{
    m_manifests.append(manifest);
}

const ConnectorManifest *ConnectorRegistry::find(const QString &kind) const
{
    for (const ConnectorManifest &manifest : m_manifests) {
        if (manifest.kind == kind)
            return &manifest;
    }
    return nullptr;
}

void ConnectorRegistry::loadFolder(const QString &folder, bool builtIn)
{
    const QDir dir(folder);
    for (const QString &entry :
         dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        const QString path = dir.filePath(entry);
        const QString shownName = builtIn ? entry : QDir::toNativeSeparators(path);
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            m_errors.append(
                QObject::tr("%1: cannot be read: %2").arg(shownName, file.errorString()));
            continue;
        }
        ManifestParser::Result result = ManifestParser::parse(file.readAll(), shownName);
        if (!result.manifest) {
            qCWarning(hubSync) << "Connector manifest rejected:" << result.error;
            m_errors.append(result.error);
            continue;
        }
        result.manifest->builtIn = builtIn;
        if (find(result.manifest->kind)) {
            m_errors.append(QObject::tr("%1: kind: \"%2\" is already defined by another manifest")
                                .arg(shownName, result.manifest->kind));
            continue;
        }
        m_manifests.append(*result.manifest);
    }
}
