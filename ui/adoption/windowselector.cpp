#include "windowselector.h"

#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QSettings>

namespace {

const QString DaysKey = QStringLiteral("adoption/windowDays");
const QString FromKey = QStringLiteral("adoption/windowFrom");
const QString ToKey = QStringLiteral("adoption/windowTo");
constexpr int Custom = 0;

} // namespace

WindowSelector::WindowSelector(QWidget *parent)
    : QWidget(parent)
    , m_choice(new QComboBox(this))
    , m_from(new QDateEdit(this))
    , m_to(new QDateEdit(this))
    , m_dash(new QLabel(QStringLiteral("–"), this))
{
    m_choice->addItem(tr("Last 30 days"), 30);
    m_choice->addItem(tr("Last 90 days"), 90);
    m_choice->addItem(tr("Last 180 days"), 180);
    m_choice->addItem(tr("Custom range"), Custom);
    m_choice->setAccessibleName(tr("Report window"));
    m_choice->setToolTip(tr("The days the dashboard covers"));
    const QString format = QLocale().dateFormat(QLocale::ShortFormat);
    for (QDateEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(format);
    }
    m_from->setAccessibleName(tr("Window start"));
    m_to->setAccessibleName(tr("Window end"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);
    layout->addWidget(m_choice);
    layout->addWidget(m_from);
    layout->addWidget(m_dash);
    layout->addWidget(m_to);

    const QSettings settings;
    const QDate today = QDate::currentDate();
    m_to->setDate(settings.value(ToKey, today).toDate());
    m_from->setDate(settings.value(FromKey, today.addDays(-89)).toDate());
    const int days = settings.value(DaysKey, 90).toInt();
    const int index = m_choice->findData(days);
    m_choice->setCurrentIndex(index < 0 ? 1 : index);
    updateEditors();

    connect(m_choice, &QComboBox::currentIndexChanged, this, [this] {
        updateEditors();
        save();
        Q_EMIT changed();
    });
    for (QDateEdit *edit : {m_from, m_to}) {
        connect(edit, &QDateEdit::editingFinished, this, [this] {
            if (m_from->date() > m_to->date())
                m_to->setDate(m_from->date());
            save();
            Q_EMIT changed();
        });
    }
}

void WindowSelector::updateEditors()
{
    const bool custom = m_choice->currentData().toInt() == Custom;
    m_from->setVisible(custom);
    m_to->setVisible(custom);
    m_dash->setVisible(custom);
}

void WindowSelector::save() const
{
    QSettings settings;
    settings.setValue(DaysKey, m_choice->currentData().toInt());
    settings.setValue(FromKey, m_from->date());
    settings.setValue(ToKey, m_to->date());
}

ReportWindow WindowSelector::window(const QDate &today) const
{
    const int days = m_choice->currentData().toInt();
    if (days != Custom)
        return ReportWindow::lastDays(days, today);
    return {std::min(m_from->date(), m_to->date()), std::max(m_from->date(), m_to->date())};
}

void WindowSelector::setLastDays(int days)
{
    const int index = m_choice->findData(days);
    if (index >= 0)
        m_choice->setCurrentIndex(index);
}

void WindowSelector::setCustomRange(const QDate &from, const QDate &to)
{
    const QSignalBlocker blocker(m_choice);
    m_from->setDate(from);
    m_to->setDate(to);
    m_choice->setCurrentIndex(m_choice->findData(Custom));
    updateEditors();
    save();
    Q_EMIT changed();
}
