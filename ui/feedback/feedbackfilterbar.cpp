#include "feedbackfilterbar.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QVBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QTimer>

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
    , m_search(new QLineEdit(this))
    , m_source(new QComboBox(this))
    , m_status(new QComboBox(this))
    , m_unlinked(new QCheckBox(tr("Unlinked only"), this))
    , m_from(makeDateEdit(tr("Created from")))
    , m_to(makeDateEdit(tr("Created until")))
    , m_debounce(new QTimer(this))
{
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
    setSources({});

    m_debounce->setSingleShot(true);
    m_debounce->setInterval(250);
    connect(m_debounce, &QTimer::timeout, this, &FeedbackFilterBar::filterChanged);
    connect(m_search, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_source, &QComboBox::currentIndexChanged, this, &FeedbackFilterBar::filterChanged);
    connect(m_status, &QComboBox::currentIndexChanged, this, &FeedbackFilterBar::filterChanged);
    connect(m_unlinked, &QCheckBox::toggled, this, &FeedbackFilterBar::filterChanged);
    connect(m_from, &QDateEdit::dateChanged, this, &FeedbackFilterBar::filterChanged);
    connect(m_to, &QDateEdit::dateChanged, this, &FeedbackFilterBar::filterChanged);

    // The search and what it is searched in on one line, the narrowing filters on the next:
    // the bar fits a laptop-sized window.
    auto *searchRow = new QHBoxLayout;
    searchRow->setSpacing(8);
    searchRow->addWidget(m_search, 1);
    searchRow->addWidget(m_source);
    searchRow->addWidget(m_status);
    auto *filterRow = new QHBoxLayout;
    filterRow->setSpacing(8);
    filterRow->addWidget(m_unlinked);
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
    if (m_unlinked->isChecked())
        filter.feature = FeedbackFilter::Feature::Unlinked;
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
    m_unlinked->setChecked(false);
    m_from->setDate(NoDate);
    m_to->setDate(NoDate);
}
