#include "adoptionpage.h"
#include "database.h"
#include "demoworkspace.h"
#include "export/pdfdocument.h"
#include "export/pdflayout.h"
#include "export/reporttablepdf.h"
#include "export/reporttablesource.h"
#include "exportoptionsdialog.h"
#include "exporttask.h"
#include "launch/planstore.h"
#include "launchplanspage.h"
#include "printpreview.h"
#include "reports/reportspage.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QPrinter>
#include <QProcess>
#include <QProgressDialog>
#include <QRadioButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

namespace {

// Rows without end, to be stopped by a cancel.
class EndlessSource : public ExportSource
{
public:
    QList<ExportColumn> columns() const override
    {
        return {{QStringLiteral("n"), QStringLiteral("N"), ExportColumn::Kind::Integer, false}};
    }
    bool open(QString *) override { return true; }
    bool next(QStringList *cells) override
    {
        *cells = {QString::number(++m_row)};
        return true;
    }

private:
    qint64 m_row = 0;
};

ReportTable bigReport(int rows)
{
    ReportTable table;
    table.title = QStringLiteral("Feature adoption");
    table.columns = {
        {QStringLiteral("feature"), QStringLiteral("Feature"), ReportColumn::Kind::Text},
        {QStringLiteral("users"), QStringLiteral("Users"), ReportColumn::Kind::Integer}};
    for (int r = 0; r < rows; ++r)
        table.rows.append({QStringLiteral("Feature %1").arg(r), qint64(r * 13)});
    return table;
}

int pdfPages(const QString &path)
{
    QProcess info;
    info.start(QStringLiteral("pdfinfo"), {path});
    info.waitForFinished(30000);
    const QRegularExpressionMatch match =
        QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)"))
            .match(QString::fromUtf8(info.readAllStandardOutput()));
    return match.hasMatch() ? match.captured(1).toInt() : -1;
}

QAction *actionWithShortcut(QWidget *page, const QKeySequence &key)
{
    for (QAction *action : page->actions()) {
        if (action->shortcut() == key)
            return action;
    }
    return nullptr;
}

} // namespace

class TestExportUi : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void optionsAreRemembered();
    void taskWritesTheFileOffTheUiThread();
    void cancelledTaskLeavesNoFile();
    void previewPaintsThePdfsPages_data();
    void previewPaintsThePdfsPages();
    void pagesOfferExportsWithShortcuts();
    void planOptionsAreRemembered();
    void plansPageSharesTheStoredPlan();

private:
    QTemporaryDir m_out;
    std::unique_ptr<TestWorkspace> m_workspace;
    std::unique_ptr<WorkspaceController> m_controller;
};

void TestExportUi::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("ProductHubTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_exportui"));
    QSettings().clear();
    QVERIFY(m_out.isValid());
    m_workspace = std::make_unique<TestWorkspace>();
    QString error;
    m_controller = DemoWorkspace::open(*m_workspace, QDate(2026, 6, 15), &error);
    QVERIFY2(m_controller, qPrintable(error));
}

void TestExportUi::optionsAreRemembered()
{
    {
        ExportOptionsDialog csv(ExportOptionsDialog::Kind::Csv, true);
        QVERIFY(!csv.everything());
        csv.findChildren<QRadioButton *>().at(1)->setChecked(true);
        for (QCheckBox *box : csv.findChildren<QCheckBox *>())
            box->setChecked(!box->isChecked());
        csv.accept();
    }
    ExportOptionsDialog again(ExportOptionsDialog::Kind::Csv, true);
    QVERIFY(again.everything());
    QVERIFY(!again.csvOptions().personalData);
    // Without a whole table to export, only the rows shown can be chosen.
    ExportOptionsDialog shownOnly(ExportOptionsDialog::Kind::Csv, false);
    QVERIFY(!shownOnly.everything());

    {
        ExportOptionsDialog pdf(ExportOptionsDialog::Kind::Pdf, false);
        QCOMPARE(pdf.pageSetup().size, QPageSize::A4);
        const QList<QComboBox *> boxes = pdf.findChildren<QComboBox *>();
        QCOMPARE(boxes.size(), 2);
        boxes.at(0)->setCurrentIndex(1);
        boxes.at(1)->setCurrentIndex(1);
        pdf.accept();
    }
    ExportOptionsDialog pdf(ExportOptionsDialog::Kind::Pdf, false);
    QCOMPARE(pdf.pageSetup().size, QPageSize::Letter);
    QCOMPARE(pdf.pageSetup().orientation, QPageLayout::Landscape);
}

void TestExportUi::taskWritesTheFileOffTheUiThread()
{
    QWidget parent;
    const QString path = m_out.filePath(QStringLiteral("task.csv"));
    auto *task = new ExportTask(&parent, QStringLiteral("Exporting"), path);
    QSignalSpy finished(task, &ExportTask::finished);
    QThread *const ui = QThread::currentThread();
    bool offThread = false;
    task->start([&](const ExportControl &control) {
        offThread = QThread::currentThread() != ui;
        ReportTableSource source(bigReport(50));
        return TableExport::writeCsv(path, source, CsvOptions(), control);
    });
    QVERIFY(finished.wait(30000));
    QVERIFY(offThread);
    const auto result = finished.first().first().value<TableExport::Result>();
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.rows, 50);
    QVERIFY(QFile::exists(path));
}

void TestExportUi::cancelledTaskLeavesNoFile()
{
    QWidget parent;
    const QString path = m_out.filePath(QStringLiteral("cancelled.csv"));
    auto *task = new ExportTask(&parent, QStringLiteral("Exporting"), path);
    QSignalSpy finished(task, &ExportTask::finished);
    task->start([path](const ExportControl &control) {
        EndlessSource source;
        return TableExport::writeCsv(path, source, CsvOptions(), control);
    });
    QTest::qWait(200);
    QVERIFY(task->isRunning());
    // As the progress dialog's Cancel button does.
    Q_EMIT task->progressDialog()->canceled();
    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.first().first().value<TableExport::Result>().status,
             TableExport::Status::Cancelled);
    QVERIFY(!QFile::exists(path));
}

void TestExportUi::previewPaintsThePdfsPages_data()
{
    QTest::addColumn<bool>("landscape");
    QTest::newRow("portrait") << false;
    QTest::newRow("landscape") << true;
}

void TestExportUi::previewPaintsThePdfsPages()
{
    QFETCH(bool, landscape);
    const ReportTablePdf document(bigReport(150), QStringLiteral("Preview"), QString());
    PdfPageSetup setup;
    setup.orientation = landscape ? QPageLayout::Landscape : QPageLayout::Portrait;
    const QString saved = m_out.filePath(QStringLiteral("saved-%1.pdf").arg(landscape));
    QString error;
    QVERIFY2(PdfRenderer::write(document, saved, setup, &error), qPrintable(error));

    // The preview paints on a printer; printed to a file, it must be the same pages.
    const QString printed = m_out.filePath(QStringLiteral("printed-%1.pdf").arg(landscape));
    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    printer.setOutputFileName(printed);
    const int painted = PrintPreview::paint(&printer, document, setup);
    QVERIFY(painted > 2);
    QCOMPARE(pdfPages(printed), painted);
    QCOMPARE(pdfPages(saved), painted);
    QCOMPARE(printer.pageLayout().orientation(), setup.orientation);
}

void TestExportUi::pagesOfferExportsWithShortcuts()
{
    AdoptionPage adoption(m_controller.get());
    QVERIFY(actionWithShortcut(&adoption, QKeySequence(Qt::CTRL | Qt::Key_E)));
    QVERIFY(actionWithShortcut(&adoption, QKeySequence::Print));
    ReportsPage reports(m_controller.get());
    QVERIFY(actionWithShortcut(&reports, QKeySequence(Qt::CTRL | Qt::Key_E)));
    QVERIFY(actionWithShortcut(&reports, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E)));
    QVERIFY(actionWithShortcut(&reports, QKeySequence::Print));
}

void TestExportUi::planOptionsAreRemembered()
{
    {
        ExportOptionsDialog plan(ExportOptionsDialog::Kind::PlanPdf, false);
        QVERIFY(!plan.fitTimelineToOnePage());
        const QList<QCheckBox *> boxes = plan.findChildren<QCheckBox *>();
        QCOMPARE(boxes.size(), 1);
        boxes.first()->setChecked(true);
        plan.accept();
    }
    QVERIFY(ExportOptionsDialog(ExportOptionsDialog::Kind::PlanPdf, false).fitTimelineToOnePage());
    // Reports have no timeline to fit.
    QVERIFY(ExportOptionsDialog(ExportOptionsDialog::Kind::Pdf, false)
                .findChildren<QCheckBox *>()
                .isEmpty());
    // A plan's items are all exported: no choice of rows, but the CSV choices remain.
    const ExportOptionsDialog csv(ExportOptionsDialog::Kind::PlanCsv, false);
    QVERIFY(csv.findChildren<QRadioButton *>().isEmpty());
    QCOMPARE(csv.findChildren<QCheckBox *>().size(), 2);
}

void TestExportUi::plansPageSharesTheStoredPlan()
{
    LaunchPlansPage page(m_controller.get());
    page.setToday(QDate(2026, 6, 15));
    page.resize(1200, 700);
    page.show();
    QTRY_VERIFY(page.currentPlanId() != 0);
    QAction *pdf = actionWithShortcut(&page, QKeySequence(Qt::CTRL | Qt::Key_E));
    QAction *csv = actionWithShortcut(&page, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    QVERIFY(pdf && csv && actionWithShortcut(&page, QKeySequence::Print));
    QTRY_VERIFY(pdf->isEnabled() && csv->isEnabled());

    QString error;
    const std::optional<Launch::LaunchPlan> plan =
        Launch::PlanStore(m_controller->database()->connection())
            .load(page.currentPlanId(), &error);
    QVERIFY2(plan, qPrintable(error));
    QVERIFY(plan->items.size() > 3);

    // Through the options and the file dialog, as a user would, to a CSV of the plan's items.
    // The file dialog is accepted with the name it suggests: typing another one into a
    // dialog whose folder is still being read is not reliable.
    QString path;
    bool optionsSeen = false;
    QTimer driver;
    connect(&driver, &QTimer::timeout, this, [&] {
        QWidget *modal = QApplication::activeModalWidget();
        if (auto *options = qobject_cast<ExportOptionsDialog *>(modal)) {
            optionsSeen = true;
            options->accept();
        } else if (auto *files = qobject_cast<QFileDialog *>(modal)) {
            path = files->selectedFiles().value(0);
            // accept() is protected in QFileDialog; it is a slot, as a user's click would call it.
            QMetaObject::invokeMethod(files, "accept");
        }
    });
    QSettings().setValue(QStringLiteral("export/folder"), m_out.path());
    driver.start(20);
    csv->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!path.isEmpty() && QFile::exists(path), 20000);
    driver.stop();
    QVERIFY(optionsSeen);
    // Named after the plan, in the folder last exported to.
    QCOMPARE(QFileInfo(path).absolutePath(), QFileInfo(m_out.path()).absoluteFilePath());
    QCOMPARE(QFileInfo(path).fileName(),
             plan->name.toLower().replace(QLatin1Char(' '), QLatin1Char('-')) +
                 QStringLiteral(".csv"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(file.readAll());
    QVERIFY2(text.contains(QStringLiteral("Kind")) && text.contains(QStringLiteral("Depends on")),
             qPrintable(text.left(200)));
    // One line per item of the plan shown (names hold no line breaks), after the header.
    QCOMPARE(text.trimmed().count(QLatin1Char('\n')), plan->items.size());
    for (const Launch::PlanItem &item : plan->items)
        QVERIFY2(text.contains(item.name), qPrintable(item.name));
}

QTEST_MAIN(TestExportUi)
#include "tst_exportui.moc"
