#include "assessmentpanel.h"

#include "theme.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QScrollArea>
#include <QTreeView>
#include <QVBoxLayout>

#include <cmath>

using Launch::Readiness;
using Launch::Severity;

namespace {

QLabel *sectionTitle(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setWeight(QFont::DemiBold);
    label->setFont(font);
    return label;
}

QLabel *body(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::RichText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    return label;
}

QString colourOf(Readiness readiness)
{
    const bool dark = Theme::isDark();
    switch (readiness) {
    case Readiness::Ready:
        return dark ? QStringLiteral("#5cc98a") : QStringLiteral("#1e8a4c");
    case Readiness::AtRisk:
        return dark ? QStringLiteral("#e8b04d") : QStringLiteral("#b26b00");
    case Readiness::Blocked:
        return dark ? QStringLiteral("#f06a6a") : QStringLiteral("#d93f3f");
    }
    return QString();
}

QString colourOf(Severity severity)
{
    switch (severity) {
    case Severity::Info:
        return Theme::isDark() ? QStringLiteral("#8fa0ff") : Theme::accent().name();
    case Severity::Warning:
        return colourOf(Readiness::AtRisk);
    case Severity::Blocker:
        return colourOf(Readiness::Blocked);
    }
    return QString();
}

// Shape as well as colour, so that status never rests on colour alone.
QString markOf(Severity severity)
{
    switch (severity) {
    case Severity::Info:
        return QStringLiteral("●");
    case Severity::Warning:
        return QStringLiteral("▲");
    case Severity::Blocker:
        return QStringLiteral("■");
    }
    return QString();
}

} // namespace

AssessmentPanel::AssessmentPanel(QWidget *parent)
    : QWidget(parent)
    , m_status(new QLabel(this))
    , m_reasons(body(this))
    , m_findingsTitle(sectionTitle(tr("Findings"), this))
    , m_findings(body(this))
    , m_recommendationsTitle(sectionTitle(tr("Recommendations"), this))
    , m_recommendationsLabel(body(this))
    , m_metrics(body(this))
    , m_dependencies(new QTreeView(this))
{
    setAccessibleName(tr("Launch readiness"));
    QFont statusFont = m_status->font();
    statusFont.setPointSizeF(statusFont.pointSizeF() * 1.3);
    statusFont.setWeight(QFont::DemiBold);
    m_status->setFont(statusFont);
    m_status->setAccessibleName(tr("Launch status"));
    m_findings->setAccessibleName(tr("Findings"));
    m_recommendationsLabel->setAccessibleName(tr("Recommendations"));
    m_metrics->setAccessibleName(tr("Success metrics"));
    m_dependencies->setAccessibleName(tr("Dependencies"));
    m_dependencies->setRootIsDecorated(false);
    m_dependencies->setUniformRowHeights(true);
    m_dependencies->setMinimumHeight(140);
    m_dependencies->header()->setStretchLastSection(true);

    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(16, 8, 16, 16);
    layout->setSpacing(8);
    layout->addWidget(sectionTitle(tr("Status"), content));
    layout->addWidget(m_status);
    layout->addWidget(m_reasons);
    layout->addSpacing(8);
    layout->addWidget(m_findingsTitle);
    layout->addWidget(m_findings);
    layout->addSpacing(8);
    layout->addWidget(m_recommendationsTitle);
    layout->addWidget(m_recommendationsLabel);
    layout->addSpacing(8);
    layout->addWidget(sectionTitle(tr("Success metrics"), content));
    layout->addWidget(m_metrics);
    layout->addSpacing(8);
    layout->addWidget(sectionTitle(tr("Dependencies"), content));
    layout->addWidget(m_dependencies, 1);
    for (QWidget *child :
         {static_cast<QWidget *>(m_status), static_cast<QWidget *>(m_reasons),
          static_cast<QWidget *>(m_findings), static_cast<QWidget *>(m_recommendationsLabel),
          static_cast<QWidget *>(m_metrics), static_cast<QWidget *>(m_dependencies)})
        child->setParent(content);

    auto *scroll = new QScrollArea(this);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);
    showNothing(tr("Open a launch plan to see whether it is ready."));
}

QString AssessmentPanel::readinessLabel(Readiness readiness)
{
    switch (readiness) {
    case Readiness::Ready:
        return tr("Ready");
    case Readiness::AtRisk:
        return tr("At risk");
    case Readiness::Blocked:
        return tr("Blocked");
    }
    return QString();
}

QString AssessmentPanel::severityLabel(Severity severity)
{
    switch (severity) {
    case Severity::Info:
        return tr("Info");
    case Severity::Warning:
        return tr("Warning");
    case Severity::Blocker:
        return tr("Blocker");
    }
    return QString();
}

QString AssessmentPanel::readinessText() const
{
    return m_shown ? readinessLabel(m_readiness) : QString();
}

void AssessmentPanel::setDependencyModel(QAbstractItemModel *model)
{
    m_dependencies->setModel(model);
}

void AssessmentPanel::showNothing(const QString &why)
{
    m_shown = false;
    m_findingMessages.clear();
    m_recommendations.clear();
    m_status->setText(QString());
    m_reasons->setText(why);
    m_findings->setText(QString());
    m_recommendationsLabel->setText(QString());
    m_metrics->setText(QString());
    m_findingsTitle->setText(tr("Findings"));
}

void AssessmentPanel::showAssessment(const Launch::Assessment &assessment)
{
    m_shown = true;
    m_readiness = assessment.readiness;
    const QString mark = assessment.readiness == Readiness::Ready    ? QStringLiteral("✔")
                         : assessment.readiness == Readiness::AtRisk ? QStringLiteral("▲")
                                                                     : QStringLiteral("■");
    m_status->setText(QStringLiteral("<span style='color:%1'>%2</span> %3")
                          .arg(colourOf(assessment.readiness), mark,
                               readinessLabel(assessment.readiness).toHtmlEscaped()));
    // The first reasons say enough; the findings below list them all.
    constexpr int ShownReasons = 3;
    QString reasons;
    for (const QString &reason : assessment.reasons.mid(0, ShownReasons))
        reasons += QStringLiteral("<li>%1</li>").arg(reason.toHtmlEscaped());
    if (assessment.reasons.size() > ShownReasons)
        reasons += QStringLiteral("<li>%1</li>")
                       .arg(tr("and %n more (see the findings)", nullptr,
                               int(assessment.reasons.size()) - ShownReasons)
                                .toHtmlEscaped());
    m_reasons->setText(reasons.isEmpty()
                           ? tr("Nothing stands in the way of this launch.")
                           : QStringLiteral("<ul style='margin-left:-24px'>%1</ul>").arg(reasons));

    m_findingMessages.clear();
    QString findings;
    for (const Launch::Finding &finding : assessment.findings) {
        m_findingMessages.append(finding.message);
        findings += QStringLiteral("<p style='margin:0 0 6px 0'><span style='color:%1'>%2 "
                                   "<b>%3</b></span> %4</p>")
                        .arg(colourOf(finding.severity), markOf(finding.severity),
                             severityLabel(finding.severity).toHtmlEscaped(),
                             finding.message.toHtmlEscaped());
    }
    m_findingsTitle->setText(tr("Findings (%1)").arg(assessment.findings.size()));
    m_findings->setText(findings.isEmpty() ? tr("No problems found in the campaigns and messaging.")
                                           : findings);

    m_recommendations.clear();
    QString recommendations;
    for (const Launch::Recommendation &recommendation : assessment.recommendations) {
        m_recommendations.append(recommendation.text);
        recommendations += QStringLiteral("<li>%1</li>").arg(recommendation.text.toHtmlEscaped());
    }
    m_recommendationsTitle->setVisible(!recommendations.isEmpty());
    m_recommendationsLabel->setVisible(!recommendations.isEmpty());
    m_recommendationsLabel->setText(
        QStringLiteral("<ul style='margin-left:-24px'>%1</ul>").arg(recommendations));

    const QLocale locale;
    QString metrics = QStringLiteral("<table cellspacing='0' cellpadding='2' width='100%'>");
    metrics += QStringLiteral("<tr><th align='left'>%1</th><th align='right'>%2</th>"
                              "<th align='right'>%3</th></tr>")
                   .arg(tr("Metric"), tr("Target"), tr("Now"));
    const auto value = [&locale](double number, const QString &unit) -> QString {
        const QString text = locale.toString(number, 'f', number == std::floor(number) ? 0 : 1);
        if (unit == QLatin1String("%"))
            return text + unit;
        return text + QLatin1Char(' ') + unit;
    };
    for (const Launch::SuccessMetric &metric : assessment.metrics) {
        metrics += QStringLiteral("<tr><td>%1 <span style='color:gray'>%2</span></td>"
                                  "<td align='right'>%3</td><td align='right'>%4</td></tr>")
                       .arg(metric.name.toHtmlEscaped(), tr("day %1").arg(metric.dayOffset),
                            value(metric.target, metric.unit).toHtmlEscaped(),
                            metric.current ? value(*metric.current, metric.unit).toHtmlEscaped()
                                           : tr("—"));
    }
    metrics += QStringLiteral("</table>");
    m_metrics->setText(assessment.metrics.isEmpty() ? tr("No success metrics for this launch yet.")
                                                    : metrics);
}
