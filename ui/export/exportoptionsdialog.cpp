#include "exportoptionsdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QVBoxLayout>

namespace {

const QString EverythingKey = QStringLiteral("export/everything");
const QString BomKey = QStringLiteral("export/bom");
const QString NoPersonalKey = QStringLiteral("export/noPersonalData");
const QString PageSizeKey = QStringLiteral("export/pageSize");
const QString LandscapeKey = QStringLiteral("export/landscape");
const QString FitTimelineKey = QStringLiteral("export/planFitTimeline");

bool isCsv(ExportOptionsDialog::Kind kind)
{
    return kind == ExportOptionsDialog::Kind::Csv || kind == ExportOptionsDialog::Kind::PlanCsv;
}

} // namespace

ExportOptionsDialog::ExportOptionsDialog(Kind kind, bool canExportEverything, QWidget *parent)
    : QDialog(parent)
    , m_kind(kind)
{
    const QSettings settings;
    auto *layout = new QVBoxLayout(this);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    if (isCsv(kind)) {
        setWindowTitle(tr("Export to CSV"));
        if (kind == Kind::Csv) {
            auto *rows = new QGroupBox(tr("Rows"), this);
            auto *rowsLayout = new QVBoxLayout(rows);
            m_shown = new QRadioButton(tr("The rows &shown, as filtered and sorted"), rows);
            m_all = new QRadioButton(tr("&Every row of the table"), rows);
            rowsLayout->addWidget(m_shown);
            rowsLayout->addWidget(m_all);
            m_all->setEnabled(canExportEverything);
            const bool all = canExportEverything && settings.value(EverythingKey, false).toBool();
            (all ? m_all : m_shown)->setChecked(true);
            layout->addWidget(rows);
        }
        m_bom = new QCheckBox(tr("Add a &byte-order mark (spreadsheets then read accents right)"),
                              this);
        m_bom->setChecked(settings.value(BomKey, true).toBool());
        m_noPersonal =
            new QCheckBox(tr("Leave out &personal data (names, e-mail addresses)"), this);
        m_noPersonal->setChecked(settings.value(NoPersonalKey, false).toBool());
        layout->addWidget(m_bom);
        layout->addWidget(m_noPersonal);
        buttons->button(QDialogButtonBox::Ok)->setText(tr("&Export…"));
    } else {
        setWindowTitle(tr("Export to PDF"));
        auto *form = new QFormLayout;
        m_size = new QComboBox(this);
        m_size->addItem(tr("A4"), int(QPageSize::A4));
        m_size->addItem(tr("US Letter"), int(QPageSize::Letter));
        m_size->setCurrentIndex(settings.value(PageSizeKey, QStringLiteral("a4")).toString() ==
                                        QLatin1String("letter")
                                    ? 1
                                    : 0);
        m_orientation = new QComboBox(this);
        m_orientation->addItem(tr("Portrait"));
        m_orientation->addItem(tr("Landscape"));
        m_orientation->setCurrentIndex(settings.value(LandscapeKey, false).toBool() ? 1 : 0);
        form->addRow(tr("Page &size:"), m_size);
        form->addRow(tr("&Orientation:"), m_orientation);
        layout->addLayout(form);
        if (kind == Kind::PlanPdf) {
            // A long plan stays legible across pages; one page gives the overview to pin up.
            m_fitTimeline = new QCheckBox(tr("&Fit the timeline on one page"), this);
            m_fitTimeline->setChecked(settings.value(FitTimelineKey, false).toBool());
            layout->addWidget(m_fitTimeline);
        }
        auto *preview = buttons->addButton(tr("Pre&view…"), QDialogButtonBox::ActionRole);
        connect(preview, &QPushButton::clicked, this,
                [this] { Q_EMIT previewRequested(pageSetup()); });
        buttons->button(QDialogButtonBox::Ok)->setText(tr("&Save PDF…"));
    }
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

bool ExportOptionsDialog::everything() const
{
    return m_all && m_all->isChecked();
}

CsvOptions ExportOptionsDialog::csvOptions() const
{
    CsvOptions options;
    options.byteOrderMark = m_bom && m_bom->isChecked();
    options.personalData = !(m_noPersonal && m_noPersonal->isChecked());
    return options;
}

bool ExportOptionsDialog::fitTimelineToOnePage() const
{
    return m_fitTimeline && m_fitTimeline->isChecked();
}

PdfPageSetup ExportOptionsDialog::pageSetup() const
{
    PdfPageSetup setup;
    if (m_size)
        setup.size = QPageSize::PageSizeId(m_size->currentData().toInt());
    if (m_orientation && m_orientation->currentIndex() == 1)
        setup.orientation = QPageLayout::Landscape;
    return setup;
}

void ExportOptionsDialog::accept()
{
    QSettings settings;
    if (isCsv(m_kind)) {
        if (m_all && m_all->isEnabled())
            settings.setValue(EverythingKey, everything());
        settings.setValue(BomKey, m_bom->isChecked());
        settings.setValue(NoPersonalKey, m_noPersonal->isChecked());
    } else {
        settings.setValue(PageSizeKey, PdfPageSetup::sizeName(pageSetup().size));
        settings.setValue(LandscapeKey, m_orientation->currentIndex() == 1);
        if (m_fitTimeline)
            settings.setValue(FitTimelineKey, m_fitTimeline->isChecked());
    }
    QDialog::accept();
}
