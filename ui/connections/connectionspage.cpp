#include "connectionspage.h"

#include "addsourcedialog.h"
#include "banner.h"
#include "connections/connectionsservice.h"
#include "credentialsdialog.h"
#include "kindscatalogue.h"
#include "sourcesmodel.h"
#include "sourcesview.h"
#include "syncscheduler.h"
#include "workspacecontroller.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QTreeView>
#include <QVBoxLayout>

namespace {
const QString SplitterKey = QStringLiteral("connections/splitter");
}

ConnectionsPage::ConnectionsPage(WorkspaceController *controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_service(new ConnectionsService(this))
    , m_model(new SourcesModel(this))
    , m_scheduler(new SyncScheduler(this))
    , m_title(new QLabel(tr("Connections"), this))
    , m_syncAll(new QPushButton(tr("Sync &all"), this))
    , m_banner(new Banner(this))
    , m_stack(new QStackedWidget(this))
    , m_noWorkspace(new QLabel(this))
    , m_splitter(new QSplitter(this))
    , m_catalogue(new KindsCatalogue(m_service, m_splitter))
    , m_view(new SourcesView(m_model, m_splitter))
    , m_noSources(new QLabel(this))
{
    setAccessibleName(tr("Connections"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.7);
    titleFont.setWeight(QFont::DemiBold);
    m_title->setFont(titleFont);
    m_syncAll->setAccessibleName(tr("Sync every source now"));
    connect(m_syncAll, &QPushButton::clicked, this, &ConnectionsPage::syncAll);
    auto *header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    header->addWidget(m_syncAll);

    m_banner->hide();
    m_noWorkspace->setText(tr("<b>No workspace is open.</b><br>Open or create a workspace to "
                              "connect your tools."));
    m_noWorkspace->setWordWrap(true);
    m_noWorkspace->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_noSources->setText(tr("<b>No sources yet.</b> Pick a tool on the left and choose "
                            "<i>Add…</i> to bring in its features, work items, releases or "
                            "documents."));
    m_noSources->setWordWrap(true);
    m_noSources->hide();

    auto *right = new QWidget(m_splitter);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->setSpacing(8);
    rightLayout->addWidget(m_noSources);
    rightLayout->addWidget(m_view, 1);
    m_splitter->addWidget(m_catalogue);
    m_splitter->addWidget(right);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setSizes({240, 900});
    m_splitter->restoreState(QSettings().value(SplitterKey).toByteArray());
    connect(m_splitter, &QSplitter::splitterMoved, this,
            [this] { QSettings().setValue(SplitterKey, m_splitter->saveState()); });
    m_stack->addWidget(m_noWorkspace);
    m_stack->addWidget(m_splitter);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 24, 32, 24);
    layout->setSpacing(16);
    layout->addLayout(header);
    layout->addWidget(m_banner);
    layout->addWidget(m_stack, 1);

    connect(m_catalogue, &KindsCatalogue::addRequested, this, &ConnectionsPage::addSource);
    connect(m_view, &SourcesView::selectionChanged, this, &ConnectionsPage::updateActions);
    connect(m_view, &SourcesView::syncRequested, this, &ConnectionsPage::syncSource);
    connect(m_view, &SourcesView::cancelRequested, this, &ConnectionsPage::cancelSync);
    connect(m_view, &SourcesView::connectRequested, this, &ConnectionsPage::connectSource);
    connect(m_view, &SourcesView::disconnectRequested, this, &ConnectionsPage::disconnectSource);
    connect(m_view, &SourcesView::removeRequested, this, &ConnectionsPage::removeSource);
    connect(m_view, &SourcesView::scheduleChosen, m_scheduler, &SyncScheduler::setInterval);
    connect(m_scheduler, &SyncScheduler::syncDue, this,
            [this](const QList<qint64> &ids) { m_service->sync(ids); });

    connect(m_service, &ConnectionsService::sourcesLoaded, this, &ConnectionsPage::sourcesLoaded);
    connect(m_service, &ConnectionsService::loadFailed, this, &ConnectionsPage::showError);
    connect(m_service, &ConnectionsService::warning, this, &ConnectionsPage::showError);
    connect(m_service, &ConnectionsService::syncStarted, this, [this](const QList<qint64> &ids) {
        m_syncing = ids;
        m_model->syncStarted(ids);
        updateActions();
        Q_EMIT syncingChanged(true);
    });
    connect(m_service, &ConnectionsService::streamStarted, m_model, &SourcesModel::streamStarted);
    connect(m_service, &ConnectionsService::streamProgress, this,
            [this](qint64 id, const QString &stream, qint64 records, int) {
                m_model->streamProgress(id, stream, records);
            });
    connect(m_service, &ConnectionsService::streamFinished, m_model, &SourcesModel::streamFinished);
    connect(m_service, &ConnectionsService::syncRefused, this,
            [this](qint64 id, const QString &error) {
                m_model->syncRefused(id, error);
                showError(error);
            });
    connect(m_service, &ConnectionsService::syncFinished, this, [this] {
        for (qint64 id : std::as_const(m_syncing))
            m_scheduler->markSynced(id);
        m_syncing.clear();
        m_model->syncFinished();
        updateActions();
        Q_EMIT syncingChanged(m_service->isSyncing());
    });

    if (m_controller) {
        connect(m_controller, &WorkspaceController::opened, this,
                &ConnectionsPage::workspaceOpened);
        workspaceOpened();
    }
}

ConnectionsPage::~ConnectionsPage()
{
    // Committed pages stay; the page in flight is dropped cleanly.
    m_service->cancelSync();
}

void ConnectionsPage::syncAll()
{
    QList<qint64> ids;
    for (const ConnectionSource &source : m_service->sources()) {
        if (!source.isDemo && source.source.enabled)
            ids.append(source.source.id);
    }
    if (!ids.isEmpty())
        m_service->sync(ids);
}

bool ConnectionsPage::isSyncing() const
{
    return m_service->isSyncing();
}

void ConnectionsPage::cancelSync()
{
    m_service->cancelSync();
}

void ConnectionsPage::workspaceOpened()
{
    m_banner->hide();
    m_service->setDatabase(m_controller ? m_controller->database() : nullptr);
    m_stack->setCurrentWidget(m_service->hasDatabase() ? static_cast<QWidget *>(m_splitter)
                                                       : m_noWorkspace);
    m_catalogue->reload();
    if (const QStringList errors = m_service->kindErrors(); !errors.isEmpty())
        showError(
            tr("Some connectors could not be loaded: %1").arg(errors.join(QStringLiteral("; "))));
}

void ConnectionsPage::sourcesLoaded()
{
    const qint64 selected = m_view->currentSourceId();
    const QList<ConnectionSource> sources = m_service->sources();
    m_model->setSources(sources);
    QList<qint64> ids;
    for (const ConnectionSource &source : sources)
        ids.append(source.source.id);
    m_scheduler->setWorkspace(m_service->workspaceId(), ids);
    m_noSources->setVisible(m_service->hasDatabase() && sources.isEmpty());
    m_syncAll->setEnabled(!sources.isEmpty());
    if (m_connectAfterLoad > 0 && m_service->source(m_connectAfterLoad)) {
        const qint64 id = m_connectAfterLoad;
        m_connectAfterLoad = 0;
        m_view->selectSource(id);
        if (m_service->source(id)->auth != ConnectionKind::Auth::None)
            connectSource(id);
    } else if (selected > 0) {
        m_view->selectSource(selected);
    } else if (!sources.isEmpty()) {
        m_view->selectSource(sources.first().source.id);
    }
    updateActions();
}

void ConnectionsPage::updateActions()
{
    const qint64 id = m_view->currentSourceId();
    const auto source = m_service->source(id);
    const bool canSync = source && !source->isDemo;
    const bool needsCredentials = source && source->auth != ConnectionKind::Auth::None;
    m_view->updateActions(m_service->isSyncing(), m_scheduler->interval(id), canSync,
                          needsCredentials);
}

void ConnectionsPage::showError(const QString &text)
{
    m_banner->showMessage(text, Banner::Kind::Error);
    m_banner->show();
}

AddSourceDialog *ConnectionsPage::addSource(const QString &kind)
{
    const auto connectionKind = m_service->kind(kind);
    if (!connectionKind || !m_service->hasDatabase())
        return nullptr;
    auto *dialog = new AddSourceDialog(m_service, *connectionKind, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        m_banner->hide();
        m_connectAfterLoad = dialog->addedSourceId();
    });
    dialog->open();
    return dialog;
}

CredentialsDialog *ConnectionsPage::connectSource(qint64 sourceId)
{
    const auto source = m_service->source(sourceId);
    if (!source)
        return nullptr;
    auto *dialog = new CredentialsDialog(m_service, *source, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, name = source->source.name] {
        m_banner->showMessage(tr("%1 is connected. Sync it now to bring its data in.").arg(name),
                              Banner::Kind::Info);
        m_banner->show();
    });
    dialog->open();
    return dialog;
}

void ConnectionsPage::syncSource(qint64 sourceId, bool full)
{
    if (sourceId <= 0)
        return;
    m_banner->hide();
    m_service->sync({sourceId}, full);
    updateActions();
}

void ConnectionsPage::disconnectSource(qint64 sourceId)
{
    const auto source = m_service->source(sourceId);
    if (!source)
        return;
    m_service->clearSecrets(sourceId, this, [this, name = source->source.name](const QString &e) {
        if (!e.isEmpty()) {
            showError(tr("The credentials of %1 could not be removed: %2").arg(name, e));
            return;
        }
        m_banner->showMessage(
            tr("%1 is disconnected: its credentials were removed from the keychain. Its "
               "synced data stays.")
                .arg(name),
            Banner::Kind::Info);
        m_banner->show();
    });
}

void ConnectionsPage::removeSource(qint64 sourceId)
{
    const auto source = m_service->source(sourceId);
    if (!source)
        return;
    auto *box = new QMessageBox(
        QMessageBox::Warning, tr("Remove %1?").arg(source->source.name),
        tr("Remove the source \"%1\", its credentials and the data synced from it? This cannot "
           "be undone.")
            .arg(source->source.name),
        QMessageBox::Cancel, this);
    auto *remove = box->addButton(tr("Remove"), QMessageBox::DestructiveRole);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this,
            [this, remove, sourceId, name = source->source.name](QAbstractButton *clicked) {
                if (clicked != remove)
                    return;
                m_scheduler->setInterval(sourceId, 0);
                m_service->removeSource(sourceId, this, [this, name](const QString &error) {
                    if (!error.isEmpty())
                        showError(tr("%1 could not be removed: %2").arg(name, error));
                });
            });
    box->open();
}
