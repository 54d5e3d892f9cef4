#include "plantemplate.h"

#include "isodate.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

namespace Launch {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Launch::PlanTemplate", text);
}

// Reads a member that must be there, naming it when it is not.
bool require(const QJsonObject &object, const QString &key, QJsonValue::Type type,
             const QString &where, QJsonValue *value, QString *error)
{
    const QJsonValue found = object.value(key);
    if (found.isUndefined() || found.type() != type) {
        *error = found.isUndefined()
                     ? tr("The template has no \"%1\" in %2.").arg(key, where)
                     : tr("The template's \"%1\" in %2 has the wrong type.").arg(key, where);
        return false;
    }
    *value = found;
    return true;
}

} // namespace

QString kindName(ItemKind kind)
{
    switch (kind) {
    case ItemKind::Phase:
        return QStringLiteral("phase");
    case ItemKind::Task:
        return QStringLiteral("task");
    case ItemKind::Milestone:
        return QStringLiteral("milestone");
    }
    return QString();
}

std::optional<ItemKind> kindNamed(const QString &name)
{
    for (ItemKind kind : {ItemKind::Phase, ItemKind::Task, ItemKind::Milestone}) {
        if (kindName(kind) == name)
            return kind;
    }
    return std::nullopt;
}

QString dependencyTypeName(DependencyType type)
{
    switch (type) {
    case DependencyType::Approval:
        return QStringLiteral("approval");
    case DependencyType::Resource:
        return QStringLiteral("resource");
    case DependencyType::Timeline:
        return QStringLiteral("timeline");
    }
    return QString();
}

std::optional<DependencyType> dependencyTypeNamed(const QString &name)
{
    for (DependencyType type :
         {DependencyType::Approval, DependencyType::Resource, DependencyType::Timeline}) {
        if (dependencyTypeName(type) == name)
            return type;
    }
    return std::nullopt;
}

QString PlanTemplate::standardName()
{
    return tr("Standard launch");
}

PlanTemplate PlanTemplate::standard()
{
    PlanTemplate t;
    t.name = standardName();
    int key = 0;
    int phase = 0;
    const auto addPhase = [&](const QString &name, const QString &owner, int start, int end) {
        phase = ++key;
        t.items.append({phase, ItemKind::Phase, name, owner, QString(), 0, start, end, false});
    };
    const auto addTask = [&](const QString &name, int start, int end) {
        const QString owner = t.items.isEmpty() ? QString() : t.items.at(phase - 1).owner;
        t.items.append({++key, ItemKind::Task, name, owner, QString(), phase, start, end, false});
        return key;
    };
    const auto addMilestone = [&](const QString &name, int day, bool critical,
                                  const QString &description) {
        t.items.append(
            {++key, ItemKind::Milestone, name, QString(), description, phase, day, day, critical});
        return key;
    };

    addPhase(tr("Pre-launch preparation"), tr("Product team"), -30, -7);
    const int completion = addTask(tr("Feature completion and testing"), -30, -15);
    const int campaigns = addTask(tr("Campaign development"), -28, -12);
    const int training = addTask(tr("Sales training"), -16, -9);
    addTask(tr("Customer success preparation"), -14, -8);
    const int freeze = addMilestone(tr("Feature freeze"), -14, true,
                                    tr("Every launch feature is complete; only fixes after this."));
    const int enablement = addMilestone(tr("Sales enablement complete"), -8, false,
                                        tr("Sales and customer success can demo and explain "
                                           "every launch feature."));
    const int preparation = phase;

    addPhase(tr("Launch week"), tr("Cross-functional team"), -7, 7);
    const int launchWeek = phase;
    const int approval = addMilestone(tr("Launch approval"), -3, true,
                                      tr("Leadership confirms the launch goes ahead."));
    const int activation = addTask(tr("Campaign activation"), -2, 7);
    addTask(tr("Announcement"), 0, 1);
    addTask(tr("Customer onboarding"), 0, 7);
    addTask(tr("Performance monitoring"), 0, 7);
    const int launchDay =
        addMilestone(tr("Launch day"), 0, true, tr("The features are available to customers."));

    addPhase(tr("Post-launch optimisation"), tr("Product team"), 7, 30);
    const int optimisation = phase;
    addTask(tr("Performance analysis"), 7, 14);
    addTask(tr("Feedback collection"), 7, 21);
    addTask(tr("Feature optimisation"), 14, 28);
    addTask(tr("Success-metric review"), 28, 30);
    addMilestone(tr("30-day adoption review"), 30, false,
                 tr("Adoption, satisfaction and pipeline compared with their targets."));

    t.dependencies = {
        {completion, freeze, DependencyType::Timeline, tr("Testing ends at the freeze")},
        {freeze, approval, DependencyType::Timeline, QString()},
        {approval, launchDay, DependencyType::Approval, tr("Leadership approves the launch")},
        {training, enablement, DependencyType::Resource,
         tr("Needs the solution engineers for two days")},
        {campaigns, activation, DependencyType::Timeline, QString()},
        {preparation, launchWeek, DependencyType::Timeline, QString()},
        {launchWeek, optimisation, DependencyType::Timeline, QString()},
    };
    return t;
}

QString PlanTemplate::problem() const
{
    if (name.trimmed().isEmpty())
        return tr("The template has no name.");
    QHash<int, const TemplateItem *> byKey;
    for (const TemplateItem &item : items) {
        if (item.key <= 0)
            return tr("\"%1\" needs a positive key.").arg(item.name);
        if (byKey.contains(item.key))
            return tr("Two items share the key %1.").arg(item.key);
        if (item.name.trimmed().isEmpty())
            return tr("The item with key %1 has no name.").arg(item.key);
        if (item.endOffset < item.startOffset)
            return tr("\"%1\" ends before it starts.").arg(item.name);
        if (item.kind == ItemKind::Milestone && item.endOffset != item.startOffset)
            return tr("The milestone \"%1\" must start and end on the same day.").arg(item.name);
        byKey.insert(item.key, &item);
    }
    for (const TemplateItem &item : items) {
        if (item.parentKey == 0)
            continue;
        const TemplateItem *parent = byKey.value(item.parentKey);
        if (!parent || parent->kind != ItemKind::Phase || item.kind == ItemKind::Phase)
            return tr("\"%1\" must belong to a phase of the template.").arg(item.name);
    }
    for (const TemplateDependency &dependency : dependencies) {
        if (!byKey.contains(dependency.fromKey) || !byKey.contains(dependency.toKey) ||
            dependency.fromKey == dependency.toKey)
            return tr("A dependency joins keys %1 and %2, which are not two items of the "
                      "template.")
                .arg(dependency.fromKey)
                .arg(dependency.toKey);
    }
    return QString();
}

QJsonObject PlanTemplate::toJson() const
{
    QJsonArray itemArray;
    for (const TemplateItem &item : items) {
        itemArray.append(QJsonObject{{QStringLiteral("key"), item.key},
                                     {QStringLiteral("kind"), kindName(item.kind)},
                                     {QStringLiteral("name"), item.name},
                                     {QStringLiteral("owner"), item.owner},
                                     {QStringLiteral("description"), item.description},
                                     {QStringLiteral("parent"), item.parentKey},
                                     {QStringLiteral("start"), item.startOffset},
                                     {QStringLiteral("end"), item.endOffset},
                                     {QStringLiteral("critical"), item.critical}});
    }
    QJsonArray dependencyArray;
    for (const TemplateDependency &dependency : dependencies) {
        dependencyArray.append(
            QJsonObject{{QStringLiteral("from"), dependency.fromKey},
                        {QStringLiteral("to"), dependency.toKey},
                        {QStringLiteral("type"), dependencyTypeName(dependency.type)},
                        {QStringLiteral("description"), dependency.description}});
    }
    return {{QStringLiteral("name"), name},
            {QStringLiteral("items"), itemArray},
            {QStringLiteral("dependencies"), dependencyArray}};
}

std::optional<PlanTemplate> PlanTemplate::fromJson(const QJsonObject &object, QString *error)
{
    PlanTemplate t;
    QJsonValue value;
    const QString top = tr("the template");
    if (!require(object, QStringLiteral("name"), QJsonValue::String, top, &value, error))
        return std::nullopt;
    t.name = value.toString();
    if (!require(object, QStringLiteral("items"), QJsonValue::Array, top, &value, error))
        return std::nullopt;
    const QJsonArray itemArray = value.toArray();
    for (qsizetype i = 0; i < itemArray.size(); ++i) {
        const QJsonObject o = itemArray.at(i).toObject();
        const QString where = tr("item %1").arg(i + 1);
        TemplateItem item;
        if (!require(o, QStringLiteral("key"), QJsonValue::Double, where, &value, error))
            return std::nullopt;
        item.key = value.toInt();
        if (!require(o, QStringLiteral("kind"), QJsonValue::String, where, &value, error))
            return std::nullopt;
        const auto kind = kindNamed(value.toString());
        if (!kind) {
            *error = tr("Item %1 has the unknown kind \"%2\".").arg(i + 1).arg(value.toString());
            return std::nullopt;
        }
        item.kind = *kind;
        if (!require(o, QStringLiteral("name"), QJsonValue::String, where, &value, error))
            return std::nullopt;
        item.name = value.toString();
        item.owner = o.value(QStringLiteral("owner")).toString();
        item.description = o.value(QStringLiteral("description")).toString();
        item.parentKey = o.value(QStringLiteral("parent")).toInt();
        if (!require(o, QStringLiteral("start"), QJsonValue::Double, where, &value, error))
            return std::nullopt;
        item.startOffset = value.toInt();
        item.endOffset = o.value(QStringLiteral("end")).toInt(item.startOffset);
        item.critical = o.value(QStringLiteral("critical")).toBool();
        t.items.append(item);
    }
    const QJsonArray dependencyArray = object.value(QStringLiteral("dependencies")).toArray();
    for (qsizetype i = 0; i < dependencyArray.size(); ++i) {
        const QJsonObject o = dependencyArray.at(i).toObject();
        const QString where = tr("dependency %1").arg(i + 1);
        TemplateDependency dependency;
        if (!require(o, QStringLiteral("from"), QJsonValue::Double, where, &value, error))
            return std::nullopt;
        dependency.fromKey = value.toInt();
        if (!require(o, QStringLiteral("to"), QJsonValue::Double, where, &value, error))
            return std::nullopt;
        dependency.toKey = value.toInt();
        const auto type = dependencyTypeNamed(
            o.value(QStringLiteral("type")).toString(dependencyTypeName(DependencyType::Timeline)));
        if (!type) {
            *error = tr("Dependency %1 has an unknown type.").arg(i + 1);
            return std::nullopt;
        }
        dependency.type = *type;
        dependency.description = o.value(QStringLiteral("description")).toString();
        t.dependencies.append(dependency);
    }
    if (const QString problem = t.problem(); !problem.isEmpty()) {
        *error = problem;
        return std::nullopt;
    }
    return t;
}

TemplateStore::TemplateStore(const QSqlDatabase &db)
    : m_db(db)
{
}

QStringList TemplateStore::names(QString *error) const
{
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("SELECT name FROM launch_templates"))) {
        *error = query.lastError().text();
        return {};
    }
    QStringList names{PlanTemplate::standardName()};
    while (query.next()) {
        const QString name = query.value(0).toString();
        if (!names.contains(name, Qt::CaseInsensitive))
            names.append(name);
    }
    names.sort(Qt::CaseInsensitive);
    return names;
}

std::optional<PlanTemplate> TemplateStore::load(const QString &name, QString *error) const
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT body FROM launch_templates WHERE name = ?"));
    query.addBindValue(name);
    if (!query.exec()) {
        *error = query.lastError().text();
        return std::nullopt;
    }
    if (!query.next()) {
        if (name.compare(PlanTemplate::standardName(), Qt::CaseInsensitive) == 0)
            return PlanTemplate::standard();
        *error = tr("There is no timeline template named \"%1\".").arg(name);
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument document =
        QJsonDocument::fromJson(query.value(0).toString().toUtf8(), &parseError);
    if (!document.isObject()) {
        *error =
            tr("The stored template \"%1\" cannot be read: %2").arg(name, parseError.errorString());
        return std::nullopt;
    }
    return PlanTemplate::fromJson(document.object(), error);
}

bool TemplateStore::save(const PlanTemplate &timelineTemplate, QString *error)
{
    if (const QString problem = timelineTemplate.problem(); !problem.isEmpty()) {
        *error = problem;
        return false;
    }
    const QString now = IsoDate::timestamp(QDateTime::currentDateTimeUtc());
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral(
        "INSERT INTO launch_templates (name, body, created_at, updated_at) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (name) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at"));
    query.addBindValue(timelineTemplate.name);
    query.addBindValue(
        QString::fromUtf8(QJsonDocument(timelineTemplate.toJson()).toJson(QJsonDocument::Compact)));
    query.addBindValue(now);
    query.addBindValue(now);
    if (!query.exec()) {
        *error = query.lastError().text();
        return false;
    }
    return true;
}

bool TemplateStore::remove(const QString &name, QString *error)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("DELETE FROM launch_templates WHERE name = ?"));
    query.addBindValue(name);
    if (!query.exec()) {
        *error = query.lastError().text();
        return false;
    }
    if (query.numRowsAffected() == 0 &&
        name.compare(PlanTemplate::standardName(), Qt::CaseInsensitive) != 0) {
        *error = tr("There is no timeline template named \"%1\".").arg(name);
        return false;
    }
    return true;
}

} // namespace Launch
