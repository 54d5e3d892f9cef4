#include "triggerdialog.h"

#include "activity/hubevent.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace {

double defaultOf(const QString &name)
{
    if (name == QLatin1String("percent"))
        return 20;
    if (name == QLatin1String("days"))
        return 30;
    if (name == QLatin1String("count"))
        return 10;
    if (name == QLatin1String("threshold"))
        return 30;
    return 0;
}

} // namespace

TriggerDialog::TriggerDialog(const Trigger &trigger, const TriggerNames &names, QWidget *parent)
    : QDialog(parent)
    , m_original(trigger)
    , m_names(names)
    , m_name(new QLineEdit(trigger.name, this))
    , m_kind(new QComboBox(this))
    , m_parameters(new QFormLayout)
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(trigger.id > 0 ? tr("Edit trigger") : tr("New trigger"));
    m_name->setPlaceholderText(tr("NPS drops below 30"));
    m_name->setAccessibleName(tr("Trigger name"));
    for (const QString &kind : TriggerKinds::all())
        m_kind->addItem(TriggerKinds::displayName(kind), kind);
    m_kind->setCurrentIndex(qMax(0, m_kind->findData(trigger.kind)));
    m_kind->setAccessibleName(tr("Kind of trigger"));
    m_problem->setWordWrap(true);
    m_problem->setForegroundRole(QPalette::PlaceholderText);

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&When:"), m_kind);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(m_parameters);
    layout->addWidget(m_problem);
    layout->addStretch(1);
    layout->addWidget(m_buttons);
    setMinimumWidth(420);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_name, &QLineEdit::textChanged, this, &TriggerDialog::validate);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &TriggerDialog::rebuildParameters);
    rebuildParameters();
}

void TriggerDialog::rebuildParameters()
{
    while (m_parameters->rowCount() > 0)
        m_parameters->removeRow(0);
    m_fields.clear();
    const QString kind = m_kind->currentData().toString();
    const bool sameKind = kind == m_original.kind;
    for (const QString &name : TriggerKinds::parameterNames(kind)) {
        const QJsonValue given = sameKind ? m_original.parameters.value(name) : QJsonValue();
        QWidget *field = nullptr;
        if (name == QLatin1String("feature_id") || name == QLatin1String("source_id")) {
            const bool feature = name == QLatin1String("feature_id");
            const QHash<qint64, QString> &choices = feature ? m_names.features : m_names.sources;
            QList<std::pair<QString, qint64>> sorted;
            for (auto it = choices.cbegin(); it != choices.cend(); ++it)
                sorted.append({it.value(), it.key()});
            std::sort(sorted.begin(), sorted.end());
            auto *list = new QComboBox(this);
            // Adoption is of one feature; the other kinds may take any.
            if (!feature || kind != QLatin1String(TriggerKinds::Adoption))
                list->addItem(feature ? tr("Any feature") : tr("Any source"), qint64(0));
            for (const auto &[label, id] : std::as_const(sorted))
                list->addItem(label, id);
            list->setCurrentIndex(qMax(0, list->findData(qint64(given.toDouble()))));
            connect(list, &QComboBox::currentIndexChanged, this, &TriggerDialog::validate);
            field = list;
        } else if (name == QLatin1String("hub_event")) {
            auto *events = new QComboBox(this);
            for (const QString &type : HubEvents::types())
                events->addItem(HubEvents::displayName(type), type);
            events->setCurrentIndex(qMax(0, events->findData(given.toString())));
            connect(events, &QComboBox::currentIndexChanged, this, &TriggerDialog::validate);
            field = events;
        } else {
            auto *number = new QDoubleSpinBox(this);
            const bool whole = name != QLatin1String("percent") &&
                               name != QLatin1String("threshold") &&
                               name != QLatin1String("min_deal_size");
            number->setDecimals(whole ? 0 : 1);
            number->setRange(name == QLatin1String("threshold") ? -100 : 0,
                             name == QLatin1String("min_deal_size") ? 1e12 : 1e9);
            if (name == QLatin1String("percent") || name == QLatin1String("threshold"))
                number->setMaximum(100);
            number->setValue(given.isDouble() ? given.toDouble() : defaultOf(name));
            connect(number, &QDoubleSpinBox::valueChanged, this, &TriggerDialog::validate);
            field = number;
        }
        field->setAccessibleName(TriggerKinds::parameterLabel(name));
        m_parameters->addRow(TriggerKinds::parameterLabel(name) + QLatin1Char(':'), field);
        m_fields.insert(name, field);
    }
    validate();
}

Trigger TriggerDialog::trigger() const
{
    Trigger trigger = m_original;
    trigger.name = m_name->text().trimmed();
    trigger.kind = m_kind->currentData().toString();
    trigger.parameters = {};
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it) {
        if (auto *list = qobject_cast<QComboBox *>(it.value())) {
            if (it.key() == QLatin1String("hub_event"))
                trigger.parameters.insert(it.key(), list->currentData().toString());
            else
                trigger.parameters.insert(it.key(), double(list->currentData().toLongLong()));
        } else if (auto *number = qobject_cast<QDoubleSpinBox *>(it.value()))
            trigger.parameters.insert(it.key(), number->value());
    }
    return trigger;
}

void TriggerDialog::validate()
{
    const Trigger current = trigger();
    const QString problem = TriggerKinds::validate(current);
    m_problem->setText(problem.isEmpty() ? TriggerKinds::describe(current, m_names) : problem);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
}
