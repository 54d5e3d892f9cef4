#pragma once

#include "exportcontrol.h"
#include "pdfpagesetup.h"
#include "tableexport.h"

#include <QDate>
#include <QString>
#include <QStringList>

#include <optional>

class Database;

// One export named the way the command line and the export dialog name it: a workspace
// table (everything in it) or a report, to CSV or PDF. The one entry point both use.
struct ExportRequest
{
    enum class Format { Csv, Pdf };

    QString target; // a table (features, feedback, ...) or a report (adoption, velocity, ...)
    Format format = Format::Csv;
    QString output;
    int days = 90;
    QDate today; // the reports' today; UTC today when invalid
    QString workspaceName;
    CsvOptions csv;
    PdfPageSetup page;

    static std::optional<Format> formatNamed(const QString &name); // csv, pdf
    // Tables and reports, for help texts.
    static QStringList targets();
    // Empty when the request can run; otherwise what is wrong with it, for people.
    QString problem() const;
};

namespace ExportRunner {

// Runs the request on the calling thread (use a worker: large tables take seconds). PDF
// needs a QGuiApplication; without one the result says so instead of failing later.
TableExport::Result run(Database *database, const ExportRequest &request,
                        const ExportControl &control = {});

} // namespace ExportRunner
