#include "demoworkspace.h"

#include "demo/demogenerator.h"

namespace DemoWorkspace {

std::unique_ptr<WorkspaceController> open(const TestWorkspace &workspace, const QDate &today,
                                          QString *error)
{
    {
        const std::unique_ptr<Database> db = workspace.open();
        if (!db) {
            *error = QStringLiteral("the workspace did not open");
            return nullptr;
        }
        DemoGenerator::Options options;
        options.scale = DemoGenerator::Scale::Small;
        options.today = today;
        QSqlDatabase connection = db->connection();
        if (!DemoGenerator(options).generate(connection, error))
            return nullptr;
    }
    auto controller = std::make_unique<WorkspaceController>();
    if (!controller->open(workspace.folder(), error))
        return nullptr;
    return controller;
}

} // namespace DemoWorkspace
