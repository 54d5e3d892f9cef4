#include "workspaceopener.h"

#include "clioutput.h"

namespace WorkspaceOpener {

std::unique_ptr<Database> open(const QString &workspaceOption, CliOutput &output, bool create)
{
    const Workspace workspace = Workspace::resolve(workspaceOption);
    Database::Options options;
    options.create = create;
    Database::OpenResult result = Database::open(workspace, options);
    if (!result.database)
        output.fail(result.message, 1);
    return std::move(result.database);
}

} // namespace WorkspaceOpener
