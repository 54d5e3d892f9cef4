#pragma once

#include "feedback/feedbackquery.h"
#include "feedback/triage.h"

#include <QList>
#include <QObject>
#include <QPair>
#include <QString>

#include <memory>

class Database;

using NamedIds = QList<QPair<qint64, QString>>;

// What the filters and the triage controls offer to choose from.
struct InboxChoices
{
    NamedIds sources;
    NamedIds features;
    NamedIds companies;
    QStringList tags;
    QList<SavedView> views;
    QString error;
};

// What an item shows beyond its row in the table: the whole body, where it came from, and
// the items most like it.
struct FeedbackDetails
{
    qint64 id = 0;
    QString body;
    QString url;
    QList<SimilarItem> similar;
    QList<DuplicateItem> duplicates;
    QString error;
};

// Reads what may be slow on a large workspace (counts, the choices of the filters, an item's
// details and similar items) on pool threads, each with its own connection, and answers on
// the UI thread. An answer to an older request never replaces a newer one.
class FeedbackLoader : public QObject
{
    Q_OBJECT
public:
    explicit FeedbackLoader(QObject *parent = nullptr);

    void setDatabase(std::shared_ptr<Database> database);
    void loadChoices();
    void count(const FeedbackQuery &query);
    void loadDetails(qint64 feedbackId);
    bool isBusy() const { return m_pending > 0; }

Q_SIGNALS:
    void choicesLoaded(const InboxChoices &choices);
    void counted(qint64 total, qint64 matching);
    void detailsLoaded(const FeedbackDetails &details);
    void failed(const QString &error);
    void busyChanged(bool busy);

private:
    template<typename Result, typename Work, typename Done>
    void start(quint64 *generation, Work work, Done done);

    std::shared_ptr<Database> m_database;
    quint64 m_choicesGeneration = 0;
    quint64 m_countGeneration = 0;
    quint64 m_detailsGeneration = 0;
    int m_pending = 0;
};
