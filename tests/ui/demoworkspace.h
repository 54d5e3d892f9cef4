#pragma once

#include "testworkspace.h"
#include "workspacecontroller.h"

#include <QDate>

#include <memory>

// The page tests' workspace: the small demo, laid out as of a fixed day so that figures do
// not move with the calendar, opened in a controller as the window would open it.
namespace DemoWorkspace {

// Null with error set when generating or opening fails.
std::unique_ptr<WorkspaceController> open(const TestWorkspace &workspace, const QDate &today,
                                          QString *error);

} // namespace DemoWorkspace
