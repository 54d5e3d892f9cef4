#pragma once

#include "feedbackloader.h"

#include <QHash>
#include <QWidget>

class QComboBox;
class QCompleter;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTextBrowser;
class QUrl;

// What the reading pane shows of the row selected in the table.
struct ReadingItem
{
    qint64 id = 0;
    QString title;
    QString source;
    QString author;
    QString company;
    QVariant score;
    QString scoreKind;
    QString created;
    QString status;
    QStringList tags;
    QList<FeedbackFeatureLink> links;
};

// The importance a link can have (0..3), as the choices of box; the current one is "useful".
void addImportanceChoices(QComboBox *box);

// The selected item whole (matches in bold, where it came from, its triage), the triage
// controls, and the items most like it.
class FeedbackReadingPane : public QWidget
{
    Q_OBJECT
public:
    explicit FeedbackReadingPane(QWidget *parent = nullptr);

    void showItem(const ReadingItem &item, const QStringList &terms);
    void showDetails(const FeedbackDetails &details);
    void showSelectionCount(int count);
    void showNothing();
    void setFeatures(const NamedIds &features);

    qint64 itemId() const { return m_item.id; }
    QTextBrowser *text() const { return m_text; }
    QListWidget *similarList() const { return m_similar; }
    QLineEdit *tagField() const { return m_tag; }
    QLineEdit *featureField() const { return m_feature; }
    QComboBox *importanceBox() const { return m_importance; }
    QPushButton *newFeatureButton() const { return m_newFeature; }
    QPushButton *mergeButton() const { return m_merge; }

Q_SIGNALS:
    void statusRequested(const QString &status);
    void tagRequested(const QString &tag);
    void linkRequested(qint64 featureId, int importance);
    void untagRequested(const QString &tag);
    void unlinkRequested(qint64 featureId);
    void unmergeRequested(qint64 feedbackId);
    void newFeatureRequested();
    // The similar items picked, to merge into the item shown.
    void mergeRequested(const QList<qint64> &duplicateIds);
    // An item named in the pane (similar or merged) to read.
    void openRequested(qint64 feedbackId);
    void problem(const QString &message);

private:
    void render();
    void requestLink();
    void followLink(const QUrl &url);
    QPushButton *statusButton(const QString &label, const QString &status, const QString &key);

    ReadingItem m_item;
    QStringList m_terms;
    FeedbackDetails m_details;
    int m_selected = 0;
    QHash<QString, qint64> m_featureIds; // by folded name
    QTextBrowser *m_text;
    QWidget *m_controls;
    QLineEdit *m_tag;
    QLineEdit *m_feature;
    QComboBox *m_importance;
    QCompleter *m_completer;
    QPushButton *m_newFeature;
    QLabel *m_similarTitle;
    QListWidget *m_similar;
    QPushButton *m_merge;
};
