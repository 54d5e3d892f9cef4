#include "tableexport.h"

#include "csvwriter.h"
#include "exportsource.h"
#include "reporttablesource.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QSaveFile>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("TableExport", text);
}

constexpr qint64 ProgressEvery = 5000;
constexpr qint64 CancelEvery = 250;

} // namespace

namespace TableExport {

Result writeCsv(QIODevice *device, ExportSource &source, const CsvOptions &options,
                const ExportControl &control)
{
    Result result;
    QString error;
    if (!source.open(&error)) {
        result.error = tr("Cannot read the rows to export: %1").arg(error);
        return result;
    }
    const QList<ExportColumn> columns = source.columns();
    QList<qsizetype> kept;
    QStringList header;
    QList<bool> numeric;
    for (qsizetype c = 0; c < columns.size(); ++c) {
        const ExportColumn &column = columns.at(c);
        if (!options.personalData && column.personal)
            continue;
        kept.append(c);
        header.append(options.header == CsvOptions::Header::Keys ? column.key : column.title);
        numeric.append(column.isNumeric());
    }
    const bool allKept = kept.size() == columns.size();
    const qint64 total = source.rowCount();
    CsvWriter writer(device, options.byteOrderMark);
    writer.writeRecord(header);
    control.report(0, total);
    QStringList cells;
    QStringList shown;
    QByteArrayList utf8;
    QByteArrayList shownUtf8;
    const bool bytes = source.hasUtf8Rows();
    const auto nextRow = [&] {
        if (bytes)
            return source.nextUtf8(&utf8);
        return source.next(&cells);
    };
    while (nextRow()) {
        if (bytes && allKept) {
            writer.writeRecord(utf8, numeric);
        } else if (bytes) {
            shownUtf8.clear();
            for (const qsizetype c : kept)
                shownUtf8.append(utf8.value(c));
            writer.writeRecord(shownUtf8, numeric);
        } else if (allKept) {
            writer.writeRecord(cells, numeric);
        } else {
            shown.clear();
            for (const qsizetype c : kept)
                shown.append(cells.value(c));
            writer.writeRecord(shown, numeric);
        }
        ++result.rows;
        if (result.rows % CancelEvery != 0)
            continue;
        if (control.cancelled()) {
            result.status = Status::Cancelled;
            result.error = tr("The export was cancelled.");
            return result;
        }
        if (writer.failed())
            break;
        if (result.rows % ProgressEvery == 0)
            control.report(result.rows, total);
    }
    if (!source.error().isEmpty()) {
        result.error =
            tr("Reading the rows failed after %1 rows: %2").arg(result.rows).arg(source.error());
        return result;
    }
    if (control.cancelled()) {
        result.status = Status::Cancelled;
        result.error = tr("The export was cancelled.");
        return result;
    }
    if (!writer.flush()) {
        result.error = device->errorString();
        return result;
    }
    control.report(result.rows, result.rows);
    result.status = Status::Done;
    return result;
}

Result writeCsv(const QString &path, ExportSource &source, const CsvOptions &options,
                const ExportControl &control)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        Result result;
        result.error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return result;
    }
    Result result = writeCsv(&file, source, options, control);
    if (!result.ok()) {
        file.cancelWriting();
        if (result.status == Status::Failed && result.error.isEmpty())
            result.error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return result;
    }
    if (!file.commit()) {
        result.status = Status::Failed;
        result.error = tr("Cannot write %1: %2").arg(path, file.errorString());
    }
    return result;
}

QByteArray csv(const ReportTable &table, const CsvOptions &options)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    ReportTableSource source(table);
    writeCsv(&buffer, source, options);
    return bytes;
}

} // namespace TableExport
