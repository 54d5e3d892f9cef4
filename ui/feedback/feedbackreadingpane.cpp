#include "feedbackreadingpane.h"

#include "feedback/feedbackinboxmodel.h"

#include <QComboBox>
#include <QCompleter>
#include <QDesktopServices>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QStringListModel>
#include <QTextBrowser>
#include <QUrl>
#include <QVBoxLayout>

namespace {

QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

// Links in the pane that act on the item, as "hub-ACTION:VALUE".
const QString ActionScheme = QStringLiteral("hub-");

QString actionUrl(const QString &action, const QString &value)
{
    const QString url = ActionScheme + action + QLatin1Char(':') +
                        QString::fromLatin1(QUrl::toPercentEncoding(value));
    return url.toHtmlEscaped();
}

} // namespace

void addImportanceChoices(QComboBox *box)
{
    box->addItem(FeedbackReadingPane::tr("0 · Nice to have"), 0);
    box->addItem(FeedbackReadingPane::tr("1 · Useful"), 1);
    box->addItem(FeedbackReadingPane::tr("2 · Important"), 2);
    box->addItem(FeedbackReadingPane::tr("3 · Critical"), 3);
    box->setCurrentIndex(1);
}

FeedbackReadingPane::FeedbackReadingPane(QWidget *parent)
    : QWidget(parent)
    , m_text(new QTextBrowser(this))
    , m_controls(new QWidget(this))
    , m_tag(new QLineEdit(m_controls))
    , m_feature(new QLineEdit(m_controls))
    , m_importance(new QComboBox(m_controls))
    , m_completer(new QCompleter(this))
    , m_newFeature(new QPushButton(tr("New Feature…"), m_controls))
    , m_similarTitle(new QLabel(tr("Similar items"), this))
    , m_similar(new QListWidget(this))
    , m_merge(new QPushButton(tr("Merge Into This Item"), this))
{
    // Links in the text act on the item (remove a tag, unmerge) as well as open its source.
    m_text->setOpenLinks(false);
    connect(m_text, &QTextBrowser::anchorClicked, this, &FeedbackReadingPane::followLink);
    m_text->setAccessibleName(tr("Selected feedback"));
    m_text->setFrameShape(QFrame::NoFrame);

    m_tag->setPlaceholderText(tr("Add a tag (G)"));
    m_tag->setAccessibleName(tr("Tag to add"));
    connect(m_tag, &QLineEdit::returnPressed, this, [this] {
        const QString tag = m_tag->text().trimmed();
        if (tag.isEmpty())
            return;
        Q_EMIT tagRequested(tag);
        m_tag->clear();
    });

    m_completer->setModel(new QStringListModel(m_completer));
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setFilterMode(Qt::MatchContains);
    m_feature->setCompleter(m_completer);
    m_feature->setPlaceholderText(tr("Link to a feature (L)"));
    m_feature->setAccessibleName(tr("Feature to link"));
    connect(m_feature, &QLineEdit::returnPressed, this, &FeedbackReadingPane::requestLink);
    m_importance->setAccessibleName(tr("Importance of the link"));
    addImportanceChoices(m_importance);
    auto *link = new QPushButton(tr("Link"), m_controls);
    link->setAccessibleName(tr("Link to the feature"));
    connect(link, &QPushButton::clicked, this, &FeedbackReadingPane::requestLink);

    auto *controls = new QGridLayout(m_controls);
    controls->setContentsMargins(0, 0, 0, 0);
    controls->setHorizontalSpacing(8);
    controls->setVerticalSpacing(8);
    auto *statuses = new QHBoxLayout;
    statuses->setSpacing(8);
    statuses->addWidget(statusButton(tr("New"), QStringLiteral("new"), QStringLiteral("N")));
    statuses->addWidget(
        statusButton(tr("Triaged"), QStringLiteral("triaged"), QStringLiteral("T")));
    statuses->addWidget(
        statusButton(tr("Archived"), QStringLiteral("archived"), QStringLiteral("A")));
    statuses->addStretch();
    statuses->addWidget(m_newFeature);
    controls->addLayout(statuses, 0, 0, 1, 3);
    controls->addWidget(m_tag, 1, 0, 1, 3);
    controls->addWidget(m_feature, 2, 0);
    controls->addWidget(m_importance, 2, 1);
    controls->addWidget(link, 2, 2);
    m_newFeature->setAccessibleName(tr("New feature from the selected items"));
    m_newFeature->setToolTip(tr("Make a feature from this feedback and link it (Ctrl+Shift+F)"));
    controls->setColumnStretch(0, 1);
    connect(m_newFeature, &QPushButton::clicked, this, &FeedbackReadingPane::newFeatureRequested);

    QFont heading = m_similarTitle->font();
    heading.setBold(true);
    m_similarTitle->setFont(heading);
    m_similar->setAccessibleName(tr("Similar items"));
    m_similar->setMaximumHeight(fontMetrics().height() * 9);
    m_similar->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_similar->setToolTip(tr("Enter or double-click reads an item; select duplicates and merge "
                             "them into this one"));
    connect(m_similar, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        if (const qint64 id = item->data(Qt::UserRole).toLongLong())
            Q_EMIT openRequested(id);
    });
    m_merge->setAccessibleName(tr("Merge the selected similar items into this item"));
    m_merge->setToolTip(tr("The selected similar items become duplicates of this one; every "
                           "source's record is kept"));
    m_merge->setEnabled(false);
    connect(m_similar, &QListWidget::itemSelectionChanged, this,
            [this] { m_merge->setEnabled(!m_similar->selectedItems().isEmpty()); });
    connect(m_merge, &QPushButton::clicked, this, [this] {
        QList<qint64> ids;
        for (const QListWidgetItem *item : m_similar->selectedItems())
            ids.append(item->data(Qt::UserRole).toLongLong());
        if (!ids.isEmpty())
            Q_EMIT mergeRequested(ids);
    });
    auto *similarHeader = new QHBoxLayout;
    similarHeader->addWidget(m_similarTitle, 1);
    similarHeader->addWidget(m_merge);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 0, 0, 0);
    layout->setSpacing(8);
    layout->addWidget(m_text, 3);
    layout->addWidget(m_controls);
    layout->addLayout(similarHeader);
    layout->addWidget(m_similar, 1);
    showNothing();
}

QPushButton *FeedbackReadingPane::statusButton(const QString &label, const QString &status,
                                               const QString &key)
{
    auto *button = new QPushButton(tr("%1 (%2)").arg(label, key), m_controls);
    button->setAccessibleName(tr("Mark as %1").arg(label));
    button->setToolTip(tr("Mark the selected items as %1 (key %2)").arg(label, key));
    button->setFocusPolicy(Qt::TabFocus);
    connect(button, &QPushButton::clicked, this,
            [this, status] { Q_EMIT statusRequested(status); });
    return button;
}

void FeedbackReadingPane::setFeatures(const NamedIds &features)
{
    m_featureIds.clear();
    QStringList names;
    for (const auto &[id, name] : features) {
        m_featureIds.insert(name.toCaseFolded(), id);
        names.append(name);
    }
    names.sort(Qt::CaseInsensitive);
    static_cast<QStringListModel *>(m_completer->model())->setStringList(names);
}

void FeedbackReadingPane::requestLink()
{
    const QString name = m_feature->text().trimmed();
    if (name.isEmpty())
        return;
    const qint64 id = m_featureIds.value(name.toCaseFolded());
    if (id == 0) {
        Q_EMIT problem(tr("There is no feature named “%1”. Pick one from the list.").arg(name));
        return;
    }
    Q_EMIT linkRequested(id, m_importance->currentData().toInt());
    m_feature->clear();
}

void FeedbackReadingPane::followLink(const QUrl &url)
{
    const QString scheme = url.scheme();
    if (!scheme.startsWith(ActionScheme)) {
        QDesktopServices::openUrl(url);
        return;
    }
    const QString action = scheme.mid(ActionScheme.size());
    const QString value = QUrl::fromPercentEncoding(url.path(QUrl::FullyEncoded).toLatin1());
    if (action == QLatin1String("untag"))
        Q_EMIT untagRequested(value);
    else if (action == QLatin1String("unlink"))
        Q_EMIT unlinkRequested(value.toLongLong());
    else if (action == QLatin1String("unmerge"))
        Q_EMIT unmergeRequested(value.toLongLong());
    else if (action == QLatin1String("open"))
        Q_EMIT openRequested(value.toLongLong());
}

void FeedbackReadingPane::showItem(const ReadingItem &item, const QStringList &terms)
{
    if (item.id != m_item.id)
        m_details = FeedbackDetails();
    m_item = item;
    m_terms = terms;
    m_selected = 1;
    render();
}

void FeedbackReadingPane::showDetails(const FeedbackDetails &details)
{
    if (details.id != m_item.id)
        return;
    m_details = details;
    render();
}

void FeedbackReadingPane::showSelectionCount(int count)
{
    m_item = ReadingItem();
    m_details = FeedbackDetails();
    m_selected = count;
    render();
}

void FeedbackReadingPane::showNothing()
{
    showSelectionCount(0);
}

void FeedbackReadingPane::render()
{
    m_controls->setEnabled(m_selected > 0);
    m_similar->clear();
    m_merge->setEnabled(false);
    if (m_item.id == 0) {
        m_similarTitle->hide();
        m_similar->hide();
        m_merge->hide();
        m_text->setHtml(
            m_selected > 1
                ? tr("<p><b>%1 items selected.</b></p><p>The status keys, tags and links apply "
                     "to all of them.</p>")
                      .arg(QLocale().toString(m_selected))
                : tr("<p>Select an item to read it here.</p><p>Move with the arrow keys; press "
                     "<b>N</b>, <b>T</b> or <b>A</b> to mark it new, triaged or archived, "
                     "<b>G</b> to tag it, <b>L</b> to link it to a feature, <b>Ctrl+Shift+F</b> "
                     "to make a feature from it. Select several and press <b>Ctrl+M</b> to merge "
                     "duplicates into the current one.</p>"));
        return;
    }
    const ReadingItem &item = m_item;
    QStringList facts;
    facts.append(escaped(item.source));
    if (!item.author.isEmpty())
        facts.append(escaped(item.author));
    if (!item.company.isEmpty())
        facts.append(escaped(item.company));
    if (!item.score.isNull())
        facts.append(item.scoreKind.isEmpty()
                         ? tr("score %1").arg(item.score.toString())
                         : tr("%1 %2").arg(item.scoreKind.toUpper(), item.score.toString()));
    facts.append(escaped(item.created.left(10)));
    QString html = QStringLiteral("<h2>%1</h2><p>%2</p>")
                       .arg(FeedbackQuery::highlight(
                                item.title.isEmpty() ? tr("(no title)") : item.title, m_terms),
                            facts.join(QStringLiteral(" · ")));
    html += tr("<p><b>Status:</b> %1").arg(escaped(item.status));
    if (!item.tags.isEmpty()) {
        QStringList tags;
        for (const QString &tag : item.tags)
            tags.append(QStringLiteral("%1 <a href=\"%2\" title=\"%3\">×</a>")
                            .arg(escaped(tag), actionUrl(QStringLiteral("untag"), tag),
                                 tr("Remove the tag %1").arg(escaped(tag))));
        html += tr(" &nbsp; <b>Tags:</b> %1").arg(tags.join(QStringLiteral(", ")));
    }
    html += QStringLiteral("</p>");
    QStringList links;
    for (const FeedbackFeatureLink &link : item.links) {
        QString text = tr("%1 <i>(%2)</i>")
                           .arg(escaped(link.name),
                                escaped(FeedbackInboxModel::importanceText(link.importance)));
        // Links that came with the data belong to the source; only ours can go.
        if (link.importance >= 0)
            text += QStringLiteral(" <a href=\"%1\" title=\"%2\">×</a>")
                        .arg(actionUrl(QStringLiteral("unlink"), QString::number(link.featureId)),
                             tr("Unlink from %1").arg(escaped(link.name)));
        links.append(text);
    }
    html += tr("<p><b>Features:</b> %1</p>")
                .arg(links.isEmpty() ? tr("none linked") : links.join(QStringLiteral(", ")));
    if (!m_details.url.isEmpty())
        html += QStringLiteral("<p><a href=\"%1\">%2</a></p>")
                    .arg(m_details.url.toHtmlEscaped(), tr("Open in %1").arg(escaped(item.source)));
    if (m_details.id == item.id && m_details.error.isEmpty()) {
        html += QStringLiteral("<p>%1</p>")
                    .arg(FeedbackQuery::highlight(m_details.body, m_terms)
                             .replace(QLatin1Char('\n'), QStringLiteral("<br>")));
    } else if (!m_details.error.isEmpty()) {
        html += tr("<p><i>Could not read this item: %1</i></p>").arg(escaped(m_details.error));
    } else {
        html += tr("<p><i>Loading…</i></p>");
    }
    if (m_details.id == item.id && !m_details.duplicates.isEmpty()) {
        html += tr("<p><b>Merged duplicates</b> (every source's record is kept):</p><ul>");
        for (const DuplicateItem &duplicate : m_details.duplicates)
            html += tr("<li><a href=\"%1\">%2</a> · %3 · <a href=\"%4\">unmerge</a></li>")
                        .arg(actionUrl(QStringLiteral("open"), QString::number(duplicate.id)),
                             escaped(duplicate.title), escaped(duplicate.source),
                             actionUrl(QStringLiteral("unmerge"), QString::number(duplicate.id)));
        html += QStringLiteral("</ul>");
    }
    m_text->setHtml(html);

    m_similarTitle->show();
    m_similar->show();
    m_merge->show();
    for (const SimilarItem &similar : m_details.similar) {
        auto *row = new QListWidgetItem(similar.title, m_similar);
        row->setData(Qt::UserRole, similar.id);
        row->setToolTip(similar.title);
    }
    if (m_details.id == item.id && m_details.similar.isEmpty()) {
        auto *none = new QListWidgetItem(tr("No similar items"), m_similar);
        none->setFlags(Qt::NoItemFlags);
    }
}
