#pragma once

#include "reporttable.h"
#include "reportwindow.h"

#include <QSqlDatabase>

#include <optional>

// The product metrics, each a function of the workspace and a window. Every figure can be
// opened to its rows with drillDown(). No widgets: the command line and the UI show these.
namespace Reports {

enum class Kind { Adoption, AdoptionRoi, Satisfaction, Velocity, Validation };

std::optional<Kind> kindNamed(const QString &name); // adoption, adoption-roi, ...
QString kindName(Kind kind);
QStringList kindNames();

// today decides whether the last period is still running (and so incomplete).
std::optional<ReportTable> run(Kind kind, const QSqlDatabase &db, const ReportWindow &window,
                               const QDate &today, QString *error);

// Feature adoption: active users, adoption rate, power users per feature in the window.
std::optional<ReportTable> adoption(const QSqlDatabase &db, const ReportWindow &window,
                                    const QDate &today, QString *error);
// One feature since its release (or its first use): per day or per ISO week, users new to
// the feature, users so far, product users so far and the adoption rate; the row where
// adoption first reaches 10% is marked, as is the current, incomplete period.
std::optional<ReportTable> adoptionCurve(const QSqlDatabase &db, qint64 featureId, bool weekly,
                                         const QDate &today, QString *error);
// Features released in the window: adoption figures and the revenue of the companies whose
// users use them (distinct opportunities, per currency or converted).
std::optional<ReportTable> adoptionRoi(const QSqlDatabase &db, const ReportWindow &window,
                                       const QDate &today, QString *error);
// NPS and CSAT over the window, per week and per feature.
std::optional<ReportTable> satisfaction(const QSqlDatabase &db, const ReportWindow &window,
                                        const QDate &today, QString *error);
// Throughput, cycle time and points per source (team), per week and per sprint.
std::optional<ReportTable> velocity(const QSqlDatabase &db, const ReportWindow &window,
                                    const QDate &today, QString *error);
// Per feature: feedback, votes, requesting companies, their open pipeline, PMF score.
std::optional<ReportTable> validation(const QSqlDatabase &db, const ReportWindow &window,
                                      const QDate &today, QString *error);

// The rows one figure was computed from. figure: active-users, power-users, revenue
// (opportunities), feedback, companies, pipeline, responses, work-items. key: a feature id,
// or for velocity a source name.
std::optional<ReportTable> drillDown(const QSqlDatabase &db, const QString &figure,
                                     const QString &key, const ReportWindow &window,
                                     QString *error);
QStringList figureNames();

// Any query as a report table: sql with ?s bound to binds, its columns in order, values
// typed by each column's kind. For listings that are not reports but are shown like them.
std::optional<ReportTable> query(const QSqlDatabase &db, const QString &title,
                                 const QList<ReportColumn> &columns, const QString &sql,
                                 const QVariantList &binds, QString *error);

} // namespace Reports
