#include "settingsvalidator.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QUrl>

SettingsValidator::SettingsValidator(const ConnectorManifest &manifest)
    : m_manifest(manifest)
{
}

QString SettingsValidator::check(const QString &name, const QString &value) const
{
    const SettingSpec *spec = m_manifest.setting(name);
    if (!spec) {
        QStringList known;
        for (const SettingSpec &s : m_manifest.settings)
            known.append(s.name);
        return QObject::tr("%1 has no setting \"%2\" (settings: %3)")
            .arg(m_manifest.title, name,
                 known.isEmpty() ? QObject::tr("none") : known.join(QStringLiteral(", ")));
    }
    const QString trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return spec->required ? QObject::tr("%1 needs a value: %2").arg(name, spec->help)
                              : QString();
    QStringList items{trimmed};
    if (spec->type == SettingSpec::Type::List) {
        items = trimmed.split(QLatin1Char(','), Qt::SkipEmptyParts);
        for (QString &item : items)
            item = item.trimmed();
    }
    for (const QString &item : std::as_const(items)) {
        switch (spec->type) {
        case SettingSpec::Type::Integer: {
            bool ok = false;
            item.toLongLong(&ok);
            if (!ok)
                return QObject::tr("%1 must be a whole number, not \"%2\"").arg(name, item);
            break;
        }
        case SettingSpec::Type::Boolean:
            if (item != QLatin1String("true") && item != QLatin1String("false"))
                return QObject::tr("%1 must be true or false, not \"%2\"").arg(name, item);
            break;
        case SettingSpec::Type::Url:
            if (const QString problem = checkBaseUrl(item); !problem.isEmpty())
                return QObject::tr("%1: %2").arg(name, problem);
            break;
        case SettingSpec::Type::String:
        case SettingSpec::Type::List:
            break;
        }
        if (!spec->pattern.isEmpty()) {
            const QRegularExpression pattern(QRegularExpression::anchoredPattern(spec->pattern));
            if (!pattern.match(item).hasMatch())
                return QObject::tr("%1: \"%2\" is not in the expected form. %3")
                    .arg(name, item, spec->help);
        }
    }
    return QString();
}

QJsonValue SettingsValidator::valueOf(const SettingSpec &spec, const QString &text)
{
    switch (spec.type) {
    case SettingSpec::Type::List: {
        QJsonArray list;
        for (const QString &item : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
            list.append(item.trimmed());
        return list;
    }
    case SettingSpec::Type::Integer:
        return text.trimmed().toLongLong();
    case SettingSpec::Type::Boolean:
        return text.trimmed() == QLatin1String("true");
    case SettingSpec::Type::String:
    case SettingSpec::Type::Url:
        break;
    }
    return text.trimmed();
}

QJsonObject SettingsValidator::parse(const QStringList &assignments, QStringList *problems) const
{
    QJsonObject settings;
    for (const QString &assignment : assignments) {
        const qsizetype equals = assignment.indexOf(QLatin1Char('='));
        if (equals <= 0) {
            problems->append(QObject::tr("\"%1\" is not KEY=VALUE").arg(assignment));
            continue;
        }
        const QString name = assignment.left(equals).trimmed();
        const QString value = assignment.mid(equals + 1);
        if (const QString problem = check(name, value); !problem.isEmpty()) {
            problems->append(problem);
            continue;
        }
        settings.insert(name, valueOf(*m_manifest.setting(name), value));
    }
    for (const SettingSpec &spec : m_manifest.settings) {
        if (settings.contains(spec.name))
            continue;
        if (!spec.defaultValue.isEmpty())
            settings.insert(spec.name, valueOf(spec, spec.defaultValue));
        else if (spec.required)
            problems->append(QObject::tr("%1 needs the setting %2 (--set %2=...): %3")
                                 .arg(m_manifest.title, spec.name, spec.help));
    }
    return settings;
}

QString SettingsValidator::checkBaseUrl(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() ||
        (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")))
        return QObject::tr("\"%1\" is not an http or https URL").arg(text);
    if (url.hasQuery() || url.hasFragment())
        return QObject::tr("\"%1\" must not have a query or fragment").arg(text);
    return QString();
}
