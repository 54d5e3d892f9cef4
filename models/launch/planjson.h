#pragma once

#include "launchcontext.h"
#include "launchplan.h"

#include <QByteArray>
#include <QHash>
#include <QSqlDatabase>
#include <QStringList>

#include <optional>

// A launch plan as a self-contained JSON review copy: the plan, its items and dependencies,
// and the features it ships by name with their messaging, so that it can be read and
// reviewed anywhere and imported into another workspace.
namespace Launch::PlanJson {

inline constexpr char FormatName[] = "product-hub.launch-plan";
// Raised when a change would make older versions misread a file; they refuse newer files.
inline constexpr int FormatVersion = 1;

// context, when given, supplies the features' names and messaging.
QByteArray toJson(const LaunchPlan &plan, const LaunchContext *context = nullptr);

// The plan as exported, with its original id. error says what is wrong: not JSON (with the
// offset), another format, a newer version, or a missing or malformed field (named by its
// path, such as plan.items[3].start).
std::optional<LaunchPlan> fromJson(const QByteArray &data, QString *error);

// The features of a file by the ids it uses, with the names they had where it was exported.
QHash<qint64, QString> featureNames(const QByteArray &data);

struct ImportResult
{
    LaunchPlan plan;
    // What did not come across as it was, such as features this workspace does not have.
    QStringList notes;
};

// Reads a file and stores it as a new plan in one transaction; the file's features are
// matched to this workspace's by id and name, or by name. Nothing is written on failure.
std::optional<ImportResult> importPlan(const QSqlDatabase &db, const QByteArray &data,
                                       QString *error);

} // namespace Launch::PlanJson
