#include "welcomepage.h"

#include "banner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

WelcomePage::WelcomePage(QWidget *parent)
    : QWidget(parent)
    , m_banner(new Banner(this))
    , m_choices(new QWidget(this))
    , m_progress(new QProgressBar(this))
    , m_progressLabel(new QLabel(this))
{
    auto *title = new QLabel(tr("Welcome to Product Integration Hub"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 2.0);
    titleFont.setWeight(QFont::DemiBold);
    title->setFont(titleFont);
    auto *subtitle = new QLabel(tr("Your product's truth from every tool, in one place on your "
                                   "laptop: adoption, feedback, delivery and launches — online or "
                                   "offline."),
                                this);
    subtitle->setWordWrap(true);
    subtitle->setForegroundRole(QPalette::PlaceholderText);

    auto *choicesLayout = new QVBoxLayout(m_choices);
    choicesLayout->setContentsMargins(0, 0, 0, 0);
    choicesLayout->setSpacing(12);

    auto *demo = addChoice(tr("Explore the demo workspace"),
                           tr("A year of a product team's data: features, usage, feedback, deals "
                              "and two launch plans."),
                           QString());
    auto *create =
        addChoice(tr("Start a new workspace"),
                  tr("An empty workspace on this computer, ready for your tools."), QString());
    auto *open =
        addChoice(tr("Open a workspace folder…"),
                  tr("A workspace someone shared with you, or one from another place."), QString());
    connect(demo, &QPushButton::clicked, this, &WelcomePage::demoRequested);
    connect(create, &QPushButton::clicked, this, &WelcomePage::newRequested);
    connect(open, &QPushButton::clicked, this, &WelcomePage::openRequested);

    m_progress->setRange(0, 100);
    m_progress->setTextVisible(false);
    m_progress->setAccessibleName(tr("Demo workspace progress"));
    m_progress->hide();
    m_progressLabel->hide();

    auto *column = new QVBoxLayout;
    column->setSpacing(16);
    column->addWidget(title);
    column->addWidget(subtitle);
    column->addSpacing(16);
    column->addWidget(m_banner);
    column->addWidget(m_choices);
    column->addWidget(m_progressLabel);
    column->addWidget(m_progress);

    auto *centre = new QWidget(this);
    centre->setLayout(column);
    centre->setMaximumWidth(640);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(48, 48, 48, 48);
    layout->addStretch(1);
    // Centred by stretches rather than an alignment flag: an aligned item gets its size hint,
    // which is too short once the subtitle wraps, and the last choice would be cut off.
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(centre, 4);
    row->addStretch(1);
    layout->addLayout(row);
    layout->addStretch(2);
}

QPushButton *WelcomePage::addChoice(const QString &title, const QString &detail, const QString &)
{
    auto *button = new QPushButton(m_choices);
    button->setObjectName(QStringLiteral("welcomeChoice"));
    button->setAccessibleName(title);
    button->setAccessibleDescription(detail);
    button->setCursor(Qt::PointingHandCursor);
    // A push button does not size itself to a child layout: give it room for two lines.
    button->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    button->setFixedHeight(80);
    auto *label = new QLabel(QStringLiteral("<b>%1</b><br><span style='opacity:0.7'>%2</span>")
                                 .arg(title.toHtmlEscaped(), detail.toHtmlEscaped()),
                             button);
    label->setAttribute(Qt::WA_TransparentForMouseEvents);
    label->setWordWrap(true);
    auto *inner = new QVBoxLayout(button);
    inner->setContentsMargins(20, 12, 20, 12);
    inner->addWidget(label);
    button->setStyleSheet(QStringLiteral(
        "#welcomeChoice { text-align: left; background: palette(base); border: 1px solid "
        "palette(mid); border-radius: 8px; } "
        "#welcomeChoice:hover, #welcomeChoice:focus { border: 2px solid palette(highlight); }"));
    m_choices->layout()->addWidget(button);
    return button;
}

void WelcomePage::showError(const QString &message)
{
    setBusy(false);
    m_banner->showMessage(message, Banner::Kind::Error);
}

void WelcomePage::setDemoProgress(const QString &step, int percent)
{
    m_progressLabel->setText(tr("Preparing the demo workspace: %1…").arg(step.toLower()));
    m_progress->setValue(percent);
}

void WelcomePage::setBusy(bool busy)
{
    m_choices->setEnabled(!busy);
    m_progress->setVisible(busy);
    m_progressLabel->setVisible(busy);
    if (busy) {
        m_banner->hide();
        m_progress->setValue(0);
        m_progressLabel->setText(tr("Preparing the demo workspace…"));
    }
}
