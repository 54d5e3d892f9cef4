#pragma once

#include "launch/launchassessment.h"
#include "launch/launchcontext.h"
#include "launch/launchplan.h"

#include <QDate>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <functional>

// The file formats `plans export` writes, by name. JSON is built in; another format joins
// with one PlanExporters::Registration at namespace scope in its own source file.
namespace PlanExporters {

struct Input
{
    // The workspace the plan was read from, for formats that read more of it.
    const QSqlDatabase &db;
    // As the workspace names itself, for title pages.
    QString workspaceName;
    const Launch::LaunchPlan &plan;
    const Launch::LaunchContext &context;
    const Launch::Assessment &assessment;
    QDate today;
};

// Writes the whole file or nothing (QSaveFile); error says why not.
using Writer = std::function<bool(const Input &input, const QString &path, QString *error)>;

void add(const QString &format, Writer writer);
// Null when no writer has that name.
const Writer *find(const QString &format);
QStringList formats();

struct Registration
{
    Registration(const QString &format, Writer writer) { add(format, std::move(writer)); }
};

} // namespace PlanExporters
