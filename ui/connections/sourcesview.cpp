#include "sourcesview.h"

#include "sourcesmodel.h"
#include "syncscheduler.h"

#include <QApplication>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QStyledItemDelegate>
#include <QTreeView>
#include <QVBoxLayout>

namespace {

// Draws the progress of a running sync as a bar; a stream without a known end gets a
// partly filled bar with its record count.
class ProgressDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override
    {
        const int progress = index.data(SourcesModel::ProgressRole).toInt();
        if (progress == -1) {
            QStyledItemDelegate::paint(painter, option, index);
            return;
        }
        QStyleOptionProgressBar bar;
        bar.rect = option.rect.adjusted(4, 6, -4, -6);
        bar.state = option.state | QStyle::State_Horizontal;
        bar.palette = option.palette;
        bar.minimum = 0;
        bar.maximum = 100;
        bar.progress = progress < 0 ? 0 : progress;
        bar.text = progress < 0 ? index.data().toString() : QStringLiteral("%1%").arg(progress);
        bar.textVisible = true;
        bar.textAlignment = Qt::AlignCenter;
        const QWidget *widget = option.widget;
        QStyle *style = widget ? widget->style() : QApplication::style();
        style->drawControl(QStyle::CE_ProgressBar, &bar, painter, widget);
    }
};

QPushButton *makeButton(const QString &text, const QString &accessible, QWidget *parent)
{
    auto *button = new QPushButton(text, parent);
    button->setAccessibleName(accessible);
    button->setToolTip(accessible);
    return button;
}

} // namespace

SourcesView::SourcesView(SourcesModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_tree(new QTreeView(this))
    , m_sync(makeButton(tr("&Sync now"), tr("Sync the selected source now"), this))
    , m_cancel(makeButton(tr("Cance&l"), tr("Cancel the running sync"), this))
    , m_full(
          makeButton(tr("&Full re-sync"), tr("Read everything of the selected source again"), this))
    , m_connect(
          makeButton(tr("C&onnect…"), tr("Store the credentials of the selected source"), this))
    , m_disconnect(makeButton(tr("&Disconnect"),
                              tr("Remove the stored credentials of the selected source"), this))
    , m_remove(makeButton(tr("&Remove…"), tr("Remove the selected source and its data"), this))
    , m_schedule(new QComboBox(this))
    , m_detail(new QLabel(this))
{
    m_tree->setModel(model);
    m_tree->setItemDelegateForColumn(SourcesModel::ProgressColumn, new ProgressDelegate(m_tree));
    m_tree->setAccessibleName(tr("Sources and their streams"));
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(false);
    m_tree->setIconSize(QSize(20, 20));
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tree->header()->setStretchLastSection(true);
    m_tree->header()->setSectionResizeMode(SourcesModel::NameColumn, QHeaderView::Interactive);
    m_tree->setColumnWidth(SourcesModel::NameColumn, 200);
    m_tree->setColumnWidth(SourcesModel::StatusColumn, 210);
    m_tree->setColumnWidth(SourcesModel::LastSyncColumn, 130);
    m_tree->setColumnWidth(SourcesModel::RecordsColumn, 90);
    m_tree->setColumnWidth(SourcesModel::ProgressColumn, 150);
    connect(model, &QAbstractItemModel::modelReset, m_tree, &QTreeView::expandAll);
    connect(model, &QAbstractItemModel::rowsInserted, m_tree,
            [this](const QModelIndex &parent) { m_tree->expand(parent); });
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this, [this] {
        showDetail();
        Q_EMIT selectionChanged();
    });
    connect(model, &QAbstractItemModel::dataChanged, this, &SourcesView::showDetail);

    for (int minutes : SyncScheduler::choices()) {
        m_schedule->addItem(minutes == 0 ? tr("Off") : tr("Every %n minutes", nullptr, minutes),
                            minutes);
    }
    m_schedule->setAccessibleName(tr("Automatic sync of the selected source"));
    auto *scheduleLabel = new QLabel(tr("&Automatic sync:"), this);
    scheduleLabel->setBuddy(m_schedule);
    connect(m_schedule, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_updating && currentSourceId() > 0)
            Q_EMIT scheduleChosen(currentSourceId(), m_schedule->currentData().toInt());
    });

    connect(m_sync, &QPushButton::clicked, this,
            [this] { Q_EMIT syncRequested(currentSourceId(), false); });
    connect(m_full, &QPushButton::clicked, this,
            [this] { Q_EMIT syncRequested(currentSourceId(), true); });
    connect(m_cancel, &QPushButton::clicked, this, &SourcesView::cancelRequested);
    connect(m_connect, &QPushButton::clicked, this,
            [this] { Q_EMIT connectRequested(currentSourceId()); });
    connect(m_disconnect, &QPushButton::clicked, this,
            [this] { Q_EMIT disconnectRequested(currentSourceId()); });
    connect(m_remove, &QPushButton::clicked, this,
            [this] { Q_EMIT removeRequested(currentSourceId()); });

    // Two rows, syncing then the connection, so that the page fits a laptop-sized window.
    auto *syncRow = new QHBoxLayout;
    syncRow->setSpacing(8);
    m_sync->setDefault(true);
    for (QPushButton *button : {m_sync, m_cancel, m_full})
        syncRow->addWidget(button);
    syncRow->addStretch(1);
    syncRow->addWidget(scheduleLabel);
    syncRow->addWidget(m_schedule);
    auto *connectionRow = new QHBoxLayout;
    connectionRow->setSpacing(8);
    connectionRow->addWidget(m_connect);
    connectionRow->addWidget(m_disconnect);
    connectionRow->addStretch(1);
    connectionRow->addWidget(m_remove);
    auto *actions = new QVBoxLayout;
    actions->setSpacing(6);
    actions->addLayout(syncRow);
    actions->addLayout(connectionRow);

    m_detail->setWordWrap(true);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detail->setAccessibleName(tr("Details of the selected row"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);
    layout->addLayout(actions);
    layout->addWidget(m_tree, 1);
    layout->addWidget(m_detail);
    updateActions(false, 0, false, false);
}

qint64 SourcesView::currentSourceId() const
{
    return m_tree->currentIndex().data(SourcesModel::SourceIdRole).toLongLong();
}

void SourcesView::selectSource(qint64 sourceId)
{
    const QModelIndex index = m_model->indexOf(sourceId);
    if (index.isValid())
        m_tree->setCurrentIndex(index);
}

void SourcesView::updateActions(bool syncing, int scheduleMinutes, bool canSync,
                                bool needsCredentials)
{
    const bool selected = currentSourceId() > 0;
    m_sync->setEnabled(selected && canSync);
    m_full->setEnabled(selected && canSync);
    m_cancel->setEnabled(syncing);
    m_connect->setEnabled(selected && needsCredentials);
    m_disconnect->setEnabled(selected && needsCredentials);
    m_remove->setEnabled(selected);
    m_schedule->setEnabled(selected && canSync);
    m_updating = true;
    m_schedule->setCurrentIndex(qMax(0, m_schedule->findData(scheduleMinutes)));
    m_updating = false;
}

void SourcesView::showDetail()
{
    const QModelIndex current = m_tree->currentIndex();
    if (!current.isValid()) {
        m_detail->clear();
        return;
    }
    const QModelIndex row = current.siblingAtColumn(SourcesModel::NameColumn);
    const QString status = row.siblingAtColumn(SourcesModel::StatusColumn).data().toString();
    const QString message = row.siblingAtColumn(SourcesModel::MessageColumn).data().toString();
    m_detail->setText(message.isEmpty()
                          ? tr("%1 — %2").arg(row.data().toString(), status)
                          : tr("%1 — %2: %3").arg(row.data().toString(), status, message));
}
