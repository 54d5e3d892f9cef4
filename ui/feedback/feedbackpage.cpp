#include "feedbackpage.h"

#include "search/searchterms.h"

#include "banner.h"
#include "database.h"
#include "feedback/feedbackinboxmodel.h"
#include "feedbackfilterbar.h"
#include "feedbackloader.h"
#include "feedbackreadingpane.h"
#include "feedbacktableview.h"
#include "triagecommand.h"
#include "workspacecontroller.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

namespace {

const QString SplitterKey = QStringLiteral("feedback/splitter");
const QString HeaderKey = QStringLiteral("feedback/header");

QToolButton *toolButton(QAction *action, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    button->setAccessibleName(action->text());
    return button;
}

} // namespace

FeedbackPage::FeedbackPage(WorkspaceController *controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_loader(new FeedbackLoader(this))
    , m_undo(new QUndoStack(this))
    , m_stack(new QStackedWidget(this))
    , m_banner(new Banner(this))
    , m_filters(new FeedbackFilterBar(this))
    , m_count(new QLabel(this))
    , m_busy(new QProgressBar(this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_view(new FeedbackTableView(m_splitter))
    , m_reading(new FeedbackReadingPane(m_splitter))
{
    setAccessibleName(tr("Feedback"));

    auto *title = new QLabel(tr("Feedback"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    titleFont.setWeight(QFont::DemiBold);
    title->setFont(titleFont);

    QAction *undo = m_undo->createUndoAction(this, tr("Undo"));
    undo->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Z)});
    QAction *redo = m_undo->createRedoAction(this, tr("Redo"));
    redo->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    for (QAction *action : {undo, redo}) {
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(action);
    }
    undo->setToolTip(tr("Undo the last triage (Ctrl+Z)"));
    redo->setToolTip(tr("Redo (Ctrl+Shift+Z)"));

    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(80);
    m_busy->setMaximumHeight(6);
    m_busy->setTextVisible(false);
    m_busy->setAccessibleName(tr("Loading"));
    m_busy->hide();
    m_count->setAccessibleName(tr("Number of feedback items"));

    auto *header = new QHBoxLayout;
    header->setSpacing(8);
    header->addWidget(title);
    header->addStretch();
    header->addWidget(m_busy);
    header->addWidget(m_count);
    header->addWidget(toolButton(undo, this));
    header->addWidget(toolButton(redo, this));

    m_splitter->addWidget(m_view);
    m_splitter->addWidget(m_reading);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setChildrenCollapsible(false);
    if (!m_splitter->restoreState(QSettings().value(SplitterKey).toByteArray()))
        m_splitter->setSizes({900, 500});
    connect(m_splitter, &QSplitter::splitterMoved, this,
            [this] { QSettings().setValue(SplitterKey, m_splitter->saveState()); });

    auto *content = new QWidget(m_stack);
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->setSpacing(8);
    contentLayout->addWidget(m_filters);
    contentLayout->addWidget(m_splitter, 1);
    auto *empty = new QLabel(tr("<h3>No workspace is open</h3><p>Open or create a workspace to "
                                "search, read and triage its feedback here.</p>"),
                             m_stack);
    empty->setAlignment(Qt::AlignCenter);
    empty->setWordWrap(true);
    empty->setAccessibleName(tr("No workspace is open"));
    m_stack->addWidget(empty);
    m_stack->addWidget(content);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 16, 16, 16);
    layout->setSpacing(8);
    layout->addLayout(header);
    layout->addWidget(m_banner);
    layout->addWidget(m_stack, 1);

    connect(m_filters, &FeedbackFilterBar::filterChanged, this, &FeedbackPage::applyFilter);
    connect(m_view, &FeedbackTableView::statusKeyPressed, this, &FeedbackPage::setStatus);
    connect(m_view, &FeedbackTableView::tagKeyPressed, m_reading->tagField(),
            qOverload<>(&QWidget::setFocus));
    connect(m_view, &FeedbackTableView::linkKeyPressed, m_reading->featureField(),
            qOverload<>(&QWidget::setFocus));
    connect(m_reading, &FeedbackReadingPane::statusRequested, this, &FeedbackPage::setStatus);
    connect(m_reading, &FeedbackReadingPane::tagRequested, this, &FeedbackPage::addTag);
    connect(m_reading, &FeedbackReadingPane::linkRequested, this, &FeedbackPage::linkFeature);
    connect(m_reading, &FeedbackReadingPane::problem, this, [this](const QString &message) {
        m_banner->showMessage(message, Banner::Kind::Error);
    });
    connect(m_loader, &FeedbackLoader::choicesLoaded, this,
            [this](const NamedIds &sources, const NamedIds &features) {
                m_filters->setSources(sources);
                m_reading->setFeatures(features);
            });
    connect(m_loader, &FeedbackLoader::counted, this, [this](qint64 total, qint64 matching) {
        const QLocale locale;
        m_count->setText(tr("%1 feedback items · %2 shown by this filter")
                             .arg(locale.toString(total), locale.toString(matching)));
    });
    connect(m_loader, &FeedbackLoader::detailsLoaded, m_reading, &FeedbackReadingPane::showDetails);
    connect(m_loader, &FeedbackLoader::failed, this,
            [this](const QString &error) { m_banner->showMessage(error, Banner::Kind::Error); });
    connect(m_loader, &FeedbackLoader::busyChanged, this, &FeedbackPage::updateBusy);
    if (m_controller)
        connect(m_controller, &WorkspaceController::opened, this, &FeedbackPage::openWorkspace);
    openWorkspace();
}

FeedbackPage::~FeedbackPage()
{
    // The view must let go of the model before the model goes.
    m_view->setModel(nullptr);
}

bool FeedbackPage::isBusy() const
{
    return m_loader->isBusy();
}

void FeedbackPage::updateBusy()
{
    m_busy->setVisible(m_loader->isBusy());
}

QString FeedbackPage::countText() const
{
    return m_count->text();
}

void FeedbackPage::openWorkspace()
{
    const std::shared_ptr<Database> database =
        m_controller ? m_controller->database() : std::shared_ptr<Database>();
    if (database == m_database && (m_model || !database))
        return;
    if (m_model)
        QSettings().setValue(HeaderKey, m_view->horizontalHeader()->saveState());
    m_undo->clear();
    m_view->setModel(nullptr);
    m_model.reset();
    m_database = database;
    m_loader->setDatabase(database);
    m_reading->showNothing();
    m_banner->hide();
    m_count->clear();
    if (!m_database) {
        m_stack->setCurrentIndex(0);
        return;
    }
    m_stack->setCurrentIndex(1);
    m_model = std::make_unique<FeedbackInboxModel>(m_database->connection());
    connect(m_model.get(), &FeedbackInboxModel::failed, this, [this](const QString &error) {
        m_banner->showMessage(tr("Could not read the feedback: %1").arg(error),
                              Banner::Kind::Error);
    });
    m_model->setQuery(FeedbackQuery(m_filters->filter()));
    m_view->setModel(m_model.get());
    fetchFirstWindow();
    QHeaderView *columns = m_view->horizontalHeader();
    if (!columns->restoreState(QSettings().value(HeaderKey).toByteArray())) {
        m_view->setColumnHidden(FeedbackInboxModel::Channel, true);
        m_view->setColumnHidden(FeedbackInboxModel::Author, true);
        const int em = fontMetrics().averageCharWidth();
        m_view->setColumnWidth(FeedbackInboxModel::Source, em * 14);
        m_view->setColumnWidth(FeedbackInboxModel::Title, em * 32);
        m_view->setColumnWidth(FeedbackInboxModel::Body, em * 36);
        m_view->setColumnWidth(FeedbackInboxModel::Company, em * 16);
        m_view->setColumnWidth(FeedbackInboxModel::Score, em * 7);
        m_view->setColumnWidth(FeedbackInboxModel::Created, em * 21);
        m_view->setColumnWidth(FeedbackInboxModel::Status, em * 10);
    }
    m_view->sortByColumn(FeedbackInboxModel::Created, Qt::DescendingOrder);
    m_view->setItemDelegateForColumn(
        FeedbackInboxModel::Title,
        new HighlightDelegate(FeedbackInboxModel::TitleHighlightRole, m_view));
    m_view->setItemDelegateForColumn(
        FeedbackInboxModel::Body,
        new HighlightDelegate(FeedbackInboxModel::BodySnippetRole, m_view));
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &FeedbackPage::showCurrent);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &FeedbackPage::showCurrent);
    connect(columns, &QHeaderView::sectionResized, this,
            [this] { QSettings().setValue(HeaderKey, m_view->horizontalHeader()->saveState()); });
    m_loader->loadChoices();
    m_loader->count(m_model->query());
}

void FeedbackPage::reload()
{
    if (!m_model) {
        openWorkspace();
        return;
    }
    int lastRow = 0;
    const QList<qint64> ids = selectedIds(&lastRow);
    const qint64 current = m_model->feedbackId(m_view->currentIndex().row());
    m_model->reload();
    restoreSelection(ids, current, lastRow);
    m_loader->loadChoices();
    m_loader->count(m_model->query());
}

void FeedbackPage::fetchFirstWindow()
{
    // The view would ask on its next layout; asking now lets the first row be selected at
    // once. The first window is read in a few milliseconds even on a large workspace.
    if (m_model->rowCount() == 0 && m_model->canFetchMore(QModelIndex()))
        m_model->fetchMore(QModelIndex());
}

void FeedbackPage::applyFilter()
{
    if (!m_model)
        return;
    const FeedbackQuery &old = m_model->query();
    m_model->setQuery(FeedbackQuery(m_filters->filter(), old.sort(), old.order()));
    fetchFirstWindow();
    m_loader->count(m_model->query());
    if (m_model->rowCount() > 0)
        m_view->setCurrentIndex(m_model->index(0, FeedbackInboxModel::Title));
    else
        m_reading->showNothing();
}

QList<qint64> FeedbackPage::selectedIds(int *lastRow) const
{
    QList<qint64> ids;
    if (!m_model)
        return ids;
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    for (const QModelIndex &row : rows) {
        if (const qint64 id = m_model->feedbackId(row.row()); id > 0)
            ids.append(id);
        if (lastRow)
            *lastRow = qMax(*lastRow, row.row());
    }
    return ids;
}

void FeedbackPage::showCurrent()
{
    if (!m_model)
        return;
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.size() != 1) {
        m_reading->showSelectionCount(int(rows.size()));
        return;
    }
    const int row = rows.first().row();
    auto value = [&](int column, int role = Qt::DisplayRole) {
        return m_model->data(m_model->index(row, column), role);
    };
    ReadingItem item;
    item.id = m_model->feedbackId(row);
    item.title = value(FeedbackInboxModel::Title).toString();
    item.source = value(FeedbackInboxModel::Source).toString();
    item.author = value(FeedbackInboxModel::Author).toString();
    item.company = value(FeedbackInboxModel::Company).toString();
    item.score = value(FeedbackInboxModel::Score);
    item.scoreKind = value(FeedbackInboxModel::Score, FeedbackInboxModel::ScoreKindRole).toString();
    item.created = value(FeedbackInboxModel::Created).toString();
    item.status = value(FeedbackInboxModel::Status).toString();
    item.tags = value(FeedbackInboxModel::Title, FeedbackInboxModel::TagsRole).toStringList();
    item.features = value(FeedbackInboxModel::Features).toString();
    const bool sameItem = item.id == m_reading->itemId();
    m_reading->showItem(item, SearchTerms::words(m_model->query().filter().text));
    if (!sameItem)
        m_loader->loadDetails(item.id);
}

void FeedbackPage::setStatus(const QString &status)
{
    triage(tr("Mark as %1").arg(status),
           [status](FeedbackTriage &triage, const QList<qint64> &ids, TriageChange *change,
                    QString *error) { return triage.setStatus(ids, status, change, error); });
}

void FeedbackPage::addTag(const QString &tag)
{
    triage(tr("Tag “%1”").arg(tag),
           [tag](FeedbackTriage &triage, const QList<qint64> &ids, TriageChange *change,
                 QString *error) { return triage.addTag(ids, tag, change, error); });
}

void FeedbackPage::linkFeature(qint64 featureId, int importance)
{
    triage(tr("Link to a feature"),
           [featureId, importance](FeedbackTriage &triage, const QList<qint64> &ids,
                                   TriageChange *change, QString *error) {
               return triage.linkFeature(ids, featureId, importance, change, error);
           });
}

void FeedbackPage::triage(const QString &description, const Edit &edit)
{
    if (!m_database || !m_model)
        return;
    int lastRow = 0;
    const QList<qint64> ids = selectedIds(&lastRow);
    if (ids.isEmpty()) {
        m_banner->showMessage(tr("Select one or more feedback items first."), Banner::Kind::Info);
        return;
    }
    const qint64 current = m_model->feedbackId(m_view->currentIndex().row());
    FeedbackTriage editor(m_database->writer());
    TriageChange change;
    QString error;
    if (!edit(editor, ids, &change, &error)) {
        m_banner->showMessage(tr("%1 failed: %2").arg(description, error), Banner::Kind::Error);
        return;
    }
    const QString text =
        ids.size() == 1 ? description : tr("%1 (%2 items)").arg(description).arg(ids.size());
    m_undo->push(new TriageCommand(m_database, change, text,
                                   [this, ids, current, lastRow](const QString &error) {
                                       afterTriage(error);
                                       restoreSelection(ids, current, lastRow);
                                   }));
    afterTriage(QString());
    restoreSelection(ids, current, lastRow);
}

void FeedbackPage::afterTriage(const QString &error)
{
    if (!error.isEmpty())
        m_banner->showMessage(tr("The change could not be made: %1").arg(error),
                              Banner::Kind::Error);
    m_model->reload();
    m_loader->count(m_model->query());
}

void FeedbackPage::restoreSelection(const QList<qint64> &ids, qint64 current, int lastRow)
{
    // A reload reads the first window again; read on to where the selection was.
    while (m_model->rowCount() <= lastRow && m_model->canFetchMore(QModelIndex()))
        m_model->fetchMore(QModelIndex());
    QItemSelection selection;
    QModelIndex currentIndex;
    const int columns = m_model->columnCount() - 1;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const qint64 id = m_model->feedbackId(row);
        if (!ids.contains(id))
            continue;
        selection.select(m_model->index(row, 0), m_model->index(row, columns));
        if (id == current)
            currentIndex = m_model->index(row, FeedbackInboxModel::Title);
    }
    QItemSelectionModel *model = m_view->selectionModel();
    if (currentIndex.isValid())
        model->setCurrentIndex(currentIndex, QItemSelectionModel::NoUpdate);
    model->select(selection, QItemSelectionModel::ClearAndSelect);
    // The row's columns changed even when the selection did not.
    m_reading->showSelectionCount(0);
    showCurrent();
    Q_EMIT triaged();
}
