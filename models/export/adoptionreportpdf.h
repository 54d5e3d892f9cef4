#pragma once

#include "metrics/reporttable.h"
#include "metrics/reportwindow.h"
#include "pdfdocument.h"

#include <QDate>

#include <optional>

class Database;

// What the adoption report shows, read once: every product metric for one window, and the
// adoption curves of the features most used in it.
struct AdoptionReportData
{
    QString workspace;
    ReportWindow window;
    QDate today;
    ReportTable adoption;
    ReportTable roi;
    ReportTable satisfaction;
    ReportTable velocity;
    ReportTable validation;
    QList<ReportTable> curves; // weekly, most active features first
    QStringList curveNames;

    // curveCount: how many features get a curve. The reports are read in parallel, each
    // on its thread's own connection to database.
    static std::optional<AdoptionReportData> load(Database &database, const QString &workspace,
                                                  const ReportWindow &window, const QDate &today,
                                                  QString *error, int curveCount = 5);
};

// The adoption report for stakeholders: a title page, key figures, the adoption curves and
// ROI bar chart, the ROI table, then satisfaction, velocity and validation summaries.
class AdoptionReportPdf : public PdfDocument
{
public:
    explicit AdoptionReportPdf(AdoptionReportData data);

    QString title() const override;
    void layOut(PdfLayout &layout) const override;

    // How figures appear in the PDF (grouped thousands, one decimal for rates).
    static QString integer(const QVariant &value);
    static QString percent(const QVariant &value);
    static QString money(const QVariant &value);

private:
    void summary(PdfLayout &layout) const;
    void curves(PdfLayout &layout) const;
    void adoptionTable(PdfLayout &layout) const;
    void roi(PdfLayout &layout) const;
    void satisfaction(PdfLayout &layout) const;
    void velocity(PdfLayout &layout) const;
    void validation(PdfLayout &layout) const;
    void notes(PdfLayout &layout, const ReportTable &table) const;

    AdoptionReportData m_data;
};
