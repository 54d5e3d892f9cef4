#include "roipanel.h"

#include "chartstyle.h"
#include "reporttablemodel.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QCursor>
#include <QHeaderView>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLocale>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedLayout>
#include <QTableView>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>

#include <cmath>

RoiPanel::RoiPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new ReportTableModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_view(new QTableView(this))
    , m_chart(new QChart)
    , m_chartView(new QChartView(m_chart, this))
    , m_empty(new QLabel(this))
    , m_chartStack(new QStackedLayout)
    , m_count(new QLabel(this))
{
    m_model->setHiddenKeys({QStringLiteral("feature_id")});
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(ReportTableModel::RawRole);
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(-1, Qt::AscendingOrder); // the report's own order until asked
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 14);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setWordWrap(false);
    m_view->setAccessibleName(tr("Feature-adoption ROI table"));
    m_view->setToolTip(tr("Double-click or press Enter on a row to see the rows behind it"));
    m_view->setMinimumHeight(220);
    connect(m_view, &QTableView::activated, this, &RoiPanel::openRow);

    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_chartView->setMinimumHeight(300);
    m_chartView->setAccessibleName(tr("Revenue per feature chart"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_empty->setText(tr("No feature was released in this window. Choose a longer window to "
                        "compare the revenue behind released features."));
    auto *chartHolder = new QWidget(this);
    chartHolder->setLayout(m_chartStack);
    m_chartStack->setContentsMargins(0, 0, 0, 0);
    m_chartStack->addWidget(m_chartView);
    m_chartStack->addWidget(m_empty);

    m_count->setForegroundRole(QPalette::PlaceholderText);
    auto *tableHolder = new QWidget(this);
    auto *tableLayout = new QVBoxLayout(tableHolder);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    tableLayout->setSpacing(4);
    tableLayout->addWidget(m_view);
    tableLayout->addWidget(m_count);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("roiSplitter"));
    splitter->addWidget(chartHolder);
    splitter->addWidget(tableHolder);
    splitter->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);
    rebuildChart();
}

void RoiPanel::setTable(const ReportTable &table)
{
    m_model->setTable(table);
    m_view->resizeColumnsToContents();
    m_count->setText(tr("%n feature(s) released in the window", nullptr, int(table.rows.size())) +
                     (table.notes.isEmpty()
                          ? QString()
                          : QStringLiteral(" · ") + table.notes.mid(1).join(QLatin1Char(' '))));
    m_count->setWordWrap(true);
    rebuildChart();
}

void RoiPanel::rebuildChart()
{
    m_chart->removeAllSeries();
    const auto axes = m_chart->axes();
    for (QAbstractAxis *axis : axes) {
        m_chart->removeAxis(axis);
        delete axis;
    }
    m_bars = nullptr;
    m_barFeatures.clear();
    ChartStyle::apply(m_chart, this);
    // Room for the last amount label, which is centred on the plot's right edge.
    m_chart->setMargins(QMargins(8, 8, 48, 8));
    const ReportTable &table = m_model->table();
    const int revenueColumn = table.column(QStringLiteral("revenue"));
    const QString revenueTitle =
        revenueColumn < 0 ? tr("Revenue") : table.columns.at(revenueColumn).title;
    m_chart->setTitle(tr("Revenue of companies using each feature released in the window"));
    m_chartStack->setCurrentWidget(table.rows.isEmpty() ? static_cast<QWidget *>(m_empty)
                                                        : m_chartView);
    if (table.rows.isEmpty())
        return;

    // The report lists the largest revenue first; the chart draws its first bar at the bottom.
    const int shown = int(std::min<qsizetype>(MaxBars, table.rows.size()));
    auto *set = new QBarSet(revenueTitle);
    set->setColor(ChartStyle::seriesColor(0));
    set->setBorderColor(ChartStyle::seriesColor(0));
    QStringList categories;
    double maximum = 0;
    for (int r = shown - 1; r >= 0; --r) {
        const double revenue = table.value(r, QStringLiteral("revenue")).toDouble();
        QString name = table.value(r, QStringLiteral("feature")).toString();
        if (name.size() > 28)
            name = name.left(27) + QChar(0x2026);
        // Categories must be unique; two features may share a name.
        while (categories.contains(name))
            name += QChar(0x200b);
        categories.append(name);
        set->append(revenue);
        maximum = std::max(maximum, revenue);
        m_barFeatures.append(table.value(r, QStringLiteral("feature_id")).toLongLong());
    }
    m_bars = new QHorizontalBarSeries;
    m_bars->append(set);
    m_bars->setBarWidth(0.7);
    m_chart->addSeries(m_bars);
    auto *y = new QBarCategoryAxis;
    y->setCategories(categories);
    y->setTitleText(tr("Feature"));
    // A category axis with labels at round values, so that amounts read as the locale
    // writes them (125,000,000) rather than as printf would.
    auto *x = new QCategoryAxis;
    x->setTitleText(revenueTitle == tr("Revenue")
                        ? tr("Revenue (deal size, mixed currencies not added)")
                        : revenueTitle);
    const double raw = maximum > 0 ? maximum / 4 : 1;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    const double step = raw / magnitude <= 2.5 ? 2.5 * magnitude
                        : raw / magnitude <= 5 ? 5 * magnitude
                                               : 10 * magnitude;
    const QLocale locale;
    x->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    double top = 0;
    for (double tick = 0; tick <= maximum + step; tick += step) {
        x->append(locale.toString(tick, 'f', 0), tick);
        top = tick;
        if (tick >= maximum)
            break;
    }
    x->setRange(0, std::max(top, step));
    ChartStyle::applyAxis(x, this);
    ChartStyle::applyAxis(y, this);
    m_chart->addAxis(x, Qt::AlignBottom);
    m_chart->addAxis(y, Qt::AlignLeft);
    m_bars->attachAxis(x);
    m_bars->attachAxis(y);
    m_chart->legend()->setVisible(false); // one series: the axis says what it is
    if (table.rows.size() > shown)
        m_chart->setTitle(m_chart->title() +
                          tr(" (top %1 of %2)").arg(shown).arg(table.rows.size()));

    connect(set, &QBarSet::hovered, this, [this](bool state, int index) {
        if (!state || index < 0 || index >= m_barFeatures.size()) {
            QToolTip::hideText();
            return;
        }
        const ReportTable &t = m_model->table();
        const int row = int(m_barFeatures.size()) - 1 - index;
        const QLocale locale;
        const QVariant revenue = t.value(row, QStringLiteral("revenue"));
        QToolTip::showText(
            QCursor::pos(),
            tr("<b>%1</b><br>Revenue: %2<br>By currency: %3<br>%4 companies · %5 active users"
               "<br><i>Click to see the opportunities</i>")
                .arg(t.value(row, QStringLiteral("feature")).toString().toHtmlEscaped(),
                     revenue.isNull() ? tr("not converted")
                                      : locale.toString(revenue.toDouble(), 'f', 2),
                     t.value(row, QStringLiteral("revenue_by_currency")).toString(),
                     locale.toString(t.value(row, QStringLiteral("companies")).toLongLong()),
                     locale.toString(t.value(row, QStringLiteral("active_users")).toLongLong())),
            m_chartView);
    });
    connect(set, &QBarSet::clicked, this, &RoiPanel::activateBar);
}

void RoiPanel::activateBar(int index)
{
    if (index < 0 || index >= m_barFeatures.size())
        return;
    const int row = int(m_barFeatures.size()) - 1 - index;
    Q_EMIT drillDownRequested(QStringLiteral("revenue"), m_barFeatures.at(index),
                              m_model->table().value(row, QStringLiteral("feature")).toString());
}

void RoiPanel::openRow(const QModelIndex &proxyIndex)
{
    if (!proxyIndex.isValid())
        return;
    const QModelIndex source = m_proxy->mapToSource(proxyIndex);
    const ReportTable &table = m_model->table();
    const QString key = m_model->keyOfColumn(source.column());
    // Each column opens the rows its figure counts.
    QString figure = QStringLiteral("active-users");
    if (key == QLatin1String("power_users"))
        figure = QStringLiteral("power-users");
    else if (key == QLatin1String("companies") || key == QLatin1String("revenue") ||
             key == QLatin1String("revenue_by_currency"))
        figure = QStringLiteral("revenue");
    Q_EMIT drillDownRequested(figure,
                              table.value(source.row(), QStringLiteral("feature_id")).toLongLong(),
                              table.value(source.row(), QStringLiteral("feature")).toString());
}
