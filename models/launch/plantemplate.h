#pragma once

#include "launchplan.h"

#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <optional>

// The shape of a launch timeline with dates relative to the launch day, from which new plans
// are made. Editable: people keep their own in the workspace (TemplateStore).
namespace Launch {

struct TemplateItem
{
    // Unique within the template; becomes the item's id in a new plan.
    int key = 0;
    ItemKind kind = ItemKind::Task;
    QString name;
    QString owner;
    QString description;
    // The key of the phase holding this task or milestone; 0 for a phase.
    int parentKey = 0;
    // Days from the launch day, both ends included; equal for a milestone.
    int startOffset = 0;
    int endOffset = 0;
    bool critical = false;

    friend bool operator==(const TemplateItem &, const TemplateItem &) = default;
};

struct TemplateDependency
{
    int fromKey = 0;
    int toKey = 0;
    DependencyType type = DependencyType::Timeline;
    QString description;

    friend bool operator==(const TemplateDependency &, const TemplateDependency &) = default;
};

struct PlanTemplate
{
    QString name;
    QList<TemplateItem> items;
    QList<TemplateDependency> dependencies;

    // Three phases around the launch day (preparation from 30 to 7 days before, launch week
    // from 7 before to 7 after, optimisation from 7 to 30 after), their tasks, the usual
    // milestones and the dependencies between them.
    static PlanTemplate standard();
    static QString standardName();

    // Empty when the template can make a plan; otherwise what is wrong with it.
    QString problem() const;

    QJsonObject toJson() const;
    static std::optional<PlanTemplate> fromJson(const QJsonObject &object, QString *error);

    friend bool operator==(const PlanTemplate &, const PlanTemplate &) = default;
};

// Names used in stored plans, templates and JSON files for the enums; stable, not translated.
QString kindName(ItemKind kind);
std::optional<ItemKind> kindNamed(const QString &name);
QString dependencyTypeName(DependencyType type);
std::optional<DependencyType> dependencyTypeNamed(const QString &name);

// The templates kept in the workspace. Runs on the caller's connection.
class TemplateStore
{
public:
    explicit TemplateStore(const QSqlDatabase &db);

    // Stored names, sorted; the standard one is always listed.
    QStringList names(QString *error) const;
    // A stored template, or the built-in standard one for its name when none is stored.
    std::optional<PlanTemplate> load(const QString &name, QString *error) const;
    // Adds or replaces the template with this name.
    bool save(const PlanTemplate &timelineTemplate, QString *error);
    // Removing the standard one brings back the built-in version.
    bool remove(const QString &name, QString *error);

private:
    QSqlDatabase m_db;
};

} // namespace Launch
