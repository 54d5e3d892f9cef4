#include "databasewriter.h"
#include "feedback/feedbackinboxmodel.h"
#include "feedback/feedbackquery.h"
#include "feedback/triage.h"
#include "search/searchterms.h"
#include "testworkspace.h"
#include "upsertstatement.h"

#include <QAbstractItemModelTester>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

// The feedback inbox: search, filters, windows of rows, and triage kept across syncs.
class TestFeedbackInbox : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void searchesPrefixesAccentsAndPunctuation();
    void highlightsMatches();
    void combinesFiltersWithSearch();
    void triageSurvivesResync();
    void eachOperationHasAnInverse();
    void bulkEditsUndoPerItem();
    void rejectsInvalidEdits();
    void fetchesWindowsInEveryOrder();
    void modelFetchesAsTheViewScrolls();
    void findsSimilarItems();
    void savesViews();
    void mergesDuplicates();
    void mergedDuplicatesSurviveResync();
    void createsFeatureFromFeedback();

private:
    void exec(const QString &sql);
    bool sync(const QList<QVariantList> &rows);
    qint64 idOf(const QString &externalId);
    QStringList titles(const FeedbackFilter &filter);
    QString status(const QString &externalId);

    std::unique_ptr<TestWorkspace> m_workspace;
    std::unique_ptr<Database> m_db;
};

namespace {

const QStringList SyncColumns = {
    QStringLiteral("source_id"), QStringLiteral("external_id"), QStringLiteral("title"),
    QStringLiteral("body"),      QStringLiteral("author"),      QStringLiteral("company_id"),
    QStringLiteral("score"),     QStringLiteral("score_kind"),  QStringLiteral("channel"),
    QStringLiteral("status"),    QStringLiteral("created_at"),
};

QVariantList item(qint64 source, const char *externalId, const QString &title, const QString &body,
                  const char *author, QVariant company, QVariant score, QVariant scoreKind,
                  const char *channel, const char *status, const char *createdAt)
{
    return {source,
            QString::fromLatin1(externalId),
            title,
            body,
            QString::fromLatin1(author),
            company,
            score,
            scoreKind,
            QString::fromLatin1(channel),
            QString::fromLatin1(status),
            QString::fromLatin1(createdAt)};
}

QList<QVariantList> sampleItems()
{
    const QVariant none;
    QList<QVariantList> rows = {
        item(1, "a1", QStringLiteral("Please add a dark theme"),
             QStringLiteral("Our team works at night.\nSecond line"), "Ana", 1, 9,
             QStringLiteral("nps"), "survey", "new", "2026-03-01T10:00:00Z"),
        item(1, "a2", QStringLiteral("\u00c9quipes need bulk editing"),
             QStringLiteral("Editing one by one is slow"), "Ben", none, 3, QStringLiteral("nps"),
             "survey", "new", "2026-03-02T10:00:00Z"),
        item(2, "b1", QStringLiteral("C++ export (PDF) is broken"),
             QStringLiteral("The 'export' button fails: 50% of the time"), "Cy", 1, 5,
             QStringLiteral("rating"), "portal", "triaged", "2026-03-03T10:00:00Z"),
        item(2, "b2", QStringLiteral("Dark mode for reports"),
             QStringLiteral("Night owls everywhere"), "Di", none, none, none, "email", "new",
             "2026-03-04T10:00:00Z"),
    };
    for (int i = 1; i <= 20; ++i) {
        // Two share each date, and some share a score, so that windows split ties.
        rows.append(
            {qint64(2), QStringLiteral("n%1").arg(i), QStringLiteral("Filler %1").arg(i),
             QStringLiteral("nothing to see"), QStringLiteral("Bot"), QVariant(),
             i % 3 == 0 ? QVariant() : QVariant(i % 4), QStringLiteral("votes"),
             QStringLiteral("portal"), QStringLiteral("new"),
             QStringLiteral("2026-01-%1T08:00:00Z").arg((i + 1) / 2, 2, 10, QLatin1Char('0'))});
    }
    return rows;
}

} // namespace

void TestFeedbackInbox::exec(const QString &sql)
{
    QSqlQuery query(m_db->connection());
    QVERIFY2(query.exec(sql), qPrintable(query.lastError().text()));
}

// As a sync writes a page: upserts by (source_id, external_id), in one transaction.
bool TestFeedbackInbox::sync(const QList<QVariantList> &rows)
{
    const WriteResult result = m_db->writer()->run([&](QSqlDatabase &db, QString *error) {
        UpsertStatement upsert(db, QStringLiteral("feedback"), SyncColumns);
        if (!upsert.executeMany(rows)) {
            *error = upsert.lastError();
            return false;
        }
        return true;
    });
    if (!result.ok)
        qWarning("%s", qPrintable(result.error));
    return result.ok;
}

qint64 TestFeedbackInbox::idOf(const QString &externalId)
{
    QSqlQuery query(m_db->connection());
    query.prepare(QStringLiteral("SELECT id FROM feedback WHERE external_id = ?"));
    query.addBindValue(externalId);
    if (!query.exec() || !query.next())
        return 0;
    return query.value(0).toLongLong();
}

QStringList TestFeedbackInbox::titles(const FeedbackFilter &filter)
{
    FeedbackQuery query(filter);
    FeedbackQuery::Cursor cursor;
    QList<FeedbackRow> rows;
    QString error;
    QStringList found;
    if (!query.fetch(m_db->connection(), &cursor, 1000, &rows, &error))
        return {QStringLiteral("error: ") + error};
    for (const FeedbackRow &row : rows)
        found.append(row.title);
    const auto count = query.count(m_db->connection(), &error);
    if (!count || *count != found.size())
        found.append(QStringLiteral("count differs: ") + error);
    return found;
}

QString TestFeedbackInbox::status(const QString &externalId)
{
    FeedbackQuery query;
    QList<FeedbackRow> rows;
    QString error;
    if (!query.rows(m_db->connection(), {idOf(externalId)}, &rows, &error) || rows.size() != 1)
        return QStringLiteral("error: ") + error;
    return rows.first().status;
}

void TestFeedbackInbox::init()
{
    m_workspace = std::make_unique<TestWorkspace>();
    m_db = m_workspace->open();
    QVERIFY(m_db);
    exec(QStringLiteral("INSERT INTO sources (id, kind, name, created_at) VALUES (1, 'uservoice', "
                        "'Portal', '2026-01-01'), (2, 'productboard', 'Board', '2026-01-01')"));
    exec(QStringLiteral("INSERT INTO features (id, source_id, external_id, name) VALUES (1, 2, "
                        "'F-1', 'Dark mode'), (2, 2, 'F-2', 'Bulk edit')"));
    exec(QStringLiteral("INSERT INTO companies (id, name) VALUES (1, 'Acme')"));
    QVERIFY(sync(sampleItems()));
}

void TestFeedbackInbox::cleanup()
{
    m_db.reset();
    m_workspace.reset();
}

void TestFeedbackInbox::searchesPrefixesAccentsAndPunctuation()
{
    FeedbackFilter filter;
    filter.text = QStringLiteral("equi");
    QCOMPARE(titles(filter), QStringList{QStringLiteral("\u00c9quipes need bulk editing")});
    filter.text = QStringLiteral("TH dar"); // prefixes, any order, case ignored
    QCOMPARE(titles(filter), QStringList{QStringLiteral("Please add a dark theme")});
    filter.text = QStringLiteral("night"); // the body counts too; newest first
    QCOMPARE(titles(filter), (QStringList{QStringLiteral("Dark mode for reports"),
                                          QStringLiteral("Please add a dark theme")}));
    // Punctuation and FTS5 syntax are read as text.
    filter.text = QStringLiteral("c++ (pdf");
    QCOMPARE(titles(filter), QStringList{QStringLiteral("C++ export (PDF) is broken")});
    filter.text = QStringLiteral("\"export* 50%");
    QCOMPARE(titles(filter), QStringList{QStringLiteral("C++ export (PDF) is broken")});
    filter.text = QStringLiteral("NEAR( dark OR");
    QCOMPARE(titles(filter), QStringList());
    filter.text = QStringLiteral("  ,; ");
    QCOMPARE(titles(filter).size(), 24); // no words: no text condition
    QCOMPARE(SearchTerms::ftsPrefixQuery(SearchTerms::words(QStringLiteral("a\"b c*"))),
             QStringLiteral("\"a\"* \"b\"* \"c\"*"));
}

void TestFeedbackInbox::highlightsMatches()
{
    FeedbackFilter filter;
    filter.text = QStringLiteral("equipe edit");
    FeedbackQuery query(filter);
    FeedbackQuery::Cursor cursor;
    QList<FeedbackRow> rows;
    QString error;
    QVERIFY2(query.fetch(m_db->connection(), &cursor, 10, &rows, &error), qPrintable(error));
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().titleHighlight,
             QStringLiteral("<b>\u00c9quipes</b> need bulk <b>editing</b>"));
    QCOMPARE(rows.first().bodySnippet, QStringLiteral("<b>Editing</b> one by one is slow"));
    QCOMPARE(rows.first().firstLine, QStringLiteral("Editing one by one is slow"));

    const QString body = QStringLiteral("one two three four five six seven eight nine ten "
                                        "<eleven> twelve");
    QCOMPARE(FeedbackQuery::snippet(body, {QStringLiteral("elev")}, 4),
             QStringLiteral("\u2026nine ten &lt;<b>eleven</b>&gt; twelve"));
    QCOMPARE(FeedbackQuery::highlight(QStringLiteral("Caf\u00e9 & cafe"), {QStringLiteral("CAFE")}),
             QStringLiteral("<b>Caf\u00e9</b> &amp; <b>cafe</b>"));

    filter.text.clear();
    QVERIFY(FeedbackQuery(filter).fetch(m_db->connection(), &(cursor = {}), 1, &rows, &error));
    QVERIFY(rows.first().titleHighlight.isEmpty());
}

void TestFeedbackInbox::combinesFiltersWithSearch()
{
    FeedbackFilter filter;
    filter.text = QStringLiteral("dark");
    filter.sourceIds = {2};
    QCOMPARE(titles(filter), QStringList{QStringLiteral("Dark mode for reports")});
    filter.sourceIds.clear();
    filter.minScore = 5;
    QCOMPARE(titles(filter), QStringList{QStringLiteral("Please add a dark theme")});

    filter = FeedbackFilter();
    filter.companyId = 1;
    QCOMPARE(titles(filter), (QStringList{QStringLiteral("C++ export (PDF) is broken"),
                                          QStringLiteral("Please add a dark theme")}));
    filter.maxScore = 5;
    QCOMPARE(titles(filter), QStringList{QStringLiteral("C++ export (PDF) is broken")});

    filter = FeedbackFilter();
    filter.from = QDate(2026, 3, 2);
    filter.to = QDate(2026, 3, 3); // inclusive
    QCOMPARE(titles(filter), (QStringList{QStringLiteral("C++ export (PDF) is broken"),
                                          QStringLiteral("\u00c9quipes need bulk editing")}));

    filter = FeedbackFilter();
    filter.statuses = {QStringLiteral("triaged")}; // as the service reported it
    QCOMPARE(titles(filter), QStringList{QStringLiteral("C++ export (PDF) is broken")});

    // Features: the one the data brought and those linked here both count.
    exec(QStringLiteral("UPDATE feedback SET feature_id = 2 WHERE external_id = 'a2'"));
    FeedbackTriage triage(m_db->writer());
    TriageChange change;
    QString error;
    QVERIFY2(triage.linkFeature({idOf(QStringLiteral("b2"))}, 2, 1, &change, &error),
             qPrintable(error));
    filter = FeedbackFilter();
    filter.feature = FeedbackFilter::Feature::Linked;
    filter.featureId = 2;
    QCOMPARE(titles(filter), (QStringList{QStringLiteral("Dark mode for reports"),
                                          QStringLiteral("\u00c9quipes need bulk editing")}));
    filter.text = QStringLiteral("repo");
    QCOMPARE(titles(filter), QStringList{QStringLiteral("Dark mode for reports")});
    filter = FeedbackFilter();
    filter.feature = FeedbackFilter::Feature::Unlinked;
    filter.text = QStringLiteral("dark");
    QCOMPARE(titles(filter), QStringList{QStringLiteral("Please add a dark theme")});

    QVERIFY(triage.addTag({idOf(QStringLiteral("a1"))}, QStringLiteral("UX"), &change, &error));
    filter = FeedbackFilter();
    filter.tags = {QStringLiteral("ux"), QStringLiteral("billing")};
    QCOMPARE(titles(filter), QStringList{QStringLiteral("Please add a dark theme")});
}

void TestFeedbackInbox::triageSurvivesResync()
{
    FeedbackTriage triage(m_db->writer());
    TriageChange change;
    QString error;
    const qint64 a1 = idOf(QStringLiteral("a1"));
    QVERIFY2(triage.setStatus({a1}, QStringLiteral("archived"), &change, &error),
             qPrintable(error));
    QVERIFY(triage.addTag({a1}, QStringLiteral("ux"), &change, &error));
    QVERIFY(triage.linkFeature({a1}, 1, 3, &change, &error));
    QVERIFY(triage.linkFeature({a1}, 2, 0, &change, &error));

    const auto check = [&] {
        FeedbackFilter filter;
        filter.statuses = {QStringLiteral("archived")};
        filter.feature = FeedbackFilter::Feature::Linked;
        filter.featureId = 1;
        filter.tags = {QStringLiteral("ux")};
        FeedbackQuery query(filter);
        FeedbackQuery::Cursor cursor;
        QList<FeedbackRow> rows;
        QVERIFY2(query.fetch(m_db->connection(), &cursor, 10, &rows, &error), qPrintable(error));
        QCOMPARE(rows.size(), 1);
        const FeedbackRow &row = rows.first();
        QCOMPARE(row.externalId, QStringLiteral("a1"));
        QCOMPARE(row.status, QStringLiteral("archived"));
        QCOMPARE(row.tags, QStringList{QStringLiteral("ux")});
        QCOMPARE(row.features.size(), 2);
        QCOMPARE(row.features.at(0).featureId, 1); // most important first
        QCOMPARE(row.features.at(0).importance, 3);
        QCOMPARE(row.features.at(1).importance, 0);
    };
    check();

    // The service sends the item again, changed, with its own status.
    QList<QVariantList> again = {sampleItems().first()};
    again.first()[2] = QStringLiteral("Please add a dark theme, really");
    QVERIFY(sync(again));
    QCOMPARE(idOf(QStringLiteral("a1")), a1);
    check();

    // A full refresh that deletes and re-inserts: the row id changes, the triage stays.
    exec(QStringLiteral("DELETE FROM feedback WHERE external_id = 'a1'"));
    exec(QStringLiteral("INSERT INTO feedback (source_id, external_id, title) VALUES (1, 'zz', "
                        "'pushes the ids on')"));
    QVERIFY(sync(again));
    QVERIFY(idOf(QStringLiteral("a1")) != a1);
    check();
}

void TestFeedbackInbox::eachOperationHasAnInverse()
{
    FeedbackTriage triage(m_db->writer());
    TriageChange change;
    QString error;
    const qint64 b1 = idOf(QStringLiteral("b1"));
    const auto row = [&] {
        QList<FeedbackRow> rows;
        FeedbackQuery().rows(m_db->connection(), {b1}, &rows, &error);
        return rows.value(0);
    };

    QVERIFY(triage.setStatus({b1}, QStringLiteral("linked"), &change, &error));
    QCOMPARE(row().status, QStringLiteral("linked"));
    QVERIFY(triage.revert(change, &error));
    QCOMPARE(row().status, QStringLiteral("triaged")); // the service's status shows again
    QVERIFY(triage.apply(change, &error));             // redo
    QCOMPARE(row().status, QStringLiteral("linked"));

    QVERIFY(triage.addTag({b1}, QStringLiteral("pdf"), &change, &error));
    QCOMPARE(row().tags, QStringList{QStringLiteral("pdf")});
    QVERIFY(triage.revert(change, &error));
    QVERIFY(row().tags.isEmpty());
    QVERIFY(triage.apply(change, &error));
    QVERIFY(triage.removeTag({b1}, QStringLiteral("PDF"), &change, &error)); // case ignored
    QVERIFY(row().tags.isEmpty());
    QVERIFY(triage.revert(change, &error));
    QCOMPARE(row().tags, QStringList{QStringLiteral("pdf")});

    QVERIFY(triage.linkFeature({b1}, 1, 2, &change, &error));
    QCOMPARE(row().features.value(0).importance, 2);
    QVERIFY(triage.linkFeature({b1}, 1, 3, &change, &error)); // a new importance
    QCOMPARE(row().features.value(0).importance, 3);
    QVERIFY(triage.revert(change, &error));
    QCOMPARE(row().features.value(0).importance, 2);
    QVERIFY(triage.unlinkFeature({b1}, 1, &change, &error));
    QVERIFY(row().features.isEmpty());
    QVERIFY(triage.revert(change, &error));
    QCOMPARE(row().features.size(), 1);
    QCOMPARE(row().features.value(0).importance, 2);
    QCOMPARE(row().features.value(0).name, QStringLiteral("Dark mode"));
}

void TestFeedbackInbox::bulkEditsUndoPerItem()
{
    FeedbackTriage triage(m_db->writer());
    TriageChange change;
    QString error;
    const QList<qint64> selection = {idOf(QStringLiteral("a1")), idOf(QStringLiteral("a2")),
                                     idOf(QStringLiteral("b1"))};
    QVERIFY(triage.setStatus({selection.at(1)}, QStringLiteral("triaged"), &change, &error));
    QVERIFY(triage.setStatus(selection, QStringLiteral("archived"), &change, &error));
    QCOMPARE(change.items.size(), 3);
    FeedbackFilter archived;
    archived.statuses = {QStringLiteral("archived")};
    QCOMPARE(titles(archived).size(), 3);
    QVERIFY(triage.revert(change, &error));
    QCOMPARE(status(QStringLiteral("a1")), QStringLiteral("new"));
    QCOMPARE(status(QStringLiteral("a2")), QStringLiteral("triaged"));
    QCOMPARE(status(QStringLiteral("b1")), QStringLiteral("triaged"));
    QVERIFY(titles(archived).isEmpty());

    QVERIFY(triage.addTag(selection, QStringLiteral("q3"), &change, &error));
    QVERIFY(triage.linkFeature(selection, 2, 1, &change, &error));
    FeedbackFilter linked;
    linked.feature = FeedbackFilter::Feature::Linked;
    linked.featureId = 2;
    QCOMPARE(titles(linked).size(), 3);
    QVERIFY(triage.revert(change, &error));
    QVERIFY(titles(linked).isEmpty());

    // One missing item fails the whole edit: nothing is half done.
    QVERIFY(
        !triage.setStatus({selection.first(), 999999}, QStringLiteral("linked"), &change, &error));
    QVERIFY2(error.contains(QLatin1String("999999")), qPrintable(error));
    QCOMPARE(status(QStringLiteral("a1")), QStringLiteral("new"));
}

void TestFeedbackInbox::rejectsInvalidEdits()
{
    FeedbackTriage triage(m_db->writer());
    TriageChange change;
    QString error;
    const qint64 a1 = idOf(QStringLiteral("a1"));
    QVERIFY(!triage.setStatus({a1}, QStringLiteral("done"), &change, &error));
    QVERIFY(!triage.linkFeature({a1}, 1, 4, &change, &error));
    QVERIFY(!triage.addTag({a1}, QStringLiteral("  "), &change, &error));
    QVERIFY(!triage.linkFeature({a1}, 4242, 1, &change, &error)); // no such feature
}

void TestFeedbackInbox::fetchesWindowsInEveryOrder()
{
    const QList<std::pair<FeedbackQuery::Sort, Qt::SortOrder>> orders = {
        {FeedbackQuery::Sort::Date, Qt::DescendingOrder},
        {FeedbackQuery::Sort::Date, Qt::AscendingOrder},
        {FeedbackQuery::Sort::Score, Qt::DescendingOrder},
        {FeedbackQuery::Sort::Score, Qt::AscendingOrder},
        {FeedbackQuery::Sort::Title, Qt::AscendingOrder},
        {FeedbackQuery::Sort::Title, Qt::DescendingOrder},
    };
    for (const auto &[sort, order] : orders) {
        const FeedbackQuery query(FeedbackFilter(), sort, order);
        QString error;
        QList<FeedbackRow> all;
        FeedbackQuery::Cursor whole;
        QVERIFY2(query.fetch(m_db->connection(), &whole, 100, &all, &error), qPrintable(error));
        QCOMPARE(all.size(), 24);
        QVERIFY(whole.atEnd);
        for (qsizetype i = 1; i < all.size(); ++i) {
            const FeedbackRow &a = all.at(i - 1);
            const FeedbackRow &b = all.at(i);
            int c = 0;
            if (sort == FeedbackQuery::Sort::Date)
                c = a.createdAt.compare(b.createdAt);
            else if (sort == FeedbackQuery::Sort::Title)
                c = a.title.compare(b.title, Qt::CaseInsensitive);
            else
                c = a.score.isNull() == b.score.isNull()
                        ? (a.score.toDouble() < b.score.toDouble()
                               ? -1
                               : (a.score.toDouble() > b.score.toDouble() ? 1 : 0))
                        : (a.score.isNull() ? -1 : 1);
            QVERIFY(order == Qt::AscendingOrder ? c <= 0 : c >= 0);
        }
        // Windows of 5 by keyset, and by offset, give the same rows in the same order.
        FeedbackQuery::Cursor cursor;
        QList<qint64> windowed;
        QList<qint64> byOffset;
        while (!cursor.atEnd) {
            QList<FeedbackRow> window;
            QVERIFY(query.fetch(m_db->connection(), &cursor, 5, &window, &error));
            QVERIFY(window.size() <= 5);
            for (const FeedbackRow &row : window)
                windowed.append(row.id);
            QList<FeedbackRow> at;
            QVERIFY(query.fetchAt(m_db->connection(), byOffset.size(), 5, &at, &error));
            for (const FeedbackRow &row : at)
                byOffset.append(row.id);
        }
        QList<qint64> expected;
        for (const FeedbackRow &row : all)
            expected.append(row.id);
        QCOMPARE(windowed, expected);
        QCOMPARE(byOffset, expected);
    }
}

void TestFeedbackInbox::modelFetchesAsTheViewScrolls()
{
    FeedbackInboxModel model(m_db->connection());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setWindowSize(5);
    model.reload();
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(model.canFetchMore(QModelIndex()));
    model.fetchMore(QModelIndex());
    // Whole windows (the tester asks for more of its own accord, as a view would).
    QVERIFY(model.rowCount() >= 5 && model.rowCount() % 5 == 0);
    QCOMPARE(model.data(model.index(0, FeedbackInboxModel::Title)).toString(),
             QStringLiteral("Dark mode for reports"));
    QCOMPARE(model.data(model.index(0, FeedbackInboxModel::Source)).toString(),
             QStringLiteral("Board"));
    QCOMPARE(model.headerData(FeedbackInboxModel::Score, Qt::Horizontal).toString(),
             QStringLiteral("Score"));
    while (model.canFetchMore(QModelIndex()))
        model.fetchMore(QModelIndex());
    QCOMPARE(model.rowCount(), 24);
    // Every row readable, though only a few windows of columns are kept.
    QSet<qint64> ids;
    for (int row = 0; row < model.rowCount(); ++row) {
        QVERIFY(!model.data(model.index(row, FeedbackInboxModel::Title)).toString().isEmpty());
        ids.insert(model.data(model.index(row, 0), FeedbackInboxModel::IdRole).toLongLong());
    }
    QCOMPARE(ids.size(), 24);

    model.sort(FeedbackInboxModel::Title, Qt::AscendingOrder);
    model.fetchMore(QModelIndex());
    QCOMPARE(model.data(model.index(0, FeedbackInboxModel::Title)).toString(),
             QStringLiteral("C++ export (PDF) is broken"));
    model.sort(FeedbackInboxModel::Score, Qt::DescendingOrder);
    model.fetchMore(QModelIndex());
    QCOMPARE(model.data(model.index(0, FeedbackInboxModel::Score)).toDouble(), 9.0);

    FeedbackFilter filter;
    filter.text = QStringLiteral("dark");
    model.setQuery(FeedbackQuery(filter));
    while (model.canFetchMore(QModelIndex()))
        model.fetchMore(QModelIndex());
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.data(model.index(1, 0), FeedbackInboxModel::TitleHighlightRole).toString(),
             QStringLiteral("Please add a <b>dark</b> theme"));

    // An edit, then reload: the view reads the new state.
    FeedbackTriage triage(m_db->writer());
    TriageChange change;
    QString error;
    QVERIFY(triage.setStatus({model.feedbackId(1)}, QStringLiteral("archived"), &change, &error));
    QVERIFY(triage.linkFeature({model.feedbackId(1)}, 1, 3, &change, &error));
    model.reload();
    model.fetchMore(QModelIndex());
    QCOMPARE(model.data(model.index(1, FeedbackInboxModel::Status)).toString(),
             QStringLiteral("archived"));
    QCOMPARE(model.data(model.index(1, FeedbackInboxModel::Features)).toString(),
             QStringLiteral("Dark mode"));
    QCOMPARE(model.data(model.index(1, 0), FeedbackInboxModel::FeatureIdsRole).toList(),
             QVariantList{qint64(1)});
}

void TestFeedbackInbox::findsSimilarItems()
{
    QString error;
    const auto similar =
        FeedbackTriage::similar(m_db->connection(), idOf(QStringLiteral("a1")), 5, &error);
    QVERIFY2(!similar.isEmpty(), qPrintable(error));
    QCOMPARE(similar.first().title, QStringLiteral("Dark mode for reports"));
    for (const SimilarItem &item : similar)
        QVERIFY(item.id != idOf(QStringLiteral("a1")));
    QVERIFY(FeedbackTriage::similar(m_db->connection(), 999999, 5, &error).isEmpty());
    QVERIFY(!error.isEmpty());
}

void TestFeedbackInbox::savesViews()
{
    FeedbackTriage triage(m_db->writer());
    QString error;
    FeedbackFilter filter;
    filter.text = QStringLiteral("dark \"mode");
    filter.sourceIds = {1, 2};
    filter.statuses = {QStringLiteral("new")};
    filter.minScore = 0;
    filter.maxScore = 6.5;
    filter.companyId = 1;
    filter.feature = FeedbackFilter::Feature::Unlinked;
    filter.tags = {QStringLiteral("ux")};
    filter.from = QDate(2026, 1, 1);
    filter.to = QDate(2026, 3, 31);
    qint64 id = 0;
    QVERIFY2(triage.saveView(QStringLiteral("Dark, unlinked"), filter, &id, &error),
             qPrintable(error));
    QVERIFY(id > 0);
    qint64 other = 0;
    QVERIFY(triage.saveView(QStringLiteral("All"), FeedbackFilter(), &other, &error));
    auto views = FeedbackTriage::savedViews(m_db->connection(), &error);
    QCOMPARE(views.size(), 2);
    QCOMPARE(views.at(0).name, QStringLiteral("All"));
    QCOMPARE(views.at(1).id, id);
    QVERIFY(views.at(1).filter == filter);
    QCOMPARE(views.at(1).filter.maxScore, std::optional<double>(6.5));

    // Saving under the same name replaces the filters.
    FeedbackFilter linked;
    linked.feature = FeedbackFilter::Feature::Linked;
    linked.featureId = 2;
    qint64 same = 0;
    QVERIFY(triage.saveView(QStringLiteral("Dark, unlinked"), linked, &same, &error));
    QCOMPARE(same, id);
    QVERIFY(triage.renameView(id, QStringLiteral("Bulk edit"), &error));
    views = FeedbackTriage::savedViews(m_db->connection(), &error);
    QCOMPARE(views.at(1).name, QStringLiteral("Bulk edit"));
    QVERIFY(views.at(1).filter == linked);
    QVERIFY(!triage.renameView(id, QStringLiteral("All"), &error)); // names are unique
    QVERIFY(triage.deleteView(id, &error));
    QCOMPARE(FeedbackTriage::savedViews(m_db->connection(), &error).size(), 1);
    QVERIFY(!triage.renameView(id, QStringLiteral("Gone"), &error));
}

void TestFeedbackInbox::mergesDuplicates()
{
    FeedbackTriage triage(m_db->writer());
    TriageChange change;
    QString error;
    const qint64 a1 = idOf(QStringLiteral("a1"));
    const qint64 b2 = idOf(QStringLiteral("b2"));
    const qint64 n1 = idOf(QStringLiteral("n1"));
    const int all = int(titles(FeedbackFilter()).size());

    QVERIFY2(triage.mergeDuplicates(b2, {n1}, &change, &error), qPrintable(error));
    QVERIFY(!titles(FeedbackFilter()).contains(QStringLiteral("Filler 1")));
    QCOMPARE(titles(FeedbackFilter()).size(), all - 1); // counted the same way too

    // b2, with n1 merged into it, is itself merged into a1: n1 follows to a1.
    TriageChange second;
    QVERIFY2(triage.mergeDuplicates(a1, {b2}, &second, &error), qPrintable(error));
    QCOMPARE(second.items.size(), 2);
    QCOMPARE(titles(FeedbackFilter()).size(), all - 2);
    QList<DuplicateItem> merged = FeedbackTriage::duplicates(m_db->connection(), a1, &error);
    QCOMPARE(merged.size(), 2);
    QCOMPARE(merged.at(0).title, QStringLiteral("Filler 1")); // oldest first
    QCOMPARE(merged.at(0).source, QStringLiteral("Board"));
    QCOMPARE(merged.at(1).id, b2);
    // Searching finds the primary only; the duplicates' records are all still there.
    FeedbackFilter dark;
    dark.text = QStringLiteral("dark");
    QCOMPARE(titles(dark), QStringList{QStringLiteral("Please add a dark theme")});
    {
        // Scoped: an unfinished read would hold its snapshot of the workspace.
        QSqlQuery rows(m_db->connection());
        QVERIFY(rows.exec(QStringLiteral("SELECT count(*) FROM feedback")) && rows.next());
        QCOMPARE(rows.value(0).toInt(), all);
    }

    // Undo puts n1 back under b2, and b2 back in the list.
    QVERIFY(triage.revert(second, &error));
    QCOMPARE(titles(FeedbackFilter()).size(), all - 1);
    merged = FeedbackTriage::duplicates(m_db->connection(), b2, &error);
    QCOMPARE(merged.size(), 1);
    QCOMPARE(merged.first().id, n1);
    QVERIFY(triage.apply(second, &error));
    QCOMPARE(FeedbackTriage::duplicates(m_db->connection(), a1, &error).size(), 2);

    // Unmerging one brings it back alone.
    QVERIFY(triage.unmerge({b2}, &change, &error));
    QCOMPARE(titles(FeedbackFilter()).size(), all - 1);
    QVERIFY(triage.revert(change, &error));
    QCOMPARE(titles(FeedbackFilter()).size(), all - 2);

    // Refused: merging into a merged item, or an item into itself.
    QVERIFY(!triage.mergeDuplicates(b2, {a1}, &change, &error));
    QVERIFY2(error.contains(QLatin1String("merged into another")), qPrintable(error));
    QVERIFY(!triage.mergeDuplicates(a1, {a1}, &change, &error));
    QVERIFY(!error.isEmpty());
}

void TestFeedbackInbox::mergedDuplicatesSurviveResync()
{
    FeedbackTriage triage(m_db->writer());
    TriageChange change;
    QString error;
    QVERIFY(triage.mergeDuplicates(idOf(QStringLiteral("a1")), {idOf(QStringLiteral("b2"))},
                                   &change, &error));
    // A full refresh deletes and re-inserts both records: new row ids, the merge stays.
    const qint64 oldB2 = idOf(QStringLiteral("b2"));
    exec(QStringLiteral("DELETE FROM feedback WHERE external_id IN ('a1', 'b2')"));
    exec(QStringLiteral("INSERT INTO feedback (source_id, external_id, title) VALUES (1, 'zz', "
                        "'pushes the ids on')"));
    QVERIFY(sync(sampleItems()));
    QVERIFY(idOf(QStringLiteral("b2")) != oldB2);
    QVERIFY(!titles(FeedbackFilter()).contains(QStringLiteral("Dark mode for reports")));
    const QList<DuplicateItem> merged =
        FeedbackTriage::duplicates(m_db->connection(), idOf(QStringLiteral("a1")), &error);
    QCOMPARE(merged.size(), 1);
    QCOMPARE(merged.first().id, idOf(QStringLiteral("b2")));
}

void TestFeedbackInbox::createsFeatureFromFeedback()
{
    FeedbackTriage triage(m_db->writer());
    TriageChange change;
    QString error;
    const QList<qint64> items = {idOf(QStringLiteral("a2")), idOf(QStringLiteral("n2"))};
    QVERIFY2(triage.createFeature(items, QStringLiteral("  Bulk   editing "),
                                  QStringLiteral("Edit many at once"), 2, &change, &error),
             qPrintable(error));
    QVERIFY(change.feature);
    const qint64 feature = change.feature->id;
    const auto featureRow = [&] {
        QSqlQuery query(m_db->connection());
        query.prepare(
            QStringLiteral("SELECT name, description, source_id FROM features WHERE id = ?"));
        query.addBindValue(feature);
        return query.exec() && query.next()
                   ? QStringList{query.value(0).toString(), query.value(1).toString(),
                                 query.value(2).isNull() ? QStringLiteral("local")
                                                         : query.value(2).toString()}
                   : QStringList();
    };
    QCOMPARE(featureRow(),
             (QStringList{QStringLiteral("Bulk editing"), QStringLiteral("Edit many at once"),
                          QStringLiteral("local")}));
    FeedbackFilter linked;
    linked.feature = FeedbackFilter::Feature::Linked;
    linked.featureId = feature;
    QCOMPARE(titles(linked).size(), 2);
    QList<FeedbackRow> rows;
    QVERIFY(FeedbackQuery().rows(m_db->connection(), {items.first()}, &rows, &error));
    QCOMPARE(rows.value(0).features.value(0).name, QStringLiteral("Bulk editing"));
    QCOMPARE(rows.value(0).features.value(0).importance, 2);

    // Undo takes the feature away with its links; redo brings both back under the same id.
    QVERIFY(triage.revert(change, &error));
    QVERIFY(featureRow().isEmpty());
    QCOMPARE(titles(linked).size(), 0);
    QVERIFY(triage.apply(change, &error));
    QCOMPARE(featureRow().value(0), QStringLiteral("Bulk editing"));
    QCOMPARE(titles(linked).size(), 2);

    // A name already taken (case ignored) and an empty one are refused, nothing written.
    TriageChange refused;
    QVERIFY(
        !triage.createFeature(items, QStringLiteral("dark MODE"), QString(), 1, &refused, &error));
    QVERIFY2(error.contains(QLatin1String("already")), qPrintable(error));
    QVERIFY(!triage.createFeature(items, QStringLiteral(" "), QString(), 1, &refused, &error));
    QSqlQuery count(m_db->connection());
    QVERIFY(count.exec(QStringLiteral("SELECT count(*) FROM features")) && count.next());
    QCOMPARE(count.value(0).toInt(), 3);
}

QTEST_GUILESS_MAIN(TestFeedbackInbox)
#include "tst_feedbackinbox.moc"
