#pragma once

#include "feedbackloader.h"

#include <QHash>
#include <QWidget>

class QCompleter;
class QLabel;
class QLineEdit;

// The filters used less often than search, source and status: score range, company, linked
// feature and tags. Shown in a popup from the filter bar; names are typed with completion and
// checked against the workspace's.
class FeedbackMoreFilters : public QWidget
{
    Q_OBJECT
public:
    explicit FeedbackMoreFilters(QWidget *parent = nullptr);

    // Fills these fields of filter; anything typed that names nothing is reported by problem().
    void apply(FeedbackFilter *filter) const;
    // Shows these fields of filter.
    void show(const FeedbackFilter &filter);
    void clear();
    // How many of these filters are set.
    int activeCount() const;

    void setCompanies(const NamedIds &companies);
    void setFeatures(const NamedIds &features);
    void setTags(const QStringList &tags);

    QLineEdit *minScoreField() const { return m_minScore; }
    QLineEdit *maxScoreField() const { return m_maxScore; }
    QLineEdit *companyField() const { return m_company; }
    QLineEdit *featureField() const { return m_feature; }
    QLineEdit *tagsField() const { return m_tags; }

Q_SIGNALS:
    void changed();

private:
    struct Names
    {
        QHash<QString, qint64> ids; // by folded name
        QHash<qint64, QString> names;
    };
    static void fill(Names *names, QCompleter *completer, const NamedIds &items);
    QLineEdit *nameField(const QString &placeholder, const QString &accessibleName,
                         QCompleter *completer);
    void check();

    QLineEdit *m_minScore;
    QLineEdit *m_maxScore;
    QLineEdit *m_company;
    QLineEdit *m_feature;
    QLineEdit *m_tags;
    QCompleter *m_companyCompleter;
    QCompleter *m_featureCompleter;
    QCompleter *m_tagCompleter;
    QLabel *m_problem;
    Names m_companies;
    Names m_features;
};
