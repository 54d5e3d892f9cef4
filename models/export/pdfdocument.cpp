#include "pdfdocument.h"

#include "pdflayout.h"

#include <QCoreApplication>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>

QDateTime PdfDocument::exportedAt() const
{
    return m_exportedAt.isValid() ? m_exportedAt : QDateTime::currentDateTimeUtc();
}

QString PdfDocument::footer() const
{
    return QCoreApplication::translate("PdfDocument", "%1 · exported %2 UTC")
        .arg(title(), exportedAt().toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
}

namespace PdfRenderer {

int pageCount(const PdfDocument &document, QPagedPaintDevice *device, const PdfPageSetup &setup)
{
    device->setPageLayout(setup.pageLayout());
    PdfLayout measure(device, nullptr, setup, document.title(), document.footer(), 0);
    document.layOut(measure);
    return measure.pageCount();
}

int render(const PdfDocument &document, QPagedPaintDevice *device, const PdfPageSetup &setup)
{
    const int pages = pageCount(document, device, setup);
    QPainter painter;
    if (!painter.begin(device))
        return 0;
    painter.setRenderHint(QPainter::Antialiasing);
    PdfLayout layout(device, &painter, setup, document.title(), document.footer(), pages);
    document.layOut(layout);
    layout.finish();
    painter.end();
    return layout.pageCount();
}

bool write(const PdfDocument &document, const QString &path, const PdfPageSetup &setup,
           QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = QCoreApplication::translate("PdfRenderer", "Cannot write %1: %2")
                     .arg(path, file.errorString());
        return false;
    }
    {
        QPdfWriter writer(&file);
        writer.setResolution(720);
        writer.setTitle(document.title());
        writer.setCreator(QStringLiteral("Product Integration Hub"));
        if (render(document, &writer, setup) == 0) {
            file.cancelWriting();
            *error = QCoreApplication::translate("PdfRenderer", "Cannot write %1: %2")
                         .arg(path, QCoreApplication::translate("PdfRenderer",
                                                                "the PDF could not be started"));
            return false;
        }
    }
    if (!file.commit()) {
        *error = QCoreApplication::translate("PdfRenderer", "Cannot write %1: %2")
                     .arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace PdfRenderer
