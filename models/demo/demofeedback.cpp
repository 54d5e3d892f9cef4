#include "democontext.h"
#include "demoproducer.h"
#include "demovocabulary.h"

#include <algorithm>
#include <cmath>

namespace DemoSteps {
namespace {

enum class FeedbackSource { Note, Suggestion, Survey };

double clampScore(double value, double low, double high)
{
    return std::round(qBound(low, value, high));
}

const QStringList &feedbackColumns()
{
    static const QStringList columns{
        QStringLiteral("source_id"),  QStringLiteral("external_id"), QStringLiteral("feature_id"),
        QStringLiteral("company_id"), QStringLiteral("author"),      QStringLiteral("title"),
        QStringLiteral("body"),       QStringLiteral("score"),       QStringLiteral("score_kind"),
        QStringLiteral("channel"),    QStringLiteral("status"),      QStringLiteral("url"),
        QStringLiteral("created_at"), QStringLiteral("updated_at")};
    return columns;
}

// Rows in column order, one value after the other.
using FeedbackBatch = QVariantList;
constexpr int FeedbackBatchRows = 512;

// Composes the feedback items and hands them to sink, FeedbackBatchRows at a time.
void generateFeedback(DemoContext &context, const DemoProducer<FeedbackBatch>::Sink &sink)
{
    using namespace DemoVocabulary;
    DemoRandom &random = context.random;
    const qint64 productboard = context.sourceIds.value(QStringLiteral("productboard"));
    const qint64 uservoice = context.sourceIds.value(QStringLiteral("uservoice"));
    const qint64 qualtrics = context.sourceIds.value(QStringLiteral("qualtrics"));

    // Popular features attract more feedback.
    QVector<double> cumulative;
    double total = 0;
    for (const DemoFeature &feature : std::as_const(context.features)) {
        total += feature.popularity;
        cumulative.append(total);
    }

    const qsizetype batchValues = FeedbackBatchRows * feedbackColumns().size();
    FeedbackBatch batch;
    batch.reserve(batchValues);
    const qint64 count = context.size.feedback;
    for (qint64 i = 0; i < count; ++i) {
        const double sourceRoll = random.uniform();
        const FeedbackSource kind = sourceRoll < 0.45  ? FeedbackSource::Note
                                    : sourceRoll < 0.7 ? FeedbackSource::Suggestion
                                                       : FeedbackSource::Survey;
        const DemoUser &author = context.users.at(random.between(0, context.users.size() - 1));
        const QDate created = context.daysAgo(random.between(0, 364));
        const bool linked = random.chance(kind == FeedbackSource::Survey ? 0.5 : 0.7);
        const DemoFeature *feature = nullptr;
        if (linked) {
            const double r = random.uniform() * total;
            const auto it = std::lower_bound(cumulative.cbegin(), cumulative.cend(), r);
            feature = &context.features.at(
                qMin<qsizetype>(it - cumulative.cbegin(), context.features.size() - 1));
        }

        const int ask = int(random.between(0, feedbackAsks().size() - 1));
        const QString subject = feature ? feature->name : QObject::tr("the product");
        const QString title =
            feature ? feature->name + QStringLiteral(": ") + feedbackAskTitles().at(ask)
                    : random.pick(generalFeedbackTitles());
        QStringList sentences{random.pick(feedbackOpeners()).arg(subject), feedbackAsks().at(ask)};
        QString detail = random.pick(feedbackDetails());
        if (detail.contains(QLatin1String("%1")))
            detail = detail.arg(random.between(10000, 99999));
        sentences << detail << random.pick(feedbackClosers());
        sentences.removeAll(QString());
        const QString body = sentences.join(QLatin1Char(' '));

        const double satisfaction = feature ? feature->satisfaction : 0.7;
        QVariant score;
        QVariant scoreKind;
        QString channel;
        qint64 sourceId = productboard;
        QString externalId;
        QString url;
        switch (kind) {
        case FeedbackSource::Note:
            channel = random.pick(channels());
            externalId = DemoIds::uuid(random);
            url = QStringLiteral("https://acme-demo.productboard.com/insights/notes/") + externalId;
            break;
        case FeedbackSource::Suggestion:
            sourceId = uservoice;
            channel = QStringLiteral("portal");
            score = 1 + int(random.exponential(2 + 10 * (feature ? feature->popularity : 0.3)));
            scoreKind = QStringLiteral("votes");
            externalId = QString::number(400000 + i);
            url = QStringLiteral("https://acme-demo.uservoice.com/forums/1/suggestions/") +
                  externalId;
            break;
        case FeedbackSource::Survey: {
            sourceId = qualtrics;
            channel = QStringLiteral("survey");
            const double roll = random.uniform();
            if (roll < 0.65) {
                score = clampScore(random.normal(3 + 7 * satisfaction, 2.0), 0, 10);
                scoreKind = QStringLiteral("nps");
            } else if (roll < 0.9) {
                score = clampScore(random.normal(1 + 4 * satisfaction, 0.9), 1, 5);
                scoreKind = QStringLiteral("csat");
            } else {
                // Product-market fit: 1 very, 2 somewhat, 3 not disappointed without the product
                score = satisfaction > random.uniform() ? 1 : random.chance(0.6) ? 2 : 3;
                scoreKind = QStringLiteral("pmf");
            }
            externalId = QStringLiteral("R_%1").arg(QString::number(random.next(), 36).left(15));
            url = QStringLiteral("https://acme-demo.qualtrics.com/responses/") + externalId;
            break;
        }
        }

        const qint64 age = created.daysTo(context.today);
        const double statusRoll = random.uniform();
        QString status;
        if (age < 14)
            status = statusRoll < 0.7 ? QStringLiteral("new") : QStringLiteral("triaged");
        else if (statusRoll < 0.12)
            status = QStringLiteral("new");
        else if (statusRoll < 0.45)
            status = QStringLiteral("triaged");
        else if (statusRoll < 0.85)
            status = feature ? QStringLiteral("linked") : QStringLiteral("triaged");
        else
            status = QStringLiteral("archived");

        const QString createdAt = context.randomTimestamp(created);
        batch << sourceId << externalId << (feature ? QVariant(feature->id) : QVariant())
              << author.companyId << author.name << title << body << score << scoreKind << channel
              << status << url << createdAt
              << (status == QLatin1String("new")
                      ? createdAt
                      : context.randomTimestamp(
                            qMin(context.today, created.addDays(random.between(0, 10)))));
        if (batch.size() == batchValues) {
            sink(std::move(batch));
            batch = FeedbackBatch();
            batch.reserve(batchValues);
        }
    }
    if (!batch.isEmpty())
        sink(std::move(batch));
}

} // namespace

void feedback(DemoContext &context)
{
    DemoProducer<FeedbackBatch> producer(64,
                                         [&context](const DemoProducer<FeedbackBatch>::Sink &sink) {
                                             generateFeedback(context, sink);
                                         });
    DemoBatchRows rows(context.db, QStringLiteral("feedback"), feedbackColumns(), 64);
    qint64 written = 0;
    while (std::optional<FeedbackBatch> batch = producer.next()) {
        rows.appendRows(*batch);
        written += batch->size() / feedbackColumns().size();
        producer.recycle(std::move(*batch));
        context.report(double(written) / context.size.feedback);
    }
}

} // namespace DemoSteps
