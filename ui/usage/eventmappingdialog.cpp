#include "eventmappingdialog.h"

#include "banner.h"
#include "database.h"
#include "eventmappingcommands.h"
#include "eventmappingmodels.h"
#include "metrics/featurecatalog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFutureWatcher>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QUndoStack>
#include <QVBoxLayout>
#include <QtConcurrent>

// What the dialog shows, read off the UI thread in one go.
struct EventMappingSnapshot
{
    QList<EventMapping::Entry> entries;
    QList<EventMapping::Unmapped> unmapped;
    QList<QPair<qint64, QString>> features;
    QString error;
};

namespace {

EventMappingSnapshot readSnapshot(Database *database)
{
    EventMappingSnapshot snapshot;
    const QSqlDatabase db = database->connection();
    snapshot.entries = EventMapping::entries(db, &snapshot.error);
    if (snapshot.error.isEmpty())
        snapshot.unmapped = EventMapping::unmapped(db, &snapshot.error);
    if (snapshot.error.isEmpty()) {
        const FeatureCatalog catalog = FeatureCatalog::load(db, &snapshot.error);
        for (const CatalogFeature &feature : catalog.features())
            snapshot.features.append({feature.id, feature.name});
        std::sort(
            snapshot.features.begin(), snapshot.features.end(),
            [](const auto &a, const auto &b) { return a.second.localeAwareCompare(b.second) < 0; });
    }
    return snapshot;
}

QTableView *tableFor(QAbstractItemModel *model, const QString &name, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setModel(model);
    view->setAccessibleName(name);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    return view;
}

} // namespace

EventMappingDialog::EventMappingDialog(std::shared_ptr<Database> database, QWidget *parent)
    : QDialog(parent)
    , m_database(std::move(database))
    , m_undo(new QUndoStack(this))
    , m_mapped(new MappedEventsModel(this))
    , m_unmapped(new UnmappedEventsModel(this))
    , m_banner(new Banner(this))
    , m_pattern(new QLineEdit(this))
    , m_feature(new QComboBox(this))
    , m_map(new QPushButton(tr("&Map"), this))
    , m_unmap(new QPushButton(tr("&Unmap"), this))
    , m_mappedTitle(new QLabel(this))
    , m_unmappedTitle(new QLabel(this))
{
    setWindowTitle(tr("Analytics Events and Features"));
    resize(960, 560);
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(
        tr("Analytics tools send events, not features. Choose which events count as use of "
           "which feature: an exact event name, or a pattern where * stands for any text and "
           "? for one character. Usage is recounted from the stored events at once; no sync "
           "is needed."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_banner->hide();
    layout->addWidget(m_banner);

    auto *form = new QGridLayout;
    m_pattern->setPlaceholderText(tr("Event name, or a pattern such as report_*"));
    m_pattern->setAccessibleName(tr("Event name or pattern"));
    m_pattern->setClearButtonEnabled(true);
    m_feature->setAccessibleName(tr("Feature"));
    m_feature->setMinimumContentsLength(24);
    auto *eventLabel = new QLabel(tr("&Event:"), this);
    eventLabel->setBuddy(m_pattern);
    auto *featureLabel = new QLabel(tr("counts as use of &feature:"), this);
    featureLabel->setBuddy(m_feature);
    form->addWidget(eventLabel, 0, 0);
    form->addWidget(m_pattern, 0, 1);
    form->addWidget(featureLabel, 0, 2);
    form->addWidget(m_feature, 0, 3);
    form->addWidget(m_map, 0, 4);
    form->setColumnStretch(1, 2);
    form->setColumnStretch(3, 1);
    layout->addLayout(form);
    m_map->setDefault(true);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    auto *mappedSide = new QWidget(splitter);
    auto *mappedLayout = new QVBoxLayout(mappedSide);
    mappedLayout->setContentsMargins(0, 0, 0, 0);
    m_mappedView = tableFor(m_mapped, tr("Mapped events"), mappedSide);
    mappedLayout->addWidget(m_mappedTitle);
    mappedLayout->addWidget(m_mappedView);
    mappedLayout->addWidget(m_unmap, 0, Qt::AlignLeft);
    auto *unmappedSide = new QWidget(splitter);
    auto *unmappedLayout = new QVBoxLayout(unmappedSide);
    unmappedLayout->setContentsMargins(0, 0, 0, 0);
    m_unmappedView = tableFor(m_unmapped, tr("Events not mapped to a feature"), unmappedSide);
    unmappedLayout->addWidget(m_unmappedTitle);
    unmappedLayout->addWidget(m_unmappedView);
    splitter->addWidget(mappedSide);
    splitter->addWidget(unmappedSide);
    layout->addWidget(splitter, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QAction *undo = m_undo->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = m_undo->createRedoAction(this, tr("&Redo"));
    redo->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    addAction(undo);
    addAction(redo);
    auto *undoButton = buttons->addButton(tr("Undo"), QDialogButtonBox::ActionRole);
    auto *redoButton = buttons->addButton(tr("Redo"), QDialogButtonBox::ActionRole);
    connect(undoButton, &QPushButton::clicked, m_undo, &QUndoStack::undo);
    connect(redoButton, &QPushButton::clicked, m_undo, &QUndoStack::redo);
    connect(m_undo, &QUndoStack::canUndoChanged, undoButton, &QPushButton::setEnabled);
    connect(m_undo, &QUndoStack::canRedoChanged, redoButton, &QPushButton::setEnabled);
    connect(m_undo, &QUndoStack::undoTextChanged, undoButton, &QPushButton::setToolTip);
    connect(m_undo, &QUndoStack::redoTextChanged, redoButton, &QPushButton::setToolTip);
    undoButton->setEnabled(false);
    redoButton->setEnabled(false);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    connect(m_map, &QPushButton::clicked, this, &EventMappingDialog::mapEntered);
    connect(m_pattern, &QLineEdit::returnPressed, this, &EventMappingDialog::mapEntered);
    connect(m_unmap, &QPushButton::clicked, this, &EventMappingDialog::unmapSelected);
    auto *deleteAction = new QAction(tr("Unmap"), m_mappedView);
    deleteAction->setShortcut(QKeySequence::Delete);
    deleteAction->setShortcutContext(Qt::WidgetShortcut);
    connect(deleteAction, &QAction::triggered, this, &EventMappingDialog::unmapSelected);
    m_mappedView->addAction(deleteAction);
    connect(m_unmappedView, &QTableView::activated, this, &EventMappingDialog::useUnmapped);
    connect(m_unmappedView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    m_pattern->setText(m_unmapped->eventName(current));
            });
    connect(m_mappedView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &EventMappingDialog::updateButtons);
    connect(m_pattern, &QLineEdit::textChanged, this, &EventMappingDialog::updateButtons);
    updateButtons();
    reload();
}

QString EventMappingDialog::message() const
{
    return m_banner->isVisible() ? m_banner->text() : QString();
}

void EventMappingDialog::reload()
{
    ++m_loading;
    auto *watcher = new QFutureWatcher<EventMappingSnapshot>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        --m_loading;
        display(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run(readSnapshot, m_database.get()));
}

void EventMappingDialog::display(const EventMappingSnapshot &snapshot)
{
    if (!snapshot.error.isEmpty()) {
        m_banner->showMessage(tr("The event mapping could not be read: %1").arg(snapshot.error),
                              Banner::Kind::Error);
        m_banner->show();
    }
    const qint64 chosen = m_feature->currentData().toLongLong();
    m_feature->clear();
    for (const auto &[id, name] : snapshot.features)
        m_feature->addItem(name, id);
    const int again = m_feature->findData(chosen);
    if (again >= 0)
        m_feature->setCurrentIndex(again);
    m_mapped->setEntries(snapshot.entries);
    m_unmapped->setEvents(snapshot.unmapped);
    m_mappedTitle->setText(tr("<b>Mapped</b> (%1)").arg(snapshot.entries.size()));
    m_unmappedTitle->setText(
        snapshot.unmapped.isEmpty()
            ? tr("<b>Not mapped</b>: every stored event name is mapped")
            : tr("<b>Not mapped</b> (%1, most frequent first)").arg(snapshot.unmapped.size()));
    m_mappedView->resizeColumnsToContents();
    m_unmappedView->resizeColumnsToContents();
    updateButtons();
    Q_EMIT loaded();
}

bool EventMappingDialog::mapEntered()
{
    const QString pattern = m_pattern->text().trimmed();
    QString problem = EventMapping::validate(pattern);
    const qint64 featureId = m_feature->currentData().toLongLong();
    if (problem.isEmpty() && featureId <= 0)
        problem = tr("Choose the feature the event counts as use of.");
    if (problem.isEmpty() && m_mapped->contains(pattern, featureId))
        problem = tr("\"%1\" is already mapped to %2.").arg(pattern, m_feature->currentText());
    if (!problem.isEmpty()) {
        m_banner->showMessage(problem, Banner::Kind::Error);
        m_banner->show();
        return false;
    }
    m_banner->hide();
    m_undo->push(EventMappingCommand::map(m_database, this, pattern, featureId,
                                          m_feature->currentText(),
                                          [this](const QString &error) { stepDone(error); }));
    m_pattern->clear();
    return true;
}

void EventMappingDialog::useUnmapped(const QModelIndex &index)
{
    const QString name = m_unmapped->eventName(index);
    if (name.isEmpty())
        return;
    m_pattern->setText(name);
    m_feature->setFocus();
    m_feature->showPopup();
}

void EventMappingDialog::unmapSelected()
{
    const QModelIndexList rows = m_mappedView->selectionModel()->selectedRows();
    const EventMapping::Entry *entry = rows.isEmpty() ? nullptr : m_mapped->entry(rows.first());
    if (!entry)
        return;
    m_banner->hide();
    m_undo->push(EventMappingCommand::unmap(m_database, this, entry->id, entry->pattern,
                                            entry->featureId, entry->featureName,
                                            [this](const QString &error) { stepDone(error); }));
}

void EventMappingDialog::stepDone(const QString &error)
{
    if (!error.isEmpty()) {
        m_banner->showMessage(tr("The mapping was not changed: %1").arg(error),
                              Banner::Kind::Error);
        m_banner->show();
    }
    reload();
}

void EventMappingDialog::updateButtons()
{
    m_map->setEnabled(!m_pattern->text().trimmed().isEmpty() && m_feature->count() > 0);
    m_unmap->setEnabled(m_mappedView->selectionModel()->hasSelection());
}
