#include "sourcesettings.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

namespace SourceSettings {

QJsonObject withSecretParts(const ConnectorManifest &manifest, QJsonObject settings,
                            const QByteArray &secret)
{
    for (const SettingSpec &spec : manifest.settings) {
        if (spec.fromSecret.isEmpty() || !settings.value(spec.name).toString().isEmpty())
            continue;
        const QRegularExpressionMatch match =
            QRegularExpression(spec.fromSecret).match(QString::fromUtf8(secret));
        if (match.hasMatch() && !match.captured(1).isEmpty())
            settings.insert(spec.name, match.captured(1));
    }
    return settings;
}

bool takeFromTokenAnswer(const AuthSpec &auth, const QJsonObject &answer, QJsonObject *settings)
{
    bool changed = false;
    for (auto it = auth.tokenSettings.constBegin(); it != auth.tokenSettings.constEnd(); ++it) {
        const QString value = answer.value(it.value()).toString();
        if (value.isEmpty() || settings->value(it.key()).toString() == value)
            continue;
        settings->insert(it.key(), value);
        changed = true;
    }
    return changed;
}

bool store(QSqlDatabase &db, qint64 sourceId, const QJsonObject &settings, QString *error)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("UPDATE sources SET settings_json = ? WHERE id = ?"));
    query.addBindValue(QString::fromUtf8(QJsonDocument(settings).toJson(QJsonDocument::Compact)));
    query.addBindValue(sourceId);
    if (!query.exec()) {
        *error = query.lastError().text();
        return false;
    }
    return true;
}

} // namespace SourceSettings
