#pragma once

#include "export/pdfpagesetup.h"

#include <memory>

class PdfDocument;
class QPrinter;
class QWidget;

// Shows a document in Qt's print preview, painted by the same layout as its PDF, so that the
// pages seen are the pages saved or printed.
namespace PrintPreview {

void show(QWidget *parent, std::shared_ptr<const PdfDocument> document, const PdfPageSetup &setup);
// Paints the document on a printer the way the preview does; returns the pages painted.
int paint(QPrinter *printer, const PdfDocument &document, const PdfPageSetup &setup);

} // namespace PrintPreview
