#include "plansexporters.h"

#include "export/planexport.h"

// CSV of the plan's items and the stakeholder PDF, written by the export layer.
namespace {

bool writePlan(ExportRequest::Format format, const PlanExporters::Input &input, const QString &path,
               QString *error)
{
    PlanExport::Options options;
    options.today = input.today;
    options.workspace = input.workspaceName;
    return PlanExport::write(input.db, input.plan.id, format, path, options, error);
}

const PlanExporters::Registration csv(QStringLiteral("csv"), [](const PlanExporters::Input &input,
                                                                const QString &path,
                                                                QString *error) {
    return writePlan(ExportRequest::Format::Csv, input, path, error);
});
const PlanExporters::Registration pdf(QStringLiteral("pdf"), [](const PlanExporters::Input &input,
                                                                const QString &path,
                                                                QString *error) {
    return writePlan(ExportRequest::Format::Pdf, input, path, error);
});

} // namespace
