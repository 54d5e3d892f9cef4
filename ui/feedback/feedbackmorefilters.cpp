#include "feedbackmorefilters.h"

#include <QCompleter>
#include <QDoubleValidator>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QStringListModel>
#include <QVBoxLayout>

namespace {

std::optional<double> number(const QLineEdit *field)
{
    bool ok = false;
    const double value = QLocale().toDouble(field->text().trimmed(), &ok);
    return ok ? std::optional<double>(value) : std::nullopt;
}

QStringList tagList(const QString &text)
{
    QStringList tags;
    for (const QString &tag : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (const QString trimmed = tag.trimmed(); !trimmed.isEmpty())
            tags.append(trimmed);
    }
    return tags;
}

} // namespace

FeedbackMoreFilters::FeedbackMoreFilters(QWidget *parent)
    : QWidget(parent)
    , m_minScore(new QLineEdit(this))
    , m_maxScore(new QLineEdit(this))
    , m_companyCompleter(new QCompleter(this))
    , m_featureCompleter(new QCompleter(this))
    , m_tagCompleter(new QCompleter(this))
    , m_problem(new QLabel(this))
{
    m_company = nameField(tr("Any company"), tr("Company"), m_companyCompleter);
    m_feature = nameField(tr("Any feature"), tr("Linked to feature"), m_featureCompleter);
    m_tags = nameField(tr("Any tag; commas between several"), tr("Tags"), m_tagCompleter);

    for (QLineEdit *field : {m_minScore, m_maxScore}) {
        auto *validator = new QDoubleValidator(field);
        validator->setNotation(QDoubleValidator::StandardNotation);
        field->setValidator(validator);
        field->setPlaceholderText(tr("Any"));
        field->setClearButtonEnabled(true);
        field->setMaximumWidth(fontMetrics().averageCharWidth() * 12);
        connect(field, &QLineEdit::editingFinished, this, &FeedbackMoreFilters::check);
    }
    m_minScore->setAccessibleName(tr("Lowest score"));
    m_maxScore->setAccessibleName(tr("Highest score"));

    m_problem->setWordWrap(true);
    m_problem->setAccessibleName(tr("Filter problem"));
    QPalette warning = m_problem->palette();
    warning.setColor(QPalette::WindowText, QColor(0xd9, 0x3f, 0x3f));
    m_problem->setPalette(warning);
    m_problem->hide();

    auto *clearButton = new QPushButton(tr("Clear"), this);
    clearButton->setAccessibleName(tr("Clear these filters"));
    connect(clearButton, &QPushButton::clicked, this, [this] {
        clear();
        Q_EMIT changed();
    });

    // One row under the filter bar, shown on demand: these narrow a list already searched.
    const auto label = [this](const QString &text, QWidget *buddy) {
        auto *label = new QLabel(text, this);
        label->setBuddy(buddy);
        return label;
    };
    auto *row = new QHBoxLayout;
    row->setSpacing(6);
    row->addWidget(label(tr("Score"), m_minScore));
    row->addWidget(m_minScore);
    row->addWidget(label(tr("to"), m_maxScore));
    row->addWidget(m_maxScore);
    row->addSpacing(8);
    row->addWidget(label(tr("Company"), m_company));
    row->addWidget(m_company, 2);
    row->addWidget(label(tr("Feature"), m_feature));
    row->addWidget(m_feature, 2);
    row->addWidget(label(tr("Tags"), m_tags));
    row->addWidget(m_tags, 2);
    row->addWidget(clearButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(row);
    layout->addWidget(m_problem);
}

QLineEdit *FeedbackMoreFilters::nameField(const QString &placeholder, const QString &accessibleName,
                                          QCompleter *completer)
{
    auto *field = new QLineEdit(this);
    field->setPlaceholderText(placeholder);
    field->setAccessibleName(accessibleName);
    field->setClearButtonEnabled(true);
    completer->setModel(new QStringListModel(completer));
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    field->setCompleter(completer);
    connect(field, &QLineEdit::editingFinished, this, &FeedbackMoreFilters::check);
    // Picking a completion is a choice made; no need to leave the field for it to count.
    connect(completer, qOverload<const QString &>(&QCompleter::activated), this,
            &FeedbackMoreFilters::check, Qt::QueuedConnection);
    return field;
}

void FeedbackMoreFilters::fill(Names *names, QCompleter *completer, const NamedIds &items)
{
    names->ids.clear();
    names->names.clear();
    QStringList list;
    for (const auto &[id, name] : items) {
        names->ids.insert(name.toCaseFolded(), id);
        names->names.insert(id, name);
        list.append(name);
    }
    list.sort(Qt::CaseInsensitive);
    static_cast<QStringListModel *>(completer->model())->setStringList(list);
}

void FeedbackMoreFilters::setCompanies(const NamedIds &companies)
{
    fill(&m_companies, m_companyCompleter, companies);
}

void FeedbackMoreFilters::setFeatures(const NamedIds &features)
{
    fill(&m_features, m_featureCompleter, features);
}

void FeedbackMoreFilters::setTags(const QStringList &tags)
{
    static_cast<QStringListModel *>(m_tagCompleter->model())->setStringList(tags);
}

void FeedbackMoreFilters::check()
{
    QStringList problems;
    const auto known = [&](QLineEdit *field, const Names &names, const QString &what) {
        const QString text = field->text().trimmed();
        if (!text.isEmpty() && !names.ids.contains(text.toCaseFolded()))
            problems.append(tr("No %1 is named “%2”.").arg(what, text));
    };
    known(m_company, m_companies, tr("company"));
    known(m_feature, m_features, tr("feature"));
    const std::optional<double> low = number(m_minScore);
    const std::optional<double> high = number(m_maxScore);
    if (low && high && *low > *high)
        problems.append(tr("The lowest score is above the highest."));
    m_problem->setText(problems.join(QLatin1Char(' ')));
    m_problem->setVisible(!problems.isEmpty());
    Q_EMIT changed();
}

void FeedbackMoreFilters::apply(FeedbackFilter *filter) const
{
    filter->minScore = number(m_minScore);
    filter->maxScore = number(m_maxScore);
    filter->companyId = m_companies.ids.value(m_company->text().trimmed().toCaseFolded());
    if (const qint64 feature = m_features.ids.value(m_feature->text().trimmed().toCaseFolded())) {
        filter->feature = FeedbackFilter::Feature::Linked;
        filter->featureId = feature;
    }
    filter->tags = tagList(m_tags->text());
}

void FeedbackMoreFilters::show(const FeedbackFilter &filter)
{
    const QLocale locale;
    m_minScore->setText(filter.minScore ? locale.toString(*filter.minScore) : QString());
    m_maxScore->setText(filter.maxScore ? locale.toString(*filter.maxScore) : QString());
    m_company->setText(m_companies.names.value(filter.companyId));
    m_feature->setText(filter.feature == FeedbackFilter::Feature::Linked
                           ? m_features.names.value(filter.featureId)
                           : QString());
    m_tags->setText(filter.tags.join(QStringLiteral(", ")));
    m_problem->hide();
}

void FeedbackMoreFilters::clear()
{
    for (QLineEdit *field : {m_minScore, m_maxScore, m_company, m_feature, m_tags})
        field->clear();
    m_problem->hide();
}

int FeedbackMoreFilters::activeCount() const
{
    FeedbackFilter filter;
    apply(&filter);
    return int(filter.minScore.has_value() || filter.maxScore.has_value()) +
           int(filter.companyId != 0) + int(filter.feature == FeedbackFilter::Feature::Linked) +
           int(!filter.tags.isEmpty());
}
