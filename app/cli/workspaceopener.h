#pragma once

#include "database.h"

class CliOutput;

// Opens the workspace named on the command line, reporting failures the same way everywhere.
namespace WorkspaceOpener {

// Returns null after writing the reason to stderr.
std::unique_ptr<Database> open(const QString &workspaceOption, CliOutput &output, bool create);

} // namespace WorkspaceOpener
