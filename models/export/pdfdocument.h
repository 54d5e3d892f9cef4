#pragma once

#include "pdfpagesetup.h"

#include <QDateTime>
#include <QString>

class PdfLayout;
class QPagedPaintDevice;

// A document laid out by PdfLayout. Holds its data already read, so that laying it out
// (twice: to count pages, then to paint) touches no database.
class PdfDocument
{
public:
    virtual ~PdfDocument() = default;
    virtual QString title() const = 0;
    virtual void layOut(PdfLayout &layout) const = 0;

    // When the data was read, for the footer; now unless set.
    void setExportedAt(const QDateTime &when) { m_exportedAt = when; }
    QDateTime exportedAt() const;
    QString footer() const;

private:
    QDateTime m_exportedAt;
};

// Paints documents on any paged device: a PDF file, or the printer of a print preview, so
// that the preview shows the PDF's very pages.
namespace PdfRenderer {

// The device's page layout is set from setup. Returns the number of pages.
int render(const PdfDocument &document, QPagedPaintDevice *device, const PdfPageSetup &setup);
// Pages the document takes with this setup, without painting.
int pageCount(const PdfDocument &document, QPagedPaintDevice *device, const PdfPageSetup &setup);
// Writes a PDF file, all or nothing. error names the file and the cause.
bool write(const PdfDocument &document, const QString &path, const PdfPageSetup &setup,
           QString *error);

} // namespace PdfRenderer
