#include "reportspage.h"

#include "adoption/drilldowndialog.h"
#include "adoption/reportloader.h"
#include "adoption/reporttablemodel.h"
#include "adoption/windowselector.h"
#include "banner.h"
#include "database.h"
#include "exportactions.h"
#include "sharebutton.h"
#include "workspacecontroller.h"

#include <QComboBox>
#include <QDateTime>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTableView>
#include <QVBoxLayout>

namespace {

const QString KindKey = QStringLiteral("reports/kind");
const QString Report = QStringLiteral("report");
const QString Drill = QStringLiteral("drill");

// The figure behind a row of each report, opened with a double-click.
QString figureFor(Reports::Kind kind)
{
    switch (kind) {
    case Reports::Kind::Adoption:
        return QStringLiteral("active-users");
    case Reports::Kind::AdoptionRoi:
        return QStringLiteral("revenue");
    case Reports::Kind::Satisfaction:
        return QStringLiteral("responses");
    case Reports::Kind::Velocity:
        return QStringLiteral("work-items");
    case Reports::Kind::Validation:
        return QStringLiteral("feedback");
    }
    return QString();
}

} // namespace

ReportsPage::ReportsPage(WorkspaceController *controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_kind(new QComboBox(this))
    , m_window(new WindowSelector(this))
    , m_export(new QPushButton(tr("&Export…"), this))
    , m_busy(new QProgressBar(this))
    , m_banner(new Banner(this))
    , m_model(new ReportTableModel(this))
    , m_sorted(new QSortFilterProxyModel(this))
    , m_view(new QTableView(this))
    , m_notes(new QLabel(this))
    , m_loader(new ReportLoader(this))
    , m_today(QDateTime::currentDateTimeUtc().date())
{
    auto *title = new QLabel(tr("Reports"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.7);
    titleFont.setWeight(QFont::DemiBold);
    title->setFont(titleFont);

    const QList<QPair<Reports::Kind, QString>> kinds{
        {Reports::Kind::Adoption, tr("Feature adoption")},
        {Reports::Kind::AdoptionRoi, tr("Feature-adoption ROI")},
        {Reports::Kind::Satisfaction, tr("User satisfaction")},
        {Reports::Kind::Velocity, tr("Development velocity")},
        {Reports::Kind::Validation, tr("Market validation")}};
    for (const auto &[kind, name] : kinds)
        m_kind->addItem(name, int(kind));
    m_kind->setAccessibleName(tr("Report"));
    const int remembered = m_kind->findData(QSettings().value(KindKey, 0).toInt());
    m_kind->setCurrentIndex(qMax(0, remembered));
    m_export->setAccessibleName(tr("Export the report to a CSV or JSON file"));
    m_export->setEnabled(false);

    m_busy->setRange(0, 0);
    m_busy->setMaximumHeight(4);
    m_busy->setTextVisible(false);
    m_busy->setAccessibleName(tr("Computing the report"));
    m_busy->hide();
    m_banner->hide();

    m_sorted->setSourceModel(m_model);
    m_sorted->setSortRole(ReportTableModel::RawRole);
    m_view->setModel(m_sorted);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(-1, Qt::AscendingOrder); // the report's own order until a click
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_view->setAccessibleName(tr("Report rows"));
    m_view->setToolTip(tr("Double-click or press Enter on a row to see the rows behind it."));
    m_notes->setWordWrap(true);
    m_notes->setForegroundRole(QPalette::PlaceholderText);
    m_notes->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *share = new ShareButton(this, tr("Export the rows shown as CSV, or the report as a PDF"));
    QAction *csv =
        share->addExport(tr("Rows shown as &CSV…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    QAction *pdf = share->addExport(tr("Save as &PDF…"), QKeySequence(Qt::CTRL | Qt::Key_E));
    QAction *preview = share->addExport(tr("Print pre&view…"), QKeySequence::Print);
    const auto workspaceName = [this] {
        const std::shared_ptr<Database> database =
            m_controller ? m_controller->database() : nullptr;
        return database ? database->workspace().displayName() : QString();
    };
    connect(csv, &QAction::triggered, this, [this] {
        if (m_model->table().columns.isEmpty())
            return;
        ModelSource::Options options;
        options.valueRole = ReportTableModel::RawRole;
        options.keyRole = ReportTableModel::KeyRole;
        for (int visual = 0; visual < m_view->horizontalHeader()->count(); ++visual) {
            const int column = m_view->horizontalHeader()->logicalIndex(visual);
            if (!m_view->isColumnHidden(column))
                options.columns.append(column);
        }
        ExportActions::exportTable(
            this, m_sorted,
            QStringLiteral("%1-%2.csv").arg(Reports::kindName(kind()), m_shownWindow.toText()),
            options);
    });
    connect(pdf, &QAction::triggered, this, [this, workspaceName] {
        if (!m_model->table().columns.isEmpty())
            ExportActions::exportReportPdf(this, m_model->table(), workspaceName(),
                                           m_shownWindow.label());
    });
    connect(preview, &QAction::triggered, this, [this, workspaceName] {
        if (!m_model->table().columns.isEmpty())
            ExportActions::previewReport(this, m_model->table(), workspaceName(),
                                         m_shownWindow.label());
    });

    auto *header = new QHBoxLayout;
    header->addWidget(title, 1);
    header->addWidget(m_kind);
    header->addWidget(m_window);
    header->addWidget(m_export);
    header->addWidget(share);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 24, 32, 16);
    layout->setSpacing(12);
    layout->addLayout(header);
    layout->addWidget(m_busy);
    layout->addWidget(m_banner);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_notes);

    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        QSettings().setValue(KindKey, m_kind->currentData().toInt());
        reload();
    });
    connect(m_window, &WindowSelector::changed, this, &ReportsPage::reload);
    connect(m_export, &QPushButton::clicked, this, &ReportsPage::exportDialog);
    connect(m_view, &QTableView::activated, this, &ReportsPage::openRow);
    connect(m_loader, &ReportLoader::busyChanged, m_busy, &QWidget::setVisible);
    connect(m_loader, &ReportLoader::loaded, this,
            [this](const QString &name, const ReportTable &table) {
                if (name == Drill) {
                    if (m_drill)
                        m_drill->setTable(table);
                    return;
                }
                m_banner->hide();
                m_view->sortByColumn(-1, Qt::AscendingOrder);
                m_model->setTable(table);
                m_view->resizeColumnsToContents();
                m_notes->setText(table.notes.join(QLatin1Char(' ')));
                m_export->setEnabled(true);
                Q_EMIT loaded();
            });
    connect(m_loader, &ReportLoader::failed, this,
            [this](const QString &name, const QString &error) {
                if (name == Drill) {
                    if (m_drill)
                        m_drill->setError(error);
                    return;
                }
                m_banner->showMessage(tr("The report could not be computed: %1").arg(error),
                                      Banner::Kind::Error);
            });
    if (m_controller)
        connect(m_controller, &WorkspaceController::opened, this, [this] {
            m_loader->cancelAll();
            m_model->setTable({});
            m_export->setEnabled(false);
            reload();
        });
}

void ReportsPage::setToday(const QDate &today)
{
    m_today = today;
    reload();
}

void ReportsPage::setKind(Reports::Kind kind)
{
    m_kind->setCurrentIndex(m_kind->findData(int(kind)));
}

Reports::Kind ReportsPage::kind() const
{
    return Reports::Kind(m_kind->currentData().toInt());
}

ReportWindow ReportsPage::window() const
{
    return m_window->window(m_today);
}

void ReportsPage::reload()
{
    const std::shared_ptr<Database> database = m_controller ? m_controller->database() : nullptr;
    if (!database)
        return;
    const Reports::Kind kind = this->kind();
    const ReportWindow window = m_window->window(m_today);
    const QDate today = m_today;
    m_shownWindow = window;
    m_loader->run(Report, database, [kind, window, today](const QSqlDatabase &db, QString *error) {
        return Reports::run(kind, db, window, today, error);
    });
}

void ReportsPage::openRow(const QModelIndex &index)
{
    const std::shared_ptr<Database> database = m_controller ? m_controller->database() : nullptr;
    if (!database || !index.isValid())
        return;
    const int row = m_sorted->mapToSource(index).row();
    const ReportTable &table = m_model->table();
    const Reports::Kind kind = this->kind();
    QString key;
    QString label;
    if (kind == Reports::Kind::Velocity) {
        key = table.value(row, QStringLiteral("team")).toString();
        label = key;
    } else {
        const QVariant feature = table.value(row, QStringLiteral("feature_id"));
        if (feature.isNull())
            return; // a week or the whole window: no single feature behind it
        key = QString::number(feature.toLongLong());
        label = table.value(row, QStringLiteral("feature")).toString();
        if (label.isEmpty())
            label = table.value(row, QStringLiteral("label")).toString();
    }
    const QString figure = figureFor(kind);
    if (!m_drill) {
        m_drill = new DrillDownDialog(this);
        m_drill->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_drill, &QObject::destroyed, this, [this] { m_drill = nullptr; });
    }
    const ReportWindow window = m_shownWindow;
    m_drill->setLoading(tr("%1 of %2, %3").arg(figure, label, window.label()));
    m_drill->show();
    m_drill->raise();
    m_loader->run(Drill, database, [figure, key, window](const QSqlDatabase &db, QString *error) {
        return Reports::drillDown(db, figure, key, window, error);
    });
}

bool ReportsPage::exportTo(const QString &path, QString *error) const
{
    const ReportTable &table = m_model->table();
    const QByteArray bytes = path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive)
                                 ? ReportFormat::json(table)
                                 : ReportFormat::csv(table);
    // All or nothing: a half-written file is worse than none.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

void ReportsPage::exportDialog()
{
    const QString suggested =
        QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) +
        QStringLiteral("/%1-%2.csv").arg(Reports::kindName(kind()), m_shownWindow.toText());
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the report"), suggested,
                                                      tr("CSV files (*.csv);;JSON files (*.json)"));
    if (path.isEmpty())
        return;
    QString error;
    if (exportTo(path, &error))
        m_banner->showMessage(tr("Exported to %1.").arg(path), Banner::Kind::Info);
    else
        m_banner->showMessage(error, Banner::Kind::Error);
}
