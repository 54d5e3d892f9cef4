#pragma once

#include "exportcontrol.h"

#include <QByteArray>
#include <QString>

class ExportSource;
class QIODevice;
struct ReportTable;

struct CsvOptions
{
    enum class Header { Titles, Keys };
    bool byteOrderMark = false; // so that spreadsheet programs read accents right
    bool personalData = true;   // false: columns that name a person are left out
    Header header = Header::Titles;
};

// Whole exports to CSV: a source's rows streamed through CsvWriter to a file that appears
// only when complete (QSaveFile), so a cancelled or failed export leaves nothing behind.
namespace TableExport {

enum class Status { Done, Cancelled, Failed };

struct Result
{
    Status status = Status::Failed;
    qint64 rows = 0;
    QString error; // names the file or the source that failed
    bool ok() const { return status == Status::Done; }
};

Result writeCsv(const QString &path, ExportSource &source, const CsvOptions &options,
                const ExportControl &control = {});
// The same to an open device, for callers that own the file.
Result writeCsv(QIODevice *device, ExportSource &source, const CsvOptions &options,
                const ExportControl &control = {});
// A computed report as CSV in memory (report keys as headers by default).
QByteArray csv(const ReportTable &table, const CsvOptions &options);

} // namespace TableExport
