#include "feedbackfilterbar.h"

#include "feedbackmorefilters.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QStandardItemModel>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace {

// Dates before this read as "no bound": a date edit cannot be empty.
const QDate NoDate(2000, 1, 1);

QString statusLabel(const QString &status)
{
    if (status == QLatin1String("new"))
        return FeedbackFilterBar::tr("New");
    if (status == QLatin1String("triaged"))
        return FeedbackFilterBar::tr("Triaged");
    if (status == QLatin1String("linked"))
        return FeedbackFilterBar::tr("Linked");
    if (status == QLatin1String("archived"))
        return FeedbackFilterBar::tr("Archived");
    return status;
}

} // namespace

FeedbackFilterBar::FeedbackFilterBar(QWidget *parent)
    : QWidget(parent)
    , m_views(new QComboBox(this))
    , m_viewMenu(new QToolButton(this))
    , m_search(new QLineEdit(this))
    , m_source(new QComboBox(this))
    , m_status(new QComboBox(this))
    , m_unlinked(new QCheckBox(tr("Unlinked only"), this))
    , m_more(new QToolButton(this))
    , m_moreFilters(new FeedbackMoreFilters(this))
    , m_from(makeDateEdit(tr("Created from")))
    , m_to(makeDateEdit(tr("Created until")))
    , m_debounce(new QTimer(this))
{
    m_views->setAccessibleName(tr("Saved view"));
    m_views->setToolTip(tr("Saved views: filters kept under a name"));
    m_views->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_viewMenu->setText(tr("Views"));
    m_viewMenu->setAccessibleName(tr("Saved view actions"));
    m_viewMenu->setPopupMode(QToolButton::InstantPopup);
    auto *viewActions = new QMenu(m_viewMenu);
    QAction *save =
        viewActions->addAction(tr("Save as View…"), this, &FeedbackFilterBar::askSaveView);
    save->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_S));
    save->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(save);
    QAction *rename =
        viewActions->addAction(tr("Rename View…"), this, &FeedbackFilterBar::askRenameView);
    QAction *remove =
        viewActions->addAction(tr("Delete View"), this, &FeedbackFilterBar::askDeleteView);
    connect(viewActions, &QMenu::aboutToShow, this, [this, rename, remove] {
        rename->setEnabled(currentViewId() > 0);
        remove->setEnabled(currentViewId() > 0);
    });
    m_viewMenu->setMenu(viewActions);

    m_search->setPlaceholderText(tr("Search feedback…"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search feedback"));
    m_search->setMinimumWidth(220);
    m_source->setAccessibleName(tr("Source"));
    m_source->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_status->setAccessibleName(tr("Status"));
    m_status->addItem(tr("Any status"));
    for (const QString &status : FeedbackTriage::statuses())
        m_status->addItem(statusLabel(status), status);
    m_unlinked->setAccessibleName(tr("Only feedback linked to no feature"));
    m_more->setText(tr("More filters"));
    m_more->setAccessibleName(tr("More filters"));
    m_more->setToolTip(tr("Score, company, feature and tags"));
    m_more->setCheckable(true);
    m_moreFilters->hide();
    connect(m_more, &QToolButton::toggled, m_moreFilters, &QWidget::setVisible);
    setSources({});
    setChoices({});

    m_debounce->setSingleShot(true);
    m_debounce->setInterval(250);
    connect(m_debounce, &QTimer::timeout, this, &FeedbackFilterBar::announce);
    connect(m_search, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_source, &QComboBox::currentIndexChanged, this, &FeedbackFilterBar::announce);
    connect(m_status, &QComboBox::currentIndexChanged, this, &FeedbackFilterBar::announce);
    connect(m_unlinked, &QCheckBox::toggled, this, &FeedbackFilterBar::announce);
    connect(m_from, &QDateEdit::dateChanged, this, &FeedbackFilterBar::announce);
    connect(m_to, &QDateEdit::dateChanged, this, &FeedbackFilterBar::announce);
    connect(m_moreFilters, &FeedbackMoreFilters::changed, this, &FeedbackFilterBar::announce);
    connect(m_views, &QComboBox::activated, this, &FeedbackFilterBar::showView);

    // The search and what it is searched in on one line, the narrowing filters on the next:
    // the bar fits a laptop-sized window.
    auto *searchRow = new QHBoxLayout;
    searchRow->setSpacing(8);
    searchRow->addWidget(m_views);
    searchRow->addWidget(m_viewMenu);
    searchRow->addWidget(m_search, 1);
    searchRow->addWidget(m_source);
    searchRow->addWidget(m_status);
    auto *filterRow = new QHBoxLayout;
    filterRow->setSpacing(8);
    filterRow->addWidget(m_unlinked);
    filterRow->addWidget(m_more);
    filterRow->addStretch(1);
    auto *from = new QLabel(tr("From"), this);
    from->setBuddy(m_from);
    filterRow->addWidget(from);
    filterRow->addWidget(m_from);
    auto *to = new QLabel(tr("to"), this);
    to->setBuddy(m_to);
    filterRow->addWidget(to);
    filterRow->addWidget(m_to);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addLayout(searchRow);
    layout->addLayout(filterRow);
    layout->addWidget(m_moreFilters);
}

QDateEdit *FeedbackFilterBar::makeDateEdit(const QString &accessibleName)
{
    auto *edit = new QDateEdit(this);
    edit->setAccessibleName(accessibleName);
    edit->setCalendarPopup(true);
    edit->setMinimumDate(NoDate);
    edit->setSpecialValueText(tr("Any date"));
    edit->setDate(NoDate);
    edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    return edit;
}

FeedbackFilter FeedbackFilterBar::filter() const
{
    FeedbackFilter filter;
    filter.text = m_search->text().trimmed();
    if (const qint64 source = m_source->currentData().toLongLong(); source > 0)
        filter.sourceIds = {source};
    if (const QString status = m_status->currentData().toString(); !status.isEmpty())
        filter.statuses = {status};
    m_moreFilters->apply(&filter);
    if (m_unlinked->isChecked()) {
        filter.feature = FeedbackFilter::Feature::Unlinked;
        filter.featureId = 0;
    }
    if (m_from->date() > NoDate)
        filter.from = m_from->date();
    if (m_to->date() > NoDate)
        filter.to = m_to->date();
    return filter;
}

void FeedbackFilterBar::setSources(const NamedIds &sources)
{
    const qint64 current = m_source->currentData().toLongLong();
    const QSignalBlocker blocker(m_source);
    m_source->clear();
    m_source->addItem(tr("All sources"));
    for (const auto &[id, name] : sources)
        m_source->addItem(name, id);
    const int index = m_source->findData(current);
    m_source->setCurrentIndex(qMax(0, index));
}

void FeedbackFilterBar::reset()
{
    const QSignalBlocker search(m_search);
    const QSignalBlocker source(m_source);
    const QSignalBlocker status(m_status);
    const QSignalBlocker unlinked(m_unlinked);
    const QSignalBlocker from(m_from);
    const QSignalBlocker to(m_to);
    m_debounce->stop();
    m_search->clear();
    m_source->setCurrentIndex(0);
    m_status->setCurrentIndex(0);
    const QSignalBlocker more(m_moreFilters);
    m_unlinked->setChecked(false);
    m_moreFilters->clear();
    m_from->setDate(NoDate);
    m_to->setDate(NoDate);
    followFilter();
}

void FeedbackFilterBar::setFilter(const FeedbackFilter &filter)
{
    {
        const QSignalBlocker search(m_search);
        const QSignalBlocker source(m_source);
        const QSignalBlocker status(m_status);
        const QSignalBlocker unlinked(m_unlinked);
        const QSignalBlocker from(m_from);
        const QSignalBlocker to(m_to);
        m_debounce->stop();
        m_search->setText(filter.text);
        // The bar chooses one source and one status; a view made elsewhere with several
        // keeps the first.
        m_source->setCurrentIndex(
            filter.sourceIds.isEmpty() ? 0 : qMax(0, m_source->findData(filter.sourceIds.first())));
        m_status->setCurrentIndex(
            filter.statuses.isEmpty() ? 0 : qMax(0, m_status->findData(filter.statuses.first())));
        m_unlinked->setChecked(filter.feature == FeedbackFilter::Feature::Unlinked);
        m_moreFilters->show(filter);
        m_from->setDate(filter.from.isValid() ? filter.from : NoDate);
        m_to->setDate(filter.to.isValid() ? filter.to : NoDate);
    }
    if (m_moreFilters->activeCount() > 0)
        m_more->setChecked(true);
    announce();
}

void FeedbackFilterBar::setChoices(const InboxChoices &choices)
{
    setSources(choices.sources);
    m_moreFilters->setCompanies(choices.companies);
    m_moreFilters->setFeatures(choices.features);
    m_moreFilters->setTags(choices.tags);
    m_savedViews = choices.views;
    const QSignalBlocker blocker(m_views);
    m_views->clear();
    m_views->addItem(tr("All feedback"), qint64(0));
    m_views->addItem(tr("Unsaved filter"), qint64(-1));
    // Shown when the filter matches no view, never picked.
    if (auto *items = qobject_cast<QStandardItemModel *>(m_views->model()))
        items->item(1)->setEnabled(false);
    for (const SavedView &view : std::as_const(m_savedViews))
        m_views->addItem(view.name, view.id);
    followFilter();
}

qint64 FeedbackFilterBar::currentViewId() const
{
    return qMax<qint64>(0, m_views->currentData().toLongLong());
}

void FeedbackFilterBar::announce()
{
    const int active = m_moreFilters->activeCount();
    m_more->setText(active > 0 ? tr("More filters (%1)").arg(active) : tr("More filters"));
    followFilter();
    Q_EMIT filterChanged();
}

void FeedbackFilterBar::followFilter()
{
    const FeedbackFilter current = filter();
    int index = current == FeedbackFilter() ? 0 : 1;
    for (int i = 0; i < m_savedViews.size(); ++i) {
        if (m_savedViews.at(i).filter == current) {
            index = i + 2;
            break;
        }
    }
    const QSignalBlocker blocker(m_views);
    m_views->setCurrentIndex(index);
}

void FeedbackFilterBar::showView(int index)
{
    const qint64 id = m_views->itemData(index).toLongLong();
    if (id == 0) {
        setFilter(FeedbackFilter());
        return;
    }
    for (const SavedView &view : std::as_const(m_savedViews)) {
        if (view.id == id) {
            setFilter(view.filter);
            return;
        }
    }
}

void FeedbackFilterBar::askSaveView()
{
    bool ok = false;
    const QString name = QInputDialog::getText(
        this, tr("Save View"), tr("Name of the view (for example “Unlinked from enterprise”):"),
        QLineEdit::Normal, QString(), &ok);
    if (ok && !name.trimmed().isEmpty())
        Q_EMIT saveViewRequested(name.trimmed(), filter());
}

void FeedbackFilterBar::askRenameView()
{
    const qint64 id = currentViewId();
    if (id <= 0)
        return;
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Rename View"), tr("New name:"),
                                               QLineEdit::Normal, m_views->currentText(), &ok);
    if (ok && !name.trimmed().isEmpty())
        Q_EMIT renameViewRequested(id, name.trimmed());
}

void FeedbackFilterBar::askDeleteView()
{
    const qint64 id = currentViewId();
    if (id <= 0)
        return;
    const auto answer = QMessageBox::question(
        this, tr("Delete View"),
        tr("Delete the saved view “%1”? The feedback stays as it is.").arg(m_views->currentText()));
    if (answer == QMessageBox::Yes)
        Q_EMIT deleteViewRequested(id);
}
