#pragma once

#include "connectormanifest.h"

#include <QJsonObject>
#include <QStringList>

// Checks the settings a user gives a new source against its connector's declarations:
// known names, types, patterns, required values. Used by the command line and the forms.
class SettingsValidator
{
public:
    explicit SettingsValidator(const ConnectorManifest &manifest);

    // One value, as typed. Empty when it is acceptable, else what is wrong with it.
    QString check(const QString &name, const QString &value) const;
    // "KEY=VALUE" pairs into the settings object; lists become JSON arrays. Every problem
    // is reported, not only the first.
    QJsonObject parse(const QStringList &assignments, QStringList *problems) const;
    // A base URL a source may use instead of the connector's default.
    static QString checkBaseUrl(const QString &url);
    // A setting's value as stored: lists as arrays, numbers and booleans typed.
    static QJsonValue valueOf(const SettingSpec &spec, const QString &text);

private:
    const ConnectorManifest &m_manifest;
};
