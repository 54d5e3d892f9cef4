#pragma once

#include "export/pdfpagesetup.h"
#include "export/tableexport.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QRadioButton;

// The choices of one export before the file is picked: for CSV, the rows shown or the whole
// table, a byte-order mark, personal data left out; for PDF, page size and orientation, and
// for a launch plan whether its timeline is fitted to one page. Remembers the last choices.
class ExportOptionsDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Kind {
        Csv,     // a table: rows shown or every row, byte-order mark, personal data
        Pdf,     // a report: page size and orientation
        PlanCsv, // a launch plan's items: byte-order mark, personal data
        PlanPdf  // a launch plan: page size, orientation, timeline across pages or on one
    };

    // canExportEverything: offer "every row of the table" beside "the rows shown".
    ExportOptionsDialog(Kind kind, bool canExportEverything, QWidget *parent = nullptr);

    bool everything() const;
    CsvOptions csvOptions() const;
    PdfPageSetup pageSetup() const;
    bool fitTimelineToOnePage() const;

    void accept() override;

Q_SIGNALS:
    // PDF only: show the pages before writing them.
    void previewRequested(const PdfPageSetup &setup);

private:
    Kind m_kind;
    QRadioButton *m_shown = nullptr;
    QRadioButton *m_all = nullptr;
    QCheckBox *m_bom = nullptr;
    QCheckBox *m_noPersonal = nullptr;
    QComboBox *m_size = nullptr;
    QComboBox *m_orientation = nullptr;
    QCheckBox *m_fitTimeline = nullptr;
};
