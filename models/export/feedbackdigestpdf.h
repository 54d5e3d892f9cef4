#pragma once

#include "feedback/feedbackquery.h"
#include "pdfdocument.h"

#include <QSqlDatabase>

#include <optional>

// The items of one inbox view, read once, grouped by the features they are linked to.
struct FeedbackDigestData
{
    struct Group
    {
        QString feature; // empty: not linked to a feature
        QList<FeedbackRow> items;
    };

    QString workspace;
    QString view; // the filter in words
    qint64 total = 0;
    qint64 shown = 0;
    QList<Group> groups; // most items first, unlinked last

    // Beyond this many items a digest stops being read (some 300 pages); the CSV export
    // carries any number.
    static constexpr int DefaultLimit = 10'000;

    // At most limit items are read (the newest first unless the view sorts otherwise).
    static std::optional<FeedbackDigestData> load(const QSqlDatabase &db, const QString &workspace,
                                                  const FeedbackQuery &query, QString *error,
                                                  int limit = DefaultLimit);
    static QString describe(const FeedbackFilter &filter);
};

// The feedback digest: what an inbox view holds, feature by feature, for people outside the
// app. Authors are left out; companies stay.
class FeedbackDigestPdf : public PdfDocument
{
public:
    explicit FeedbackDigestPdf(FeedbackDigestData data);

    QString title() const override;
    void layOut(PdfLayout &layout) const override;

    static QString noFeedbackText();

private:
    FeedbackDigestData m_data;
};
