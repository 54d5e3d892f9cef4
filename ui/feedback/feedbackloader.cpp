#include "feedbackloader.h"

#include "database.h"
#include "metrics/featurecatalog.h"
#include "sourcestore.h"

#include <QFutureWatcher>
#include <QSqlError>
#include <QSqlQuery>
#include <QtConcurrent>

namespace {

struct Counts
{
    qint64 total = 0;
    qint64 matching = 0;
    QString error;
};

} // namespace

FeedbackLoader::FeedbackLoader(QObject *parent)
    : QObject(parent)
{
}

void FeedbackLoader::setDatabase(std::shared_ptr<Database> database)
{
    m_database = std::move(database);
    // Whatever is still running answers for the previous workspace.
    ++m_choicesGeneration;
    ++m_countGeneration;
    ++m_detailsGeneration;
}

template<typename Result, typename Work, typename Done>
void FeedbackLoader::start(quint64 *generation, Work work, Done done)
{
    if (!m_database)
        return;
    const quint64 mine = ++*generation;
    auto *watcher = new QFutureWatcher<Result>(this);
    if (m_pending++ == 0)
        Q_EMIT busyChanged(true);
    connect(watcher, &QFutureWatcher<Result>::finished, this,
            [this, watcher, mine, generation, done] {
                const Result result = watcher->result();
                watcher->deleteLater();
                if (--m_pending == 0)
                    Q_EMIT busyChanged(false);
                if (mine == *generation)
                    done(result);
            });
    std::shared_ptr<Database> database = m_database;
    watcher->setFuture(
        QtConcurrent::run([database, work] { return work(database->connection()); }));
}

void FeedbackLoader::loadChoices()
{
    start<InboxChoices>(
        &m_choicesGeneration,
        [](const QSqlDatabase &db) {
            InboxChoices choices;
            const QList<Source> sources = SourceStore(db).all(&choices.error);
            for (const Source &source : sources)
                choices.sources.append({source.id, source.name});
            const FeatureCatalog catalog = FeatureCatalog::load(db, &choices.error);
            for (const CatalogFeature &feature : catalog.features())
                choices.features.append({feature.id, feature.name});
            QSqlQuery query(db);
            if (query.exec(QStringLiteral("SELECT id, name FROM companies ORDER BY name COLLATE "
                                          "NOCASE"))) {
                while (query.next())
                    choices.companies.append(
                        {query.value(0).toLongLong(), query.value(1).toString()});
            } else {
                choices.error = query.lastError().text();
            }
            if (query.exec(QStringLiteral("SELECT DISTINCT tag FROM feedback_tags ORDER BY tag "
                                          "COLLATE NOCASE"))) {
                while (query.next())
                    choices.tags.append(query.value(0).toString());
            } else {
                choices.error = query.lastError().text();
            }
            choices.views = FeedbackTriage::savedViews(db, &choices.error);
            return choices;
        },
        [this](const InboxChoices &choices) {
            if (!choices.error.isEmpty())
                Q_EMIT failed(tr("Could not read the filters' choices: %1").arg(choices.error));
            Q_EMIT choicesLoaded(choices);
        });
}

void FeedbackLoader::count(const FeedbackQuery &query)
{
    start<Counts>(
        &m_countGeneration,
        [query](const QSqlDatabase &db) {
            Counts counts;
            const auto total = FeedbackQuery().count(db, &counts.error);
            const auto matching = query.count(db, &counts.error);
            counts.total = total.value_or(-1);
            counts.matching = matching.value_or(-1);
            return counts;
        },
        [this](const Counts &counts) {
            if (!counts.error.isEmpty())
                Q_EMIT failed(tr("Could not count the feedback: %1").arg(counts.error));
            else
                Q_EMIT counted(counts.total, counts.matching);
        });
}

void FeedbackLoader::loadDetails(qint64 feedbackId)
{
    start<FeedbackDetails>(
        &m_detailsGeneration,
        [feedbackId](const QSqlDatabase &db) {
            FeedbackDetails details;
            details.id = feedbackId;
            if (!FeedbackQuery::bodyAndLink(db, feedbackId, &details.body, &details.url,
                                            &details.error))
                return details;
            details.similar = FeedbackTriage::similar(db, feedbackId, 8, &details.error);
            if (details.error.isEmpty())
                details.duplicates = FeedbackTriage::duplicates(db, feedbackId, &details.error);
            return details;
        },
        [this](const FeedbackDetails &details) { Q_EMIT detailsLoaded(details); });
}
