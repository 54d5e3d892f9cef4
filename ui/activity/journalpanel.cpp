#include "journalpanel.h"

#include "activity/webhookjournalmodel.h"
#include "background.h"
#include "banner.h"
#include "database.h"
#include "databasewriter.h"
#include "workspacecontroller.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace {
const QString SplitterKey = QStringLiteral("activity/journalSplitter");
constexpr int ShownDeliveries = 2000;
} // namespace

JournalPanel::JournalPanel(WorkspaceController *controller, Banner *banner, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_banner(banner)
    , m_model(new WebhookJournalModel(this))
    , m_view(new QTableView(this))
    , m_summary(new QLabel(this))
    , m_payload(new QPlainTextEdit(this))
    , m_replay(new QPushButton(tr("&Replay"), this))
    , m_empty(new QLabel(this))
{
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->setWordWrap(false);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setAccessibleName(tr("Webhook deliveries"));

    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_payload->setReadOnly(true);
    m_payload->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_payload->setAccessibleName(tr("Payload of the selected delivery"));
    m_payload->setPlaceholderText(tr("Select a delivery to see what it carried."));
    m_replay->setEnabled(false);
    m_replay->setToolTip(tr("Process the stored delivery again, as if it had just arrived"));
    m_replay->setAccessibleName(tr("Replay the selected delivery"));
    m_empty->setWordWrap(true);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_empty->setText(tr("No webhook deliveries yet. Point a service's webhook at the hub's "
                        "receiver (see 'product-hub webhooks'), or rely on scheduled sync: it "
                        "brings the same events."));

    auto *details = new QWidget(this);
    auto *detailsLayout = new QVBoxLayout(details);
    detailsLayout->setContentsMargins(8, 0, 0, 0);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_summary, 1);
    actions->addWidget(m_replay, 0, Qt::AlignTop);
    detailsLayout->addLayout(actions);
    detailsLayout->addWidget(m_payload, 1);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_view);
    splitter->addWidget(details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->restoreState(QSettings().value(SplitterKey).toByteArray());
    connect(splitter, &QSplitter::splitterMoved, this,
            [splitter] { QSettings().setValue(SplitterKey, splitter->saveState()); });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 8, 0, 0);
    layout->addWidget(m_empty);
    layout->addWidget(splitter, 1);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &JournalPanel::showSelected);
    connect(m_replay, &QPushButton::clicked, this, &JournalPanel::replaySelected);
}

void JournalPanel::setReplayJob(ReplayJob job)
{
    m_replayJob = std::move(job);
    showSelected();
}

void JournalPanel::reload()
{
    const std::shared_ptr<Database> database = m_controller ? m_controller->database() : nullptr;
    if (!database)
        return;
    using Result = std::pair<std::optional<QList<WebhookJournalModel::Delivery>>, QString>;
    runInBackground(
        this,
        [database]() -> Result {
            QString error;
            auto deliveries =
                WebhookJournalModel::load(database->connection(), ShownDeliveries, &error);
            return {deliveries, error};
        },
        [this](const Result &result) {
            if (!result.first) {
                m_banner->showMessage(
                    tr("The webhook journal could not be read: %1").arg(result.second),
                    Banner::Kind::Error);
                return;
            }
            const qint64 selected = m_selected;
            m_model->setDeliveries(*result.first);
            m_empty->setVisible(m_model->rowCount() == 0);
            // Delivery ids are long; the status and its reason matter more.
            const int widest = m_view->viewport()->width() / 5;
            for (int column = 0; column < WebhookJournalModel::Status; ++column)
                m_view->resizeColumnToContents(column);
            m_view->setColumnWidth(
                WebhookJournalModel::DeliveryId,
                qMin(m_view->columnWidth(WebhookJournalModel::DeliveryId), widest));
            const int row = m_model->rowOf(selected);
            if (row >= 0)
                m_view->setCurrentIndex(m_model->index(row, 0));
            else
                showSelected();
            Q_EMIT loaded();
        });
}

void JournalPanel::showSelected()
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    if (!current.isValid()) {
        m_selected = 0;
        m_summary->clear();
        m_payload->clear();
        m_replay->setEnabled(false);
        return;
    }
    const WebhookJournalModel::Delivery &delivery = m_model->delivery(current.row());
    m_replay->setEnabled(bool(m_replayJob));
    const QString status = WebhookJournalModel::statusName(delivery.status);
    m_summary->setText(
        delivery.error.isEmpty()
            ? tr("%1 · %2 · %3").arg(delivery.provider, delivery.eventType, status)
            : tr("%1 · %2 · %3: %4")
                  .arg(delivery.provider, delivery.eventType, status, delivery.error));
    if (delivery.id == m_selected && !m_payload->toPlainText().isEmpty())
        return;
    m_selected = delivery.id;
    m_payload->clear();
    const std::shared_ptr<Database> database = m_controller ? m_controller->database() : nullptr;
    if (!database)
        return;
    const qint64 id = delivery.id;
    using Result = std::pair<std::optional<QString>, QString>;
    runInBackground(
        this,
        [database, id]() -> Result {
            QString error;
            auto payload = WebhookJournalModel::payload(database->connection(), id, &error);
            return {payload, error};
        },
        [this, id](const Result &result) {
            if (id != m_selected)
                return;
            m_payload->setPlainText(result.first ? *result.first : result.second);
        });
}

void JournalPanel::replaySelected()
{
    const std::shared_ptr<Database> database = m_controller ? m_controller->database() : nullptr;
    if (!database || !m_replayJob || m_selected == 0)
        return;
    const qint64 id = m_selected;
    m_replay->setEnabled(false);
    const ReplayJob job = m_replayJob;
    database->writer()->submit(
        [job, id](QSqlDatabase &db, QString *error) { return job(db, id, error); }, this,
        [this, id](const WriteResult &result) {
            if (!result.ok)
                m_banner->showMessage(
                    tr("The delivery could not be replayed: %1").arg(result.error),
                    Banner::Kind::Error);
            connect(
                this, &JournalPanel::loaded, this, [this, id] { Q_EMIT replayed(id); },
                Qt::SingleShotConnection);
            reload();
        });
}
