#include "triggerspanel.h"

#include "activity/triggerlistmodel.h"
#include "activity/triggerstore.h"
#include "background.h"
#include "banner.h"
#include "database.h"
#include "triggercommands.h"
#include "triggerdialog.h"
#include "workspacecontroller.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QUndoStack>
#include <QVBoxLayout>

TriggersPanel::TriggersPanel(WorkspaceController *controller, Banner *banner, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_banner(banner)
    , m_model(new TriggerListModel(this))
    , m_view(new QTableView(this))
    , m_undo(new QUndoStack(this))
    , m_edit(new QPushButton(tr("&Edit…"), this))
    , m_remove(new QPushButton(tr("&Delete"), this))
{
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->setWordWrap(false);
    m_view->horizontalHeader()->setSectionResizeMode(TriggerListModel::Condition,
                                                     QHeaderView::Stretch);
    m_view->setAccessibleName(tr("Triggers"));

    auto *add = new QPushButton(tr("&New trigger…"), this);
    add->setDefault(true);
    auto *undo = new QPushButton(tr("Undo"), this);
    auto *redo = new QPushButton(tr("Redo"), this);
    undo->setEnabled(false);
    redo->setEnabled(false);
    connect(m_undo, &QUndoStack::canUndoChanged, undo, &QWidget::setEnabled);
    connect(m_undo, &QUndoStack::canRedoChanged, redo, &QWidget::setEnabled);
    connect(m_undo, &QUndoStack::undoTextChanged, undo, [undo](const QString &text) {
        undo->setToolTip(text.isEmpty() ? QString() : tr("Undo %1").arg(text));
    });
    connect(undo, &QPushButton::clicked, m_undo, &QUndoStack::undo);
    connect(redo, &QPushButton::clicked, m_undo, &QUndoStack::redo);
    // Ctrl+Z / Ctrl+Shift+Z while the panel has focus.
    QAction *undoAction = m_undo->createUndoAction(this);
    undoAction->setShortcut(QKeySequence::Undo);
    undoAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(undoAction);
    QAction *redoAction = m_undo->createRedoAction(this);
    redoAction->setShortcut(QKeySequence::Redo);
    redoAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(redoAction);
    m_edit->setEnabled(false);
    m_remove->setEnabled(false);

    auto *hint = new QLabel(
        tr("Triggers are checked after every webhook delivery and every few minutes. Each fires "
           "once when its condition becomes true, with a notification and an entry in the feed."),
        this);
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(m_edit);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    buttons->addWidget(undo);
    buttons->addWidget(redo);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 8, 0, 0);
    layout->addLayout(buttons);
    layout->addWidget(m_view, 1);
    layout->addWidget(hint);

    connect(add, &QPushButton::clicked, this, [this] {
        Trigger blank;
        blank.kind = QLatin1String(TriggerKinds::NpsBelow);
        TriggerDialog dialog(blank, m_names, this);
        if (dialog.exec() == QDialog::Accepted)
            addTrigger(dialog.trigger());
    });
    connect(m_edit, &QPushButton::clicked, this, &TriggersPanel::editSelected);
    connect(m_remove, &QPushButton::clicked, this, &TriggersPanel::removeSelected);
    connect(m_view, &QTableView::activated, this, &TriggersPanel::editSelected);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        m_edit->setEnabled(selected() != nullptr);
        m_remove->setEnabled(selected() != nullptr);
    });
    connect(m_model, &TriggerListModel::toggleRequested, this,
            [this](const Trigger &trigger, bool enabled) {
                Trigger after = trigger;
                after.enabled = enabled;
                changeTrigger(trigger, after);
            });
}

const Trigger *TriggersPanel::selected() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? nullptr : &m_model->trigger(rows.first().row());
}

void TriggersPanel::reload()
{
    const std::shared_ptr<Database> database = m_controller ? m_controller->database() : nullptr;
    if (!database)
        return;
    struct Result
    {
        std::optional<QList<Trigger>> triggers;
        std::optional<TriggerNames> names;
        QString error;
    };
    runInBackground(
        this,
        [database]() -> Result {
            Result result;
            result.triggers = TriggerStore::load(database->connection(), &result.error);
            if (result.triggers)
                result.names = TriggerNames::load(database->connection(), &result.error);
            return result;
        },
        [this](const Result &result) {
            if (!result.triggers || !result.names) {
                m_banner->showMessage(tr("The triggers could not be read: %1").arg(result.error),
                                      Banner::Kind::Error);
                return;
            }
            const Trigger *current = selected();
            const qint64 keep = current ? current->id : 0;
            m_names = *result.names;
            m_model->setTriggers(*result.triggers, m_names);
            if (const int row = m_model->rowOf(keep); row >= 0)
                m_view->selectRow(row);
            m_view->resizeColumnToContents(TriggerListModel::Name);
            m_view->resizeColumnToContents(TriggerListModel::LastFired);
            Q_EMIT loaded();
        });
}

void TriggersPanel::changed(const QString &error)
{
    if (!error.isEmpty())
        m_banner->showMessage(tr("The trigger could not be saved: %1").arg(error),
                              Banner::Kind::Error);
    reload();
}

void TriggersPanel::addTrigger(const Trigger &trigger)
{
    const std::shared_ptr<Database> database = m_controller ? m_controller->database() : nullptr;
    if (database)
        m_undo->push(new TriggerCommand(TriggerCommand::Change::Add, database, {}, trigger, this,
                                        [this](const QString &error) { changed(error); }));
}

void TriggersPanel::changeTrigger(const Trigger &before, const Trigger &after)
{
    const std::shared_ptr<Database> database = m_controller ? m_controller->database() : nullptr;
    if (database && !(before == after))
        m_undo->push(new TriggerCommand(TriggerCommand::Change::Edit, database, before, after, this,
                                        [this](const QString &error) { changed(error); }));
}

void TriggersPanel::removeTrigger(const Trigger &trigger)
{
    const std::shared_ptr<Database> database = m_controller ? m_controller->database() : nullptr;
    if (database)
        m_undo->push(new TriggerCommand(TriggerCommand::Change::Remove, database, trigger, {}, this,
                                        [this](const QString &error) { changed(error); }));
}

void TriggersPanel::editSelected()
{
    const Trigger *current = selected();
    if (!current)
        return;
    const Trigger before = *current;
    TriggerDialog dialog(before, m_names, this);
    if (dialog.exec() == QDialog::Accepted)
        changeTrigger(before, dialog.trigger());
}

void TriggersPanel::removeSelected()
{
    // Undo brings it back, so no confirmation box.
    if (const Trigger *current = selected())
        removeTrigger(*current);
}
