#include "drilldowndialog.h"

#include "banner.h"
#include "reporttablemodel.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

DrillDownDialog::DrillDownDialog(QWidget *parent)
    : QDialog(parent)
    , m_title(new QLabel(this))
    , m_busy(new QProgressBar(this))
    , m_banner(new Banner(this))
    , m_model(new ReportTableModel(this))
    , m_view(new QTableView(this))
    , m_count(new QLabel(this))
{
    setWindowTitle(tr("Rows behind the figure"));
    setAccessibleName(tr("Rows behind the figure"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    titleFont.setWeight(QFont::DemiBold);
    m_title->setFont(titleFont);
    m_title->setWordWrap(true);
    m_busy->setRange(0, 0);
    m_busy->setMaximumHeight(4);
    m_busy->setTextVisible(false);
    m_busy->setAccessibleName(tr("Loading the rows"));
    m_banner->hide();
    auto *proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_model);
    proxy->setSortRole(ReportTableModel::RawRole);
    m_view->setModel(proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(-1, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 12);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setAccessibleName(tr("Rows behind the figure"));
    m_count->setForegroundRole(QPalette::PlaceholderText);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setAccessibleName(tr("Close"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 16, 16, 16);
    layout->setSpacing(8);
    layout->addWidget(m_title);
    layout->addWidget(m_busy);
    layout->addWidget(m_banner);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_count);
    layout->addWidget(buttons);
    resize(820, 520);
}

void DrillDownDialog::setLoading(const QString &title)
{
    m_title->setText(title);
    m_busy->show();
    m_banner->hide();
    m_model->setTable({});
    m_count->clear();
}

void DrillDownDialog::setTable(const ReportTable &table)
{
    m_busy->hide();
    m_banner->hide();
    m_title->setText(table.title);
    m_model->setTable(table);
    m_view->resizeColumnsToContents();
    m_count->setText(tr("%n row(s)", nullptr, int(table.rows.size())));
}

void DrillDownDialog::setError(const QString &message)
{
    m_busy->hide();
    m_banner->showMessage(tr("Could not list the rows: %1").arg(message), Banner::Kind::Error);
}

bool DrillDownDialog::isLoading() const
{
    return m_busy->isVisibleTo(this);
}
