#include "demo/demogenerator.h"
#include "export/adoptionreportpdf.h"
#include "export/feedbackdigestpdf.h"
#include "export/launchplanpdf.h"
#include "export/pdfdocument.h"
#include "export/pdflayout.h"
#include "export/planexport.h"
#include "export/reporttablepdf.h"
#include "launch/planstore.h"
#include "metrics/reports.h"
#include "testworkspace.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QPdfWriter>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Tool
{
    int code = -1;
    QString out;
};

Tool runTool(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(60000))
        return {};
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput())};
}

// Words run together so that line breaks and column gaps in pdftotext output do not matter.
QString squeezed(const QString &text)
{
    QString out = text;
    out.remove(QRegularExpression(QStringLiteral("\\s+")));
    return out;
}

int pdfPages(const QString &path)
{
    const Tool info = runTool(QStringLiteral("pdfinfo"), {path});
    const QRegularExpressionMatch match =
        QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(info.out);
    return match.hasMatch() ? match.captured(1).toInt() : -1;
}

QString pageText(const QString &path, int page)
{
    return runTool(QStringLiteral("pdftotext"),
                   {QStringLiteral("-layout"), QStringLiteral("-f"), QString::number(page),
                    QStringLiteral("-l"), QString::number(page), path, QStringLiteral("-")})
        .out;
}

QString allText(const QString &path)
{
    return runTool(QStringLiteral("pdftotext"),
                   {QStringLiteral("-layout"), path, QStringLiteral("-")})
        .out;
}

// A document made only of one long table, to see it split across pages.
class LongTable : public PdfDocument
{
public:
    explicit LongTable(int rows)
        : m_rows(rows)
    {
    }
    QString title() const override { return QStringLiteral("Long table"); }
    void layOut(PdfLayout &layout) const override
    {
        layout.heading(QStringLiteral("Every row"));
        PdfTable table;
        table.columns = {{QStringLiteral("Row label"), Qt::AlignLeft},
                         {QStringLiteral("Description of the row"), Qt::AlignLeft},
                         {QStringLiteral("Amount"), Qt::AlignRight}};
        for (int r = 0; r < m_rows; ++r)
            table.rows.append({QStringLiteral("row-%1").arg(r, 4, 10, QLatin1Char('0')),
                               r % 7 == 0 ? QStringLiteral("A longer description that wraps onto "
                                                           "more than one line in its cell, so "
                                                           "that rows differ in height: %1")
                                                .arg(r)
                                          : QStringLiteral("Short"),
                               QString::number(r * 1000)});
        layout.table(table);
    }

private:
    int m_rows;
};

} // namespace

class TestPdfExport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void adoptionReportHasItsTitlesAndFigures();
    void pageSizesAndOrientation_data();
    void pageSizesAndOrientation();
    void fontsAreEmbedded();
    void firstPageRenders();
    void tablesRepeatTheirHeaderOnEveryPage();
    void nothingCrossesTheMargins();
    void feedbackDigestGroupsByFeature();
    void digestHoldsTheWholeViewOrSaysHowMuch();
    void emptyDataSaysSo();
    void failedWriteLeavesNoFile();
    void launchPlanWithItsAssessment();
    void longTimelineSpansPagesOrFitsOnOne();
    void launchPlanAsCsv();

private:
    QString write(const PdfDocument &document, const QString &name,
                  const PdfPageSetup &setup = PdfPageSetup());

    TestWorkspace m_workspace;
    TestWorkspace m_emptyWorkspace;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<Database> m_emptyDb;
    QTemporaryDir m_out;
    const QDate m_today{2026, 6, 15};
    QString m_adoption;
};

QString TestPdfExport::write(const PdfDocument &document, const QString &name,
                             const PdfPageSetup &setup)
{
    const QString path = m_out.filePath(name);
    QString error;
    if (!PdfRenderer::write(document, path, setup, &error)) {
        qWarning("%s", qPrintable(error));
        return QString();
    }
    return path;
}

void TestPdfExport::initTestCase()
{
    for (const char *tool : {"pdftotext", "pdfinfo", "pdffonts", "pdftoppm"})
        QVERIFY2(!QStandardPaths::findExecutable(QString::fromLatin1(tool)).isEmpty(), tool);
    m_db = m_workspace.open();
    m_emptyDb = m_emptyWorkspace.open();
    QVERIFY(m_db && m_emptyDb);
    DemoGenerator::Options options;
    options.today = m_today;
    QSqlDatabase db = m_db->connection();
    QString error;
    QVERIFY2(DemoGenerator(options).generate(db, &error), qPrintable(error));

    const std::optional<AdoptionReportData> data =
        AdoptionReportData::load(*m_db, QStringLiteral("Northwind Product"),
                                 ReportWindow::lastDays(90, m_today), m_today, &error);
    QVERIFY2(data, qPrintable(error));
    m_adoption = write(AdoptionReportPdf(*data), QStringLiteral("adoption.pdf"));
    QVERIFY(!m_adoption.isEmpty());
}

void TestPdfExport::adoptionReportHasItsTitlesAndFigures()
{
    const QString text = allText(m_adoption);
    const QString flat = squeezed(text);
    for (const char *title : {"ADOPTION REPORT", "Northwind Product", "At a glance",
                              "Adoption curves", "Feature adoption", "Return on feature adoption",
                              "Satisfaction", "Development velocity", "Market validation"})
        QVERIFY2(text.contains(QLatin1String(title)), title);
    const ReportWindow window = ReportWindow::lastDays(90, m_today);
    QVERIFY(flat.contains(squeezed(window.label())));

    // Every feature of the ROI and adoption tables, with its figures on its row.
    QString error;
    const std::optional<ReportTable> roi =
        Reports::adoptionRoi(m_db->connection(), window, m_today, &error);
    QVERIFY2(roi, qPrintable(error));
    QVERIFY(!roi->rows.isEmpty());
    for (int r = 0; r < roi->rows.size(); ++r) {
        // Names may wrap in their cell; the figures stay on the row's first line.
        QVERIFY(flat.contains(squeezed(roi->value(r, QStringLiteral("feature")).toString())));
        const QString row =
            squeezed(roi->value(r, QStringLiteral("release_date")).toString() +
                     AdoptionReportPdf::integer(roi->value(r, QStringLiteral("active_users"))) +
                     AdoptionReportPdf::percent(roi->value(r, QStringLiteral("adoption_rate"))));
        QVERIFY2(flat.contains(row), qPrintable(row));
        QVERIFY(flat.contains(AdoptionReportPdf::money(roi->value(r, QStringLiteral("revenue")))));
    }
    const std::optional<ReportTable> adoption =
        Reports::adoption(m_db->connection(), window, m_today, &error);
    QVERIFY2(adoption, qPrintable(error));
    for (int r = 0; r < adoption->rows.size(); ++r)
        QVERIFY(text.contains(adoption->value(r, QStringLiteral("feature")).toString()));

    const int pages = pdfPages(m_adoption);
    QVERIFY(pages >= 3);
    QVERIFY2(text.contains(QStringLiteral("Page %1 of %1").arg(pages)),
             qPrintable(text.right(300)));
    QVERIFY(text.contains(QStringLiteral("exported ")));
}

void TestPdfExport::pageSizesAndOrientation_data()
{
    QTest::addColumn<int>("size");
    QTest::addColumn<bool>("landscape");
    QTest::addColumn<QString>("expected");
    QTest::newRow("a4 portrait") << int(QPageSize::A4) << false
                                 << QStringLiteral("595 x 842 pts (A4)");
    QTest::newRow("a4 landscape") << int(QPageSize::A4) << true
                                  << QStringLiteral("842 x 595 pts (A4)");
    QTest::newRow("letter portrait")
        << int(QPageSize::Letter) << false << QStringLiteral("612 x 792 pts (letter)");
    QTest::newRow("letter landscape")
        << int(QPageSize::Letter) << true << QStringLiteral("792 x 612 pts (letter)");
}

void TestPdfExport::pageSizesAndOrientation()
{
    QFETCH(int, size);
    QFETCH(bool, landscape);
    QFETCH(QString, expected);
    PdfPageSetup setup;
    setup.size = QPageSize::PageSizeId(size);
    setup.orientation = landscape ? QPageLayout::Landscape : QPageLayout::Portrait;
    const LongTable document(120);
    const QString path =
        write(document, QStringLiteral("size-%1-%2.pdf").arg(size).arg(landscape), setup);
    QVERIFY(!path.isEmpty());
    const Tool info = runTool(QStringLiteral("pdfinfo"), {path});
    QCOMPARE(info.code, 0);
    QVERIFY2(info.out.contains(expected), qPrintable(info.out));
    // The page count the layout promised is the one in the file, and in every footer.
    QBuffer buffer;
    QVERIFY(buffer.open(QIODevice::WriteOnly));
    QPdfWriter measuring(&buffer);
    measuring.setResolution(720);
    QCOMPARE(pdfPages(path), PdfRenderer::pageCount(document, &measuring, setup));
}

void TestPdfExport::fontsAreEmbedded()
{
    const Tool fonts = runTool(QStringLiteral("pdffonts"), {m_adoption});
    QCOMPARE(fonts.code, 0);
    const QStringList lines = fonts.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts).mid(2);
    QVERIFY(!lines.isEmpty());
    for (const QString &line : lines) {
        // name type encoding emb sub uni object ID
        const QStringList fields = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        QVERIFY2(fields.size() >= 7, qPrintable(line));
        QCOMPARE(fields.at(fields.size() - 5), QStringLiteral("yes"));
    }
}

void TestPdfExport::firstPageRenders()
{
    const QString prefix = m_out.filePath(QStringLiteral("first"));
    const Tool render = runTool(QStringLiteral("pdftoppm"),
                                {QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("50"),
                                 QStringLiteral("-f"), QStringLiteral("1"), QStringLiteral("-l"),
                                 QStringLiteral("1"), m_adoption, prefix});
    QCOMPARE(render.code, 0);
    const QStringList images =
        QDir(m_out.path()).entryList({QStringLiteral("first*.png")}, QDir::Files);
    QCOMPARE(images.size(), 1);
    const QImage image(m_out.filePath(images.first()));
    QVERIFY(!image.isNull());
    QVERIFY(image.width() > 300 && image.height() > 400);
}

void TestPdfExport::tablesRepeatTheirHeaderOnEveryPage()
{
    const LongTable document(400);
    const QString path = write(document, QStringLiteral("long.pdf"));
    QVERIFY(!path.isEmpty());
    const int pages = pdfPages(path);
    QVERIFY2(pages >= 5, qPrintable(QString::number(pages)));
    int rowsSeen = 0;
    for (int page = 1; page <= pages; ++page) {
        const QString text = pageText(path, page);
        // The header's titles may wrap onto two lines.
        QVERIFY2(squeezed(text).contains(QStringLiteral("Rowlabel")),
                 qPrintable(QString::number(page)));
        QVERIFY(text.contains(QStringLiteral("Amount")));
        QVERIFY(text.contains(QStringLiteral("Page %1 of %2").arg(page).arg(pages)));
        rowsSeen += int(text.count(QRegularExpression(QStringLiteral("row-\\d{4}"))));
    }
    QCOMPARE(rowsSeen, 400); // each row once: none lost or repeated at a page break
    const QString flat = squeezed(allText(path));
    QVERIFY(flat.contains(QStringLiteral("row-0398Short398000")));
}

void TestPdfExport::nothingCrossesTheMargins()
{
    // Every word's box lies inside the page with room to spare (at least 10 mm).
    const QString html = m_out.filePath(QStringLiteral("boxes.html"));
    QCOMPARE(runTool(QStringLiteral("pdftotext"), {QStringLiteral("-bbox"), m_adoption, html}).code,
             0);
    QFile file(html);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString boxes = QString::fromUtf8(file.readAll());
    const QRegularExpression page(QStringLiteral("<page width=\"([\\d.]+)\" height=\"([\\d.]+)\""));
    const QRegularExpressionMatch size = page.match(boxes);
    QVERIFY(size.hasMatch());
    const double width = size.captured(1).toDouble();
    const double height = size.captured(2).toDouble();
    const double margin = 10 / 25.4 * 72;
    const QRegularExpression word(QStringLiteral(
        "<word xMin=\"([\\d.]+)\" yMin=\"([\\d.]+)\" xMax=\"([\\d.]+)\" yMax=\"([\\d.]+)\""));
    int words = 0;
    for (auto it = word.globalMatch(boxes); it.hasNext(); ++words) {
        const QRegularExpressionMatch m = it.next();
        QVERIFY2(m.captured(1).toDouble() >= margin && m.captured(3).toDouble() <= width - margin &&
                     m.captured(2).toDouble() >= margin &&
                     m.captured(4).toDouble() <= height - margin,
                 qPrintable(m.captured(0)));
    }
    QVERIFY(words > 200);
}

void TestPdfExport::feedbackDigestGroupsByFeature()
{
    QString error;
    const FeedbackQuery query{FeedbackFilter()};
    const std::optional<FeedbackDigestData> data = FeedbackDigestData::load(
        m_db->connection(), QStringLiteral("Northwind Product"), query, &error, 60);
    QVERIFY2(data, qPrintable(error));
    QVERIFY(data->total > 0);
    QCOMPARE(data->shown, qMin<qint64>(60, data->total));
    QVERIFY(!data->groups.isEmpty());
    const QString path = write(FeedbackDigestPdf(*data), QStringLiteral("digest.pdf"));
    QVERIFY(!path.isEmpty());
    const QString text = allText(path);
    QVERIFY(text.contains(QStringLiteral("FEEDBACK DIGEST")));
    QVERIFY(text.contains(QStringLiteral("All feedback")));
    const QString flat = squeezed(text);
    for (const FeedbackDigestData::Group &group : data->groups) {
        QVERIFY2(text.contains(group.feature), qPrintable(group.feature));
        // A title may wrap in its cell beside other columns: its start is on one line.
        for (const FeedbackRow &row : group.items)
            QVERIFY2(flat.contains(squeezed(row.title).left(12)), qPrintable(row.title));
    }
    QVERIFY(!text.contains(FeedbackDigestPdf::noFeedbackText()));
}

void TestPdfExport::digestHoldsTheWholeViewOrSaysHowMuch()
{
    QString error;
    const FeedbackQuery query{FeedbackFilter()};
    const std::optional<FeedbackDigestData> whole = FeedbackDigestData::load(
        m_db->connection(), QStringLiteral("Northwind Product"), query, &error);
    QVERIFY2(whole, qPrintable(error));
    QVERIFY2(whole->total > 500, "the demo view is larger than a single read window");
    QCOMPARE(whole->shown, whole->total);
    qsizetype unlinked = 0;
    for (const FeedbackDigestData::Group &group : whole->groups)
        unlinked += group.feature.isEmpty() ? group.items.size() : 0;
    QVERIFY(unlinked < whole->total);

    // A capped digest says how much of the view it holds.
    const std::optional<FeedbackDigestData> capped = FeedbackDigestData::load(
        m_db->connection(), QStringLiteral("Northwind Product"), query, &error, 25);
    QVERIFY2(capped, qPrintable(error));
    QCOMPARE(capped->shown, 25);
    const QString text =
        squeezed(allText(write(FeedbackDigestPdf(*capped), QStringLiteral("capped.pdf"))));
    QVERIFY2(text.contains(squeezed(
                 QStringLiteral("25 of %1").arg(QLocale(QLocale::English).toString(whole->total)))),
             qPrintable(text.left(400)));
}

void TestPdfExport::emptyDataSaysSo()
{
    QString error;
    FeedbackFilter filter;
    filter.text = QStringLiteral("qqzzxxnothingmatches");
    const std::optional<FeedbackDigestData> digest = FeedbackDigestData::load(
        m_db->connection(), QStringLiteral("Northwind Product"), FeedbackQuery(filter), &error);
    QVERIFY2(digest, qPrintable(error));
    QCOMPARE(digest->total, 0);
    const QString digestPath =
        write(FeedbackDigestPdf(*digest), QStringLiteral("empty-digest.pdf"));
    QVERIFY(squeezed(allText(digestPath)).contains(squeezed(FeedbackDigestPdf::noFeedbackText())));
    QCOMPARE(pdfPages(digestPath), 2);

    const std::optional<AdoptionReportData> adoption = AdoptionReportData::load(
        *m_emptyDb, QStringLiteral("Empty"), ReportWindow::lastDays(30, m_today), m_today, &error);
    QVERIFY2(adoption, qPrintable(error));
    const QString adoptionPath = write(AdoptionReportPdf(*adoption), QStringLiteral("empty.pdf"));
    const QString text = squeezed(allText(adoptionPath));
    for (const char *message :
         {"No feature usage in this window.", "No feature was released in this window.",
          "No work items were resolved in this window.", "no adoption curves to show"})
        QVERIFY2(text.contains(squeezed(QString::fromUtf8(message))), message);

    ReportTable table;
    table.title = QStringLiteral("Nothing here");
    table.columns = {{QStringLiteral("a"), QStringLiteral("A"), ReportColumn::Kind::Text}};
    const QString reportPath =
        write(ReportTablePdf(table, QStringLiteral("Empty"), QString()), QStringLiteral("r.pdf"));
    QVERIFY(squeezed(allText(reportPath)).contains(QStringLiteral("Thisreporthasnorows")));
}

void TestPdfExport::failedWriteLeavesNoFile()
{
    const QString path = m_out.filePath(QStringLiteral("no-folder/report.pdf"));
    QString error;
    QVERIFY(!PdfRenderer::write(LongTable(3), path, PdfPageSetup(), &error));
    QVERIFY2(error.contains(path), qPrintable(error));
    QVERIFY(!QFile::exists(path));
}

void TestPdfExport::launchPlanWithItsAssessment()
{
    QString error;
    const QList<Launch::PlanSummary> plans = Launch::PlanStore(m_db->connection()).list(&error);
    QVERIFY2(!plans.isEmpty(), qPrintable(error));
    PlanExport::Options options;
    options.workspace = QStringLiteral("Northwind Product");
    options.today = m_today;
    const QString path = m_out.filePath(QStringLiteral("plan.pdf"));
    QVERIFY2(PlanExport::write(m_db->connection(), plans.first().id, ExportRequest::Format::Pdf,
                               path, options, &error),
             qPrintable(error));
    const std::optional<LaunchPlanData> data = LaunchPlanData::load(
        m_db->connection(), plans.first().id, options.workspace, m_today, &error);
    QVERIFY2(data, qPrintable(error));
    const QString text = allText(path);
    const QString flat = squeezed(text);
    for (const char *title :
         {"LAUNCH PLAN", "Status", "Timeline", "Findings", "Recommendations", "Success metrics"})
        QVERIFY2(text.contains(QLatin1String(title)), title);
    QVERIFY(text.contains(data->plan.name));
    QVERIFY(flat.contains(squeezed(Launch::readinessLabel(data->assessment.readiness))));
    for (const Launch::PlanItem &item : data->plan.items)
        QVERIFY2(flat.contains(squeezed(item.name)), qPrintable(item.name));
    for (const Launch::Finding &finding : data->assessment.findings)
        QVERIFY2(flat.contains(squeezed(finding.message)), qPrintable(finding.message));
    for (const Launch::Recommendation &recommendation : data->assessment.recommendations)
        QVERIFY2(flat.contains(squeezed(recommendation.text)), qPrintable(recommendation.text));
    // A metric's name may wrap in its cell beside the figures: its start is on one line.
    for (const Launch::SuccessMetric &metric : data->assessment.metrics)
        QVERIFY2(flat.contains(squeezed(metric.name).left(20)), qPrintable(metric.name));
    QVERIFY(!PlanExport::write(m_db->connection(), 987654, ExportRequest::Format::Pdf,
                               m_out.filePath(QStringLiteral("none.pdf")), options, &error));
    QVERIFY2(error.contains(QStringLiteral("987654")), qPrintable(error));
    QVERIFY(!QFile::exists(m_out.filePath(QStringLiteral("none.pdf"))));
}

void TestPdfExport::longTimelineSpansPagesOrFitsOnOne()
{
    LaunchPlanData data;
    data.workspace = QStringLiteral("Long plan");
    data.today = QDate(2026, 3, 1);
    data.plan.name = QStringLiteral("A year of launches");
    data.plan.product = QStringLiteral("Everything");
    data.plan.launchDate = QDate(2026, 12, 1);
    int id = 0;
    for (int phase = 0; phase < 6; ++phase) {
        Launch::PlanItem head;
        head.id = ++id;
        head.kind = Launch::ItemKind::Phase;
        head.name = QStringLiteral("Phase %1").arg(phase + 1);
        head.start = QDate(2026, 1, 5).addDays(phase * 55);
        head.end = head.start.addDays(60);
        data.plan.items.append(head);
        for (int task = 0; task < 9; ++task) {
            Launch::PlanItem item;
            item.id = ++id;
            item.parentId = head.id;
            item.name = QStringLiteral("Task %1.%2").arg(phase + 1).arg(task + 1);
            item.start = head.start.addDays(task * 5);
            item.end = item.start.addDays(12);
            item.progress = 0.5;
            data.plan.items.append(item);
        }
    }
    const QString across = write(LaunchPlanPdf(data, LaunchPlanPdf::Timeline::AcrossPages),
                                 QStringLiteral("across.pdf"));
    const QString fitted = write(LaunchPlanPdf(data, LaunchPlanPdf::Timeline::FittedToOnePage),
                                 QStringLiteral("fitted.pdf"));
    QVERIFY(!across.isEmpty() && !fitted.isEmpty());
    const int acrossPages = pdfPages(across);
    const int fittedPages = pdfPages(fitted);
    QVERIFY2(acrossPages >= fittedPages + 2,
             qPrintable(QStringLiteral("%1 %2").arg(acrossPages).arg(fittedPages)));
    // Fitted: every row label on the one page that has the timeline.
    int timelinePage = 0;
    for (int page = 1; page <= fittedPages && !timelinePage; ++page) {
        if (pageText(fitted, page).contains(QStringLiteral("Timeline")))
            timelinePage = page;
    }
    QVERIFY(timelinePage > 0);
    const QString onePage = squeezed(pageText(fitted, timelinePage));
    for (const Launch::PlanItem &item : data.plan.items)
        QVERIFY2(onePage.contains(squeezed(item.name)), qPrintable(item.name));
    // Across pages: every row label still appears, on some page.
    const QString all = squeezed(allText(across));
    for (const Launch::PlanItem &item : data.plan.items)
        QVERIFY2(all.contains(squeezed(item.name)), qPrintable(item.name));
}

void TestPdfExport::launchPlanAsCsv()
{
    QString error;
    const QList<Launch::PlanSummary> plans = Launch::PlanStore(m_db->connection()).list(&error);
    QVERIFY(!plans.isEmpty());
    const std::optional<Launch::LaunchPlan> plan =
        Launch::PlanStore(m_db->connection()).load(plans.first().id, &error);
    QVERIFY2(plan, qPrintable(error));
    const QString path = m_out.filePath(QStringLiteral("plan.csv"));
    PlanExport::Options options;
    options.csv.personalData = false;
    QVERIFY2(PlanExport::write(m_db->connection(), plan->id, ExportRequest::Format::Csv, path,
                               options, &error),
             qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    QCOMPARE(lines.size() - 1, plan->items.size() + 1); // the last line ends the last record
    QVERIFY(lines.first().startsWith("Id,Kind,Name,Phase,Start"));
    QVERIFY(!lines.first().contains("Owner"));
}

QTEST_MAIN(TestPdfExport)
#include "tst_pdfexport.moc"
