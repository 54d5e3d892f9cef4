#include "feedbackpage.h"

#include "search/searchterms.h"

#include "banner.h"
#include "database.h"
#include "exportactions.h"
#include "feedback/feedbackinboxmodel.h"
#include "feedbackfilterbar.h"
#include "feedbackloader.h"
#include "feedbackreadingpane.h"
#include "feedbacktableview.h"
#include "newfeaturedialog.h"
#include "recorddialog.h"
#include "sharebutton.h"
#include "triagecommand.h"
#include "workspacecontroller.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMap>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QSet>
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
    , m_newFeature(new QAction(tr("New Feature from Feedback…"), this))
    , m_merge(new QAction(tr("Merge Duplicates"), this))
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
    m_newFeature->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    m_newFeature->setToolTip(tr("Make a feature from the selected feedback and link it "
                                "(Ctrl+Shift+F)"));
    m_merge->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_M));
    m_merge->setToolTip(tr("Merge the selected items into the current one as duplicates "
                           "(Ctrl+M); every source's record is kept"));
    for (QAction *action : {m_newFeature, m_merge}) {
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(action);
    }
    connect(m_newFeature, &QAction::triggered, this, qOverload<>(&FeedbackPage::createFeature));
    connect(m_merge, &QAction::triggered, this, &FeedbackPage::mergeSelected);

    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(80);
    m_busy->setMaximumHeight(6);
    m_busy->setTextVisible(false);
    m_busy->setAccessibleName(tr("Loading"));
    m_busy->hide();
    m_count->setAccessibleName(tr("Number of feedback items"));

    // Stakeholders get the view as it is filtered: every matching item, not only those read.
    auto *share = new ShareButton(this, tr("Export this view as CSV, or a digest of it as a PDF"));
    QAction *csv =
        share->addExport(tr("This View as &CSV…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    QAction *pdf = share->addExport(tr("Digest as &PDF…"), QKeySequence(Qt::CTRL | Qt::Key_E));
    QAction *preview = share->addExport(tr("Print pre&view of the Digest…"), QKeySequence::Print);
    const auto workspaceName = [this] {
        return m_database ? m_database->workspace().displayName() : QString();
    };
    connect(csv, &QAction::triggered, this, [this] {
        if (m_model)
            ExportActions::exportFeedback(this, m_database, m_model->query());
    });
    connect(pdf, &QAction::triggered, this, [this, workspaceName] {
        if (m_model)
            ExportActions::exportFeedbackDigestPdf(this, m_database, workspaceName(),
                                                   m_model->query());
    });
    connect(preview, &QAction::triggered, this, [this, workspaceName] {
        if (m_model)
            ExportActions::previewFeedbackDigest(this, m_database, workspaceName(),
                                                 m_model->query());
    });

    auto *header = new QHBoxLayout;
    header->setSpacing(8);
    header->addWidget(title);
    header->addStretch();
    header->addWidget(m_busy);
    header->addWidget(m_count);
    header->addWidget(toolButton(undo, this));
    header->addWidget(toolButton(redo, this));
    header->addWidget(share);

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
    connect(m_reading, &FeedbackReadingPane::untagRequested, this, &FeedbackPage::removeTag);
    connect(m_reading, &FeedbackReadingPane::unlinkRequested, this, &FeedbackPage::unlinkFeature);
    connect(m_reading, &FeedbackReadingPane::unmergeRequested, this, &FeedbackPage::unmerge);
    connect(m_reading, &FeedbackReadingPane::mergeRequested, this, &FeedbackPage::mergeIntoCurrent);
    connect(m_reading, &FeedbackReadingPane::openRequested, this, &FeedbackPage::openItem);
    connect(m_reading, &FeedbackReadingPane::newFeatureRequested, m_newFeature, &QAction::trigger);
    connect(m_reading, &FeedbackReadingPane::problem, this, [this](const QString &message) {
        m_banner->showMessage(message, Banner::Kind::Error);
    });
    connect(m_filters, &FeedbackFilterBar::saveViewRequested, this, &FeedbackPage::saveView);
    connect(m_filters, &FeedbackFilterBar::renameViewRequested, this,
            [this](qint64 id, const QString &name) {
                QString error;
                if (m_database &&
                    !FeedbackTriage(m_database->writer()).renameView(id, name, &error))
                    m_banner->showMessage(tr("Could not rename the view: %1").arg(error),
                                          Banner::Kind::Error);
                m_loader->loadChoices();
            });
    connect(m_filters, &FeedbackFilterBar::deleteViewRequested, this, [this](qint64 id) {
        QString error;
        if (m_database && !FeedbackTriage(m_database->writer()).deleteView(id, &error))
            m_banner->showMessage(tr("Could not delete the view: %1").arg(error),
                                  Banner::Kind::Error);
        m_loader->loadChoices();
    });
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, &FeedbackPage::showContextMenu);
    connect(m_view, &FeedbackTableView::columnsChosen, this, &FeedbackPage::saveColumns);
    connect(m_loader, &FeedbackLoader::choicesLoaded, this, [this](const InboxChoices &choices) {
        m_filters->setChoices(choices);
        m_reading->setFeatures(choices.features);
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
    connect(columns, &QHeaderView::sectionResized, this, &FeedbackPage::saveColumns);
    connect(columns, &QHeaderView::sectionMoved, this, &FeedbackPage::saveColumns);
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
    const QVariantList links =
        value(FeedbackInboxModel::Features, FeedbackInboxModel::FeatureLinksRole).toList();
    for (const QVariant &link : links) {
        const QVariantMap map = link.toMap();
        item.links.append({map.value(QStringLiteral("id")).toLongLong(),
                           map.value(QStringLiteral("name")).toString(),
                           map.value(QStringLiteral("importance")).toInt()});
    }
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

bool FeedbackPage::triage(const QString &description, const Edit &edit)
{
    if (!m_database || !m_model)
        return false;
    const QList<qint64> ids = selectedIds();
    if (ids.isEmpty()) {
        m_banner->showMessage(tr("Select one or more feedback items first."), Banner::Kind::Info);
        return false;
    }
    return triage(description, edit, ids);
}

bool FeedbackPage::triage(const QString &description, const Edit &edit,
                          const QList<qint64> &editedIds)
{
    if (!m_database || !m_model)
        return false;
    // The selection comes back after the edit, wherever the edit moved its rows.
    int lastRow = 0;
    const QList<qint64> ids = selectedIds(&lastRow);
    const qint64 current = m_model->feedbackId(m_view->currentIndex().row());
    FeedbackTriage editor(m_database->writer());
    TriageChange change;
    QString error;
    if (!edit(editor, editedIds, &change, &error)) {
        m_banner->showMessage(tr("%1 failed: %2").arg(description, error), Banner::Kind::Error);
        return false;
    }
    const QString text = editedIds.size() == 1
                             ? description
                             : tr("%1 (%2 items)").arg(description).arg(editedIds.size());
    m_undo->push(new TriageCommand(m_database, change, text,
                                   [this, ids, current, lastRow](const QString &error) {
                                       afterTriage(error);
                                       restoreSelection(ids, current, lastRow);
                                   }));
    afterTriage(QString());
    restoreSelection(ids, current, lastRow);
    return true;
}

void FeedbackPage::removeTag(const QString &tag)
{
    triage(tr("Remove the tag “%1”").arg(tag),
           [tag](FeedbackTriage &triage, const QList<qint64> &ids, TriageChange *change,
                 QString *error) { return triage.removeTag(ids, tag, change, error); });
}

void FeedbackPage::unlinkFeature(qint64 featureId)
{
    triage(tr("Unlink from a feature"),
           [featureId](FeedbackTriage &triage, const QList<qint64> &ids, TriageChange *change,
                       QString *error) {
               return triage.unlinkFeature(ids, featureId, change, error);
           });
}

bool FeedbackPage::createFeature()
{
    const QList<qint64> ids = selectedIds();
    if (!m_model || ids.isEmpty()) {
        m_banner->showMessage(tr("Select the feedback to make a feature from first."),
                              Banner::Kind::Info);
        return false;
    }
    const int row = m_view->currentIndex().row();
    const QString title = m_model->data(m_model->index(row, FeedbackInboxModel::Title)).toString();
    QString body;
    QString url;
    QString error;
    if (m_database && ids.size() == 1)
        FeedbackQuery::bodyAndLink(m_database->connection(), ids.first(), &body, &url, &error);
    NewFeatureDialog dialog(title, body.left(2000), int(ids.size()), this);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    return createFeature(dialog.name(), dialog.description(), dialog.importance());
}

bool FeedbackPage::createFeature(const QString &name, const QString &description, int importance)
{
    const bool made = triage(
        tr("New feature “%1”").arg(name), [&](FeedbackTriage &triage, const QList<qint64> &ids,
                                              TriageChange *change, QString *error) {
            return triage.createFeature(ids, name, description, importance, change, error);
        });
    if (made)
        m_loader->loadChoices();
    return made;
}

void FeedbackPage::mergeSelected()
{
    if (!m_model)
        return;
    const qint64 current = m_model->feedbackId(m_view->currentIndex().row());
    QList<qint64> duplicates = selectedIds();
    duplicates.removeAll(current);
    if (current <= 0 || duplicates.isEmpty()) {
        m_banner->showMessage(tr("Select two or more items: the others are merged into the "
                                 "current one."),
                              Banner::Kind::Info);
        return;
    }
    mergeIntoCurrent(duplicates);
}

void FeedbackPage::mergeIntoCurrent(const QList<qint64> &duplicateIds)
{
    if (!m_model)
        return;
    const qint64 primary = m_model->feedbackId(m_view->currentIndex().row());
    if (primary <= 0)
        return;
    triage(
        tr("Merge duplicates"),
        [primary](FeedbackTriage &triage, const QList<qint64> &ids, TriageChange *change,
                  QString *error) { return triage.mergeDuplicates(primary, ids, change, error); },
        duplicateIds);
}

void FeedbackPage::unmerge(qint64 feedbackId)
{
    triage(tr("Unmerge a duplicate"),
           [](FeedbackTriage &triage, const QList<qint64> &ids, TriageChange *change,
              QString *error) { return triage.unmerge(ids, change, error); },
           {feedbackId});
}

void FeedbackPage::openItem(qint64 feedbackId)
{
    if (!m_model || !m_database)
        return;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->feedbackId(row) == feedbackId) {
            m_view->setCurrentIndex(m_model->index(row, FeedbackInboxModel::Title));
            m_view->scrollTo(m_view->currentIndex());
            return;
        }
    }
    // Not in the list as filtered (or merged away): read it where it is.
    const QSqlDatabase db = m_database->connection();
    QList<FeedbackRow> rows;
    QString body;
    QString url;
    QString error;
    if (!FeedbackQuery().rows(db, {feedbackId}, &rows, &error) || rows.isEmpty() ||
        !FeedbackQuery::bodyAndLink(db, feedbackId, &body, &url, &error)) {
        m_banner->showMessage(error.isEmpty()
                                  ? tr("Feedback item %1 no longer exists.").arg(feedbackId)
                                  : tr("Could not read the item: %1").arg(error),
                              Banner::Kind::Error);
        return;
    }
    const FeedbackRow &item = rows.first();
    QList<QPair<QString, QString>> fields{{tr("Source"), item.source},
                                          {tr("Author"), item.author},
                                          {tr("Company"), item.company},
                                          {tr("Score"), item.score.toString()},
                                          {tr("Created"), item.createdAt},
                                          {tr("Status"), item.status},
                                          {tr("Link"), url},
                                          {tr("Text"), body}};
    RecordDialog dialog(item.title.isEmpty() ? tr("(no title)") : item.title, fields, this);
    dialog.exec();
}

void FeedbackPage::saveView(const QString &name, const FeedbackFilter &filter)
{
    if (!m_database)
        return;
    QString error;
    qint64 id = 0;
    if (!FeedbackTriage(m_database->writer()).saveView(name, filter, &id, &error))
        m_banner->showMessage(tr("Could not save the view: %1").arg(error), Banner::Kind::Error);
    m_loader->loadChoices();
}

void FeedbackPage::saveColumns()
{
    if (m_model)
        QSettings().setValue(HeaderKey, m_view->horizontalHeader()->saveState());
}

void FeedbackPage::showContextMenu(const QPoint &position)
{
    if (!m_model || selectedIds().isEmpty())
        return;
    QMenu menu(this);
    QMenu *status = menu.addMenu(tr("Mark As"));
    const QList<QPair<QString, QString>> statuses{{tr("New"), QStringLiteral("new")},
                                                  {tr("Triaged"), QStringLiteral("triaged")},
                                                  {tr("Linked"), QStringLiteral("linked")},
                                                  {tr("Archived"), QStringLiteral("archived")}};
    for (const auto &[label, value] : statuses)
        status->addAction(label, this, [this, value] { setStatus(value); });
    menu.addAction(tr("Add Tag…"), m_reading->tagField(), qOverload<>(&QWidget::setFocus));
    menu.addAction(tr("Link to Feature…"), m_reading->featureField(),
                   qOverload<>(&QWidget::setFocus));
    // What the selection carries, to take off again.
    QSet<QString> tags;
    QMap<qint64, QString> features;
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    for (const QModelIndex &row : rows) {
        const QModelIndex title = m_model->index(row.row(), FeedbackInboxModel::Title);
        for (const QString &tag : title.data(FeedbackInboxModel::TagsRole).toStringList())
            tags.insert(tag);
        for (const QVariant &link : title.data(FeedbackInboxModel::FeatureLinksRole).toList()) {
            const QVariantMap map = link.toMap();
            if (map.value(QStringLiteral("importance")).toInt() >= 0)
                features.insert(map.value(QStringLiteral("id")).toLongLong(),
                                map.value(QStringLiteral("name")).toString());
        }
    }
    if (!tags.isEmpty()) {
        QStringList sorted = tags.values();
        sorted.sort(Qt::CaseInsensitive);
        QMenu *untag = menu.addMenu(tr("Remove Tag"));
        for (const QString &tag : std::as_const(sorted))
            untag->addAction(tag, this, [this, tag] { removeTag(tag); });
    }
    if (!features.isEmpty()) {
        QMenu *unlink = menu.addMenu(tr("Unlink Feature"));
        for (auto it = features.cbegin(); it != features.cend(); ++it) {
            const qint64 id = it.key();
            unlink->addAction(it.value(), this, [this, id] { unlinkFeature(id); });
        }
    }
    menu.addSeparator();
    menu.addAction(m_newFeature);
    m_merge->setEnabled(rows.size() > 1);
    menu.addAction(m_merge);
    menu.exec(m_view->viewport()->mapToGlobal(position));
    m_merge->setEnabled(true);
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
