#include "printpreview.h"

#include "export/pdfdocument.h"

#include <QPrintPreviewDialog>
#include <QPrinter>

namespace PrintPreview {

int paint(QPrinter *printer, const PdfDocument &document, const PdfPageSetup &setup)
{
    // The layout keeps its own margins; the printer's would shift every page.
    printer->setFullPage(true);
    printer->setDocName(document.title());
    return PdfRenderer::render(document, printer, setup);
}

void show(QWidget *parent, std::shared_ptr<const PdfDocument> document, const PdfPageSetup &setup)
{
    QPrinter printer(QPrinter::HighResolution);
    printer.setPageLayout(setup.pageLayout());
    QPrintPreviewDialog dialog(&printer, parent);
    dialog.setWindowTitle(QObject::tr("Preview: %1").arg(document->title()));
    dialog.resize(900, 1000);
    QObject::connect(&dialog, &QPrintPreviewDialog::paintRequested, &dialog,
                     [document, setup](QPrinter *target) {
                         PdfPageSetup chosen = setup;
                         // The preview's own page buttons change the printer's layout.
                         chosen.orientation = target->pageLayout().orientation();
                         chosen.size = target->pageLayout().pageSize().id();
                         paint(target, *document, chosen);
                     });
    dialog.exec();
}

} // namespace PrintPreview
