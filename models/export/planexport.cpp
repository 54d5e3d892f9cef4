#include "planexport.h"

#include "exportsource.h"
#include "launch/planstore.h"
#include "launchplanpdf.h"
#include "personaldata.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QGuiApplication>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("PlanExport", text);
}

// One row per phase, task and milestone, in the plan's order.
class PlanItemsSource : public ExportSource
{
public:
    explicit PlanItemsSource(Launch::LaunchPlan plan)
        : m_plan(std::move(plan))
    {
    }

    QList<ExportColumn> columns() const override
    {
        using K = ExportColumn::Kind;
        const auto column = [](const char *key, const QString &title, K kind) {
            const QString name = QString::fromLatin1(key);
            return ExportColumn{name, title, kind, PersonalData::isPersonalKey(name)};
        };
        return {column("id", tr("Id"), K::Integer),
                column("kind", tr("Kind"), K::Text),
                column("name", tr("Name"), K::Text),
                column("phase", tr("Phase"), K::Text),
                column("owner", tr("Owner"), K::Text),
                column("start", tr("Start"), K::Date),
                column("end", tr("End"), K::Date),
                column("progress", tr("Progress (%)"), K::Number),
                column("critical", tr("Critical"), K::Integer),
                column("done", tr("Done"), K::Integer),
                column("depends_on", tr("Depends on"), K::Text)};
    }
    bool open(QString *) override
    {
        m_next = 0;
        return true;
    }
    qint64 rowCount() const override { return m_plan.items.size(); }
    bool next(QStringList *cells) override
    {
        if (m_next >= m_plan.items.size())
            return false;
        const Launch::PlanItem &item = m_plan.items.at(m_next++);
        const Launch::PlanItem *phase = m_plan.item(item.parentId);
        QStringList dependsOn;
        for (const Launch::Dependency &dependency : m_plan.dependencies) {
            if (dependency.toId != item.id)
                continue;
            if (const Launch::PlanItem *from = m_plan.item(dependency.fromId))
                dependsOn.append(from->name);
        }
        const QString kind = item.kind == Launch::ItemKind::Phase  ? QStringLiteral("phase")
                             : item.kind == Launch::ItemKind::Task ? QStringLiteral("task")
                                                                   : QStringLiteral("milestone");
        *cells = {QString::number(item.id),
                  kind,
                  item.name,
                  phase ? phase->name : QString(),
                  item.owner,
                  ExportValue::text(item.start, ExportColumn::Kind::Date),
                  ExportValue::text(item.end, ExportColumn::Kind::Date),
                  ExportValue::number(item.progress * 100.0),
                  item.critical ? QStringLiteral("1") : QStringLiteral("0"),
                  item.done ? QStringLiteral("1") : QStringLiteral("0"),
                  dependsOn.join(QStringLiteral("; "))};
        return true;
    }

private:
    Launch::LaunchPlan m_plan;
    qsizetype m_next = 0;
};

} // namespace

namespace PlanExport {

bool write(const QSqlDatabase &db, qint64 planId, ExportRequest::Format format, const QString &path,
           const Options &options, QString *error)
{
    const QDate today =
        options.today.isValid() ? options.today : QDateTime::currentDateTimeUtc().date();
    if (format == ExportRequest::Format::Csv) {
        QString loadError;
        const std::optional<Launch::LaunchPlan> plan =
            Launch::PlanStore(db).load(planId, &loadError);
        if (!plan) {
            *error = tr("Launch plan %1 cannot be read: %2").arg(planId).arg(loadError);
            return false;
        }
        PlanItemsSource source(*plan);
        const TableExport::Result result = TableExport::writeCsv(path, source, options.csv);
        if (!result.ok())
            *error = result.error;
        return result.ok();
    }
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance())) {
        *error = tr("PDF exports need the graphics libraries, which this process did not start");
        return false;
    }
    QString loadError;
    std::optional<LaunchPlanData> data =
        LaunchPlanData::load(db, planId, options.workspace, today, &loadError);
    if (!data) {
        *error = tr("Launch plan %1 cannot be read: %2").arg(planId).arg(loadError);
        return false;
    }
    const LaunchPlanPdf document(std::move(*data), options.fitTimelineToOnePage
                                                       ? LaunchPlanPdf::Timeline::FittedToOnePage
                                                       : LaunchPlanPdf::Timeline::AcrossPages);
    return PdfRenderer::write(document, path, options.page, error);
}

} // namespace PlanExport
