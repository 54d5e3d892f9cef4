#include "companiespage.h"

#include "banner.h"
#include "companies/companytreemodel.h"
#include "companyeditcommand.h"
#include "database.h"
#include "databasewriter.h"
#include "mergetargetdialog.h"
#include "workspacecontroller.h"

#include <QAction>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPointer>
#include <QShowEvent>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QStyledItemDelegate>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QUndoStack>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <algorithm>

namespace {

struct Loaded
{
    std::optional<QList<CompanySummary>> companies;
    QString error;
};

// Comfortable rows, as the other pages' tables have, in proportion to the font. A delegate
// rather than a style sheet, which would draw selected cells apart from the branch column.
class RoomyRows : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QSize size = QStyledItemDelegate::sizeHint(option, index);
        size.setHeight(size.height() + option.fontMetrics.height() / 2);
        return size;
    }
};

QToolButton *toolButton(QAction *action, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    button->setAutoRaise(true);
    button->setAccessibleName(action->text().remove(QLatin1Char('&')));
    return button;
}

} // namespace

CompaniesPage::CompaniesPage(WorkspaceController *controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_model(new CompanyTreeModel(this))
    , m_sorted(new QSortFilterProxyModel(this))
    , m_undo(new QUndoStack(this))
    , m_banner(new Banner(this))
    , m_search(new QLineEdit(this))
    , m_count(new QLabel(this))
    , m_stack(new QStackedWidget(this))
    , m_empty(new QLabel(m_stack))
    , m_tree(new QTreeView(m_stack))
    , m_searchDelay(new QTimer(this))
{
    setAccessibleName(tr("Companies"));
    m_undo->setUndoLimit(200);
    createActions();

    auto *title = new QLabel(tr("Companies"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    titleFont.setWeight(QFont::DemiBold);
    title->setFont(titleFont);

    m_search->setPlaceholderText(tr("Filter by name, domain or identifier"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Filter companies"));
    m_search->setMinimumWidth(m_search->fontMetrics().averageCharWidth() * 36);
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(250);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_searchDelay, &QTimer::timeout, this, &CompaniesPage::load);
    m_count->setAccessibleName(tr("Number of companies"));
    m_count->setForegroundRole(QPalette::PlaceholderText);

    auto *header = new QHBoxLayout;
    header->setSpacing(8);
    header->addWidget(title);
    header->addSpacing(16);
    header->addWidget(m_search);
    header->addStretch();
    for (QAction *action : actions())
        header->addWidget(toolButton(action, this));

    m_sorted->setSourceModel(m_model);
    m_sorted->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_tree->setModel(m_sorted);
    m_tree->setAccessibleName(tr("Companies and their identifiers"));
    m_tree->setSortingEnabled(true);
    m_tree->sortByColumn(CompanyTreeModel::NameColumn, Qt::AscendingOrder);
    m_tree->setUniformRowHeights(true);
    m_tree->setAllColumnsShowFocus(true);
    m_tree->setItemDelegate(new RoomyRows(m_tree));
    m_tree->setAlternatingRowColors(false);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_tree->addActions({m_split, m_merge});
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(CompanyTreeModel::NameColumn, QHeaderView::Stretch);
    for (int column = CompanyTreeModel::DomainColumn; column < CompanyTreeModel::ColumnCount;
         ++column)
        m_tree->header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &CompaniesPage::updateActions);

    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_stack->addWidget(m_tree);
    m_stack->addWidget(m_empty);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 16, 24, 16);
    layout->setSpacing(8);
    layout->addLayout(header);
    layout->addWidget(m_banner);
    layout->addWidget(m_stack, 1);
    layout->addWidget(m_count);
    m_banner->hide();

    if (m_controller)
        connect(m_controller, &WorkspaceController::opened, this, &CompaniesPage::openWorkspace);
    openWorkspace();
}

CompaniesPage::~CompaniesPage() = default;

void CompaniesPage::createActions()
{
    m_split = new QAction(tr("&Split off"), this);
    m_split->setToolTip(
        tr("File the selected identifier under a company of its own (%1)")
            .arg(QKeySequence(Qt::CTRL | Qt::Key_D).toString(QKeySequence::NativeText)));
    m_split->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    connect(m_split, &QAction::triggered, this, [this] {
        const QModelIndex index = currentSourceIndex();
        if (index.isValid())
            splitOff(index.data(CompanyTreeModel::SourceIdRole).toLongLong(),
                     index.data(CompanyTreeModel::ExternalIdRole).toString());
    });
    m_merge = new QAction(tr("&Merge into…"), this);
    m_merge->setToolTip(
        tr("Merge the selected company into another (%1)")
            .arg(QKeySequence(Qt::CTRL | Qt::Key_M).toString(QKeySequence::NativeText)));
    m_merge->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_M));
    connect(m_merge, &QAction::triggered, this, &CompaniesPage::askMerge);

    QAction *undo = m_undo->createUndoAction(this, tr("Undo"));
    undo->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Z)});
    QAction *redo = m_undo->createRedoAction(this, tr("Redo"));
    redo->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    for (QAction *action : {m_split, m_merge, undo, redo}) {
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(action);
    }
    updateActions();
}

void CompaniesPage::openWorkspace()
{
    const std::shared_ptr<Database> database =
        m_controller ? m_controller->database() : std::shared_ptr<Database>();
    if (database == m_database && m_database)
        return;
    m_database = database;
    // Edits of another workspace cannot be undone in this one.
    m_undo->clear();
    m_banner->hide();
    m_model->setCompanies({});
    load();
}

void CompaniesPage::reload()
{
    load();
}

void CompaniesPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_database && m_writing == 0 && !event->spontaneous())
        load();
}

void CompaniesPage::load()
{
    if (!m_database) {
        m_empty->setText(tr("Open a workspace to see the companies its tools know."));
        m_stack->setCurrentWidget(m_empty);
        m_count->clear();
        updateActions();
        return;
    }
    const quint64 generation = ++m_generation;
    ++m_loading;
    auto *watcher = new QFutureWatcher<Loaded>(this);
    connect(watcher, &QFutureWatcher<Loaded>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        --m_loading;
        if (generation != m_generation)
            return; // an answer to older text never replaces a newer one
        const Loaded result = watcher->result();
        if (!result.companies) {
            m_banner->showMessage(tr("Cannot read the companies: %1").arg(result.error),
                                  Banner::Kind::Error);
            return;
        }
        showCompanies(*result.companies);
    });
    const std::shared_ptr<Database> database = m_database;
    const QString search = m_search->text();
    watcher->setFuture(QtConcurrent::run([database, search] {
        Loaded loaded;
        loaded.companies = CompanyStore::list(database->connection(), search, &loaded.error);
        return loaded;
    }));
}

void CompaniesPage::showCompanies(const QList<CompanySummary> &companies)
{
    const qint64 keep = m_select ? m_select : selectedCompanyId();
    m_select = 0;
    m_model->setCompanies(companies);
    qsizetype identifiers = 0;
    for (const CompanySummary &company : companies)
        identifiers += company.sources.size();
    if (companies.isEmpty()) {
        m_empty->setText(m_search->text().trimmed().isEmpty()
                             ? tr("No companies yet. Sync a CRM such as Salesforce, HubSpot or "
                                  "Pipedrive, or a product board, in Connections: the same "
                                  "company seen by several tools is matched here.")
                             : tr("No company matches \"%1\".").arg(m_search->text().trimmed()));
        m_stack->setCurrentWidget(m_empty);
        m_count->clear();
    } else {
        m_stack->setCurrentWidget(m_tree);
        const QLocale locale;
        m_count->setText((companies.size() == 1
                              ? tr("1 company")
                              : tr("%1 companies").arg(locale.toString(qint64(companies.size())))) +
                         QStringLiteral(" · ") +
                         (identifiers == 1 ? tr("1 identifier in the connected tools")
                                           : tr("%1 identifiers in the connected tools")
                                                 .arg(locale.toString(qint64(identifiers)))));
    }
    if (keep)
        selectCompany(keep);
    updateActions();
    Q_EMIT loaded();
}

void CompaniesPage::selectCompany(qint64 id)
{
    const QModelIndex index = m_sorted->mapFromSource(m_model->indexOfCompany(id));
    if (!index.isValid())
        return;
    m_tree->setCurrentIndex(index);
    m_tree->expand(index);
    m_tree->scrollTo(index);
}

qint64 CompaniesPage::selectedCompanyId() const
{
    return m_tree->currentIndex().data(CompanyTreeModel::CompanyIdRole).toLongLong();
}

QModelIndex CompaniesPage::currentSourceIndex() const
{
    const QModelIndex index = m_tree->currentIndex();
    return index.isValid() && index.parent().isValid() ? index : QModelIndex();
}

void CompaniesPage::updateActions()
{
    const QModelIndex source = currentSourceIndex();
    const bool idle = m_database && m_writing == 0;
    m_split->setEnabled(idle && source.isValid() && m_sorted->rowCount(source.parent()) > 1);
    m_merge->setEnabled(idle && selectedCompanyId() != 0 && m_model->rowCount() > 1);
}

void CompaniesPage::splitOff(qint64 sourceId, const QString &externalId)
{
    runEdit(tr("Split %1 off").arg(externalId),
            [sourceId, externalId](QSqlDatabase &db, CompanyEdit *edit, QString *error) {
                return CompanyStore::split(db, sourceId, externalId, edit, error);
            });
}

void CompaniesPage::mergeInto(qint64 from, qint64 into)
{
    QString fromName = QString::number(from);
    QString intoName = QString::number(into);
    for (const CompanySummary &company : m_model->companies()) {
        if (company.id == from)
            fromName = company.name;
        else if (company.id == into)
            intoName = company.name;
    }
    runEdit(tr("Merge %1 into %2").arg(fromName, intoName),
            [from, into](QSqlDatabase &db, CompanyEdit *edit, QString *error) {
                return CompanyStore::merge(db, from, into, edit, error);
            });
}

void CompaniesPage::askMerge()
{
    const qint64 from = selectedCompanyId();
    const auto &companies = m_model->companies();
    const auto it = std::find_if(companies.cbegin(), companies.cend(),
                                 [from](const CompanySummary &c) { return c.id == from; });
    if (it == companies.cend())
        return;
    // The whole list, not only what the filter shows: the right company may be filtered out.
    QString error;
    const auto all = CompanyStore::list(m_database->connection(), {}, &error);
    MergeTargetDialog dialog(*it, all.value_or(companies), this);
    if (dialog.exec() == QDialog::Accepted && dialog.targetId())
        mergeInto(from, dialog.targetId());
}

void CompaniesPage::runEdit(const QString &text, Edit edit)
{
    if (!m_database)
        return;
    auto result = std::make_shared<CompanyEdit>();
    ++m_writing;
    updateActions();
    m_database->writer()->submit(
        [edit, result](QSqlDatabase &db, QString *error) { return edit(db, result.get(), error); },
        this,
        [this, text, result](const WriteResult &written) {
            --m_writing;
            if (!written.ok) {
                m_banner->showMessage(written.error, Banner::Kind::Error);
                updateActions();
                Q_EMIT edited(false);
                return;
            }
            m_banner->hide();
            m_undo->push(new CompanyEditCommand(
                text, *result,
                [this](const CompanyEdit &change, bool forward) { replay(change, forward); }));
            m_select = result->target();
            load();
            Q_EMIT edited(true);
        });
}

void CompaniesPage::replay(const CompanyEdit &edit, bool forward)
{
    if (!m_database)
        return;
    ++m_writing;
    updateActions();
    m_database->writer()->submit(
        [edit, forward](QSqlDatabase &db, QString *error) {
            return forward ? CompanyStore::apply(db, edit, error)
                           : CompanyStore::revert(db, edit, error);
        },
        this,
        [this, edit, forward](const WriteResult &written) {
            --m_writing;
            if (!written.ok) {
                // The workspace and the stack no longer agree: start the stack afresh.
                m_banner->showMessage(tr("Cannot %1 the change to the companies: %2")
                                          .arg(forward ? tr("redo") : tr("undo"), written.error),
                                      Banner::Kind::Error);
                m_undo->clear();
            } else {
                m_banner->hide();
                m_select = forward ? edit.target()
                                   : (edit.removed.isEmpty() ? edit.links.value(0).from
                                                             : edit.removed.first().id);
            }
            load();
            Q_EMIT edited(written.ok);
        });
}
