#pragma once

#include "manifest/connectormanifest.h"

#include <QJsonObject>
#include <QSqlDatabase>

// Settings a source does not type in: parts of its secret that name its host (Mailchimp's
// data centre) and fields of an OAuth token answer (Salesforce's instance_url).
namespace SourceSettings {

// The settings with each unset setting that declares fromSecret filled from the secret.
QJsonObject withSecretParts(const ConnectorManifest &manifest, QJsonObject settings,
                            const QByteArray &secret);
// Copies the token answer's fields named by auth.tokenSettings into settings; true when
// anything changed.
bool takeFromTokenAnswer(const AuthSpec &auth, const QJsonObject &answer, QJsonObject *settings);
// Stores a source's settings (inside the writer's transaction).
bool store(QSqlDatabase &db, qint64 sourceId, const QJsonObject &settings, QString *error);

} // namespace SourceSettings
