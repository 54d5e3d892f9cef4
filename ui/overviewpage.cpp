#include "overviewpage.h"

#include "banner.h"
#include "summarycard.h"

#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace {

// An amount with its currency: the locale's own symbol for its own currency, otherwise the
// ISO code, so that euros and dollars are never confused.
QString money(const QLocale &locale, double amount, const QString &currency)
{
    if (locale.currencySymbol(QLocale::CurrencyIsoCode) == currency)
        return locale.toCurrencyString(amount, locale.currencySymbol(QLocale::CurrencySymbol), 0);
    return locale.toString(amount, 'f', 0) + QChar(0x00a0) + currency;
}

} // namespace

OverviewPage::OverviewPage(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_path(new QLabel(this))
    , m_banner(new Banner(this))
    , m_busy(new QProgressBar(this))
    , m_cards(new QWidget(this))
    , m_empty(new QWidget(this))
{
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.7);
    titleFont.setWeight(QFont::DemiBold);
    m_title->setFont(titleFont);
    m_path->setForegroundRole(QPalette::PlaceholderText);
    m_path->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_busy->setRange(0, 0);
    m_busy->setMaximumHeight(4);
    m_busy->setTextVisible(false);
    m_busy->setAccessibleName(tr("Loading the workspace summary"));
    m_busy->hide();

    auto *grid = new QGridLayout(m_cards);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(16);
    m_features = addCard(tr("Features"), 0, 0);
    m_usage = addCard(tr("Active users"), 0, 1);
    m_feedback = addCard(tr("Feedback"), 0, 2);
    m_work = addCard(tr("Work items"), 0, 3);
    m_pipeline = addCard(tr("Open pipeline"), 1, 0);
    m_launches = addCard(tr("Launch plans"), 1, 1);
    m_campaigns = addCard(tr("Campaigns"), 1, 2);
    m_sources = addCard(tr("Connected tools"), 1, 3);

    auto *emptyText = new QLabel(
        tr("<b>This workspace is empty.</b><br>Connect your tools to bring in features, usage, "
           "feedback, delivery and sales data — from the command line today with "
           "<code>product-hub sources add</code>. Or look around the demo workspace first."),
        m_empty);
    emptyText->setWordWrap(true);
    emptyText->setTextFormat(Qt::RichText);
    auto *demoButton = new QPushButton(tr("Open the demo workspace"), m_empty);
    demoButton->setDefault(true);
    connect(demoButton, &QPushButton::clicked, this, &OverviewPage::demoRequested);
    auto *emptyLayout = new QVBoxLayout(m_empty);
    emptyLayout->setContentsMargins(0, 24, 0, 0);
    emptyLayout->addWidget(emptyText);
    emptyLayout->addWidget(demoButton, 0, Qt::AlignLeft);
    m_empty->setMaximumWidth(640);
    m_empty->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 24, 32, 24);
    layout->setSpacing(8);
    layout->addWidget(m_title);
    layout->addWidget(m_path);
    layout->addWidget(m_busy);
    layout->addSpacing(16);
    layout->addWidget(m_banner);
    layout->addWidget(m_cards);
    layout->addWidget(m_empty);
    layout->addStretch();
}

SummaryCard *OverviewPage::addCard(const QString &title, int row, int column)
{
    auto *card = new SummaryCard(title, m_cards);
    static_cast<QGridLayout *>(m_cards->layout())->addWidget(card, row, column);
    m_cardList.append(card);
    return card;
}

void OverviewPage::setWorkspace(const QString &name, const QString &folder)
{
    m_title->setText(name);
    m_path->setText(folder);
    m_banner->hide();
}

void OverviewPage::setLoading()
{
    m_busy->show();
    for (SummaryCard *card : std::as_const(m_cardList))
        card->setValue(QStringLiteral("…"));
}

void OverviewPage::setSummary(const WorkspaceSummary &s)
{
    m_busy->hide();
    m_cards->setVisible(!s.isEmpty());
    m_empty->setVisible(s.isEmpty());
    const QLocale locale;
    const auto number = [&locale](qint64 n) {
        return locale.toString(n);
    };
    m_features->setValue(number(s.features), tr("%1 released, %2 planned or in progress")
                                                 .arg(number(s.releasedFeatures),
                                                      number(s.features - s.releasedFeatures)));
    m_usage->setValue(
        number(s.users),
        tr("%1 companies · %2 daily usage rows").arg(number(s.companies), number(s.usageRows)));
    m_feedback->setValue(number(s.feedback),
                         tr("%1 new, waiting for triage").arg(number(s.newFeedback)));
    m_work->setValue(number(s.workItems), tr("%1 open").arg(number(s.openWorkItems)));
    if (s.openPipeline.isEmpty()) {
        m_pipeline->setValue(number(0), tr("No open opportunities"));
    } else {
        QStringList others;
        for (qsizetype i = 1; i < s.openPipeline.size(); ++i) {
            others.append(money(locale, s.openPipeline.at(i).second, s.openPipeline.at(i).first));
        }
        m_pipeline->setValue(
            money(locale, s.openPipeline.first().second, s.openPipeline.first().first),
            others.isEmpty()
                ? tr("%1 open opportunities").arg(number(s.openOpportunities))
                : tr("plus %1 · %2 open opportunities")
                      .arg(others.join(QStringLiteral(", ")), number(s.openOpportunities)));
    }
    m_launches->setValue(number(s.launchPlans));
    m_campaigns->setValue(number(s.campaigns));
    m_sources->setValue(number(s.sources), s.lastSync.isValid()
                                               ? tr("Last sync %1")
                                                     .arg(locale.toString(s.lastSync.toLocalTime(),
                                                                          QLocale::ShortFormat))
                                               : tr("Never synced"));
}

void OverviewPage::showError(const QString &message)
{
    m_busy->hide();
    m_banner->showMessage(message, Banner::Kind::Error);
}

QString OverviewPage::cardValue(const QString &title) const
{
    for (const SummaryCard *card : m_cardList) {
        if (card->accessibleName() == title)
            return card->value();
    }
    return QString();
}
