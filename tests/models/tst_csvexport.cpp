#include "demo/demogenerator.h"
#include "export/csvwriter.h"
#include "export/exporttables.h"
#include "export/feedbacksource.h"
#include "export/modelsource.h"
#include "export/personaldata.h"
#include "export/reporttablesource.h"
#include "export/sqlsource.h"
#include "export/tableexport.h"
#include "testworkspace.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSortFilterProxyModel>
#include <QSqlQuery>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QtConcurrent>

#include <atomic>

namespace {

// An RFC 4180 reader of its own, so that the writer is checked against the standard rather
// than against itself: quoted fields may hold commas, doubled quotes and line breaks.
QList<QStringList> parseCsv(const QByteArray &bytes, bool *ok)
{
    *ok = true;
    const QString text = QString::fromUtf8(bytes);
    QList<QStringList> records;
    QStringList record;
    QString field;
    bool quoted = false;
    bool wasQuoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                    field += QLatin1Char('"');
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field += c;
            }
            continue;
        }
        if (c == QLatin1Char('"')) {
            if (!field.isEmpty() || wasQuoted)
                *ok = false; // a quote inside an unquoted field
            quoted = true;
            wasQuoted = true;
        } else if (c == QLatin1Char(',')) {
            record.append(field);
            field.clear();
            wasQuoted = false;
        } else if (c == QLatin1Char('\r')) {
            if (i + 1 >= text.size() || text.at(i + 1) != QLatin1Char('\n'))
                *ok = false; // records end in CRLF; a bare CR is only allowed quoted
        } else if (c == QLatin1Char('\n')) {
            record.append(field);
            records.append(record);
            record.clear();
            field.clear();
            wasQuoted = false;
        } else {
            field += c;
        }
    }
    if (quoted)
        *ok = false;
    if (!field.isEmpty() || !record.isEmpty()) {
        record.append(field);
        records.append(record);
    }
    return records;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// What a cell must read as in a spreadsheet: the text, or the text behind an apostrophe
// when it would otherwise run as a formula.
QString expectedCell(const QString &text, bool numeric)
{
    static const QString triggers = QStringLiteral("=+-@\t\r");
    if (text.isEmpty() || !triggers.contains(text.front()))
        return text;
    bool number = false;
    text.toDouble(&number);
    return numeric && number ? text : QLatin1Char('\'') + text;
}

ReportTable trickyTable()
{
    ReportTable table;
    table.title = QStringLiteral("Tricky");
    table.columns = {
        {QStringLiteral("label"), QStringLiteral("Label"), ReportColumn::Kind::Text},
        {QStringLiteral("count"), QStringLiteral("Count"), ReportColumn::Kind::Integer},
        {QStringLiteral("amount"), QStringLiteral("Amount, EUR"), ReportColumn::Kind::Money},
        {QStringLiteral("day"), QStringLiteral("Day"), ReportColumn::Kind::Date},
        {QStringLiteral("email"), QStringLiteral("E-mail"), ReportColumn::Kind::Text}};
    const QStringList texts = {
        QStringLiteral("plain"),
        QStringLiteral("comma, inside"),
        QStringLiteral("say \"hello\""),
        QStringLiteral("two\nlines"),
        QStringLiteral("windows\r\nbreak"),
        QStringLiteral("Zoë, Müller & Søren — café"),
        QStringLiteral("=SUM(A1:A9)"),
        QStringLiteral("+1 555 0100"),
        QStringLiteral("-2+3"),
        QStringLiteral("@cmd"),
        QStringLiteral("\tindented"),
        QStringLiteral("\rreturn"),
        QStringLiteral("=\"quoted, formula\""),
        QString(),
    };
    for (qsizetype i = 0; i < texts.size(); ++i) {
        table.rows.append({texts.at(i), qint64(i % 2 ? -i * 1000 : i * 1000),
                           double(i % 3 ? -1234567.25 * i : 1e20), QDate(2026, 1, 1).addDays(i),
                           QStringLiteral("person%1@example.com").arg(i)});
    }
    return table;
}

// Numbered rows, more than one progress step's worth.
class CountingSource : public ExportSource
{
public:
    explicit CountingSource(qint64 rows)
        : m_rows(rows)
    {
    }
    QList<ExportColumn> columns() const override
    {
        return {{QStringLiteral("n"), QStringLiteral("N"), ExportColumn::Kind::Integer, false}};
    }
    bool open(QString *) override { return true; }
    qint64 rowCount() const override { return m_rows; }
    bool next(QStringList *cells) override
    {
        if (m_next >= m_rows)
            return false;
        *cells = {QString::number(++m_next)};
        return true;
    }

private:
    qint64 m_rows;
    qint64 m_next = 0;
};

} // namespace

class TestCsvExport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void fieldsRoundTrip();
    void byteOrderMarkOnRequest();
    void personalDataLeftOut();
    void personalColumnsDecidedInOnePlace();
    void plainNumbersAndIsoDates();
    void viewExportsWhatIsShown();
    void wholeTablesStreamEveryRow_data();
    void wholeTablesStreamEveryRow();
    void feedbackViewExportsTheFilteredItems();
    void cancelLeavesNoFile();
    void failedWriteNamesTheFileAndLeavesNothing();
    void runsOffTheCallingThread();

private:
    TestWorkspace m_workspace;
    std::unique_ptr<Database> m_db;
    QTemporaryDir m_out;
};

void TestCsvExport::initTestCase()
{
    m_db = m_workspace.open();
    QVERIFY(m_db);
    DemoGenerator::Options options;
    options.today = QDate(2026, 6, 15);
    QSqlDatabase db = m_db->connection();
    QString error;
    QVERIFY2(DemoGenerator(options).generate(db, &error), qPrintable(error));
    QVERIFY(m_out.isValid());
}

void TestCsvExport::fieldsRoundTrip()
{
    const ReportTable table = trickyTable();
    ReportTableSource source(table);
    const QString path = m_out.filePath(QStringLiteral("tricky.csv"));
    CsvOptions options;
    options.header = CsvOptions::Header::Keys;
    const TableExport::Result result = TableExport::writeCsv(path, source, options);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.rows, table.rows.size());

    bool ok = false;
    const QList<QStringList> records = parseCsv(readAll(path), &ok);
    QVERIFY(ok);
    QCOMPARE(records.size(), table.rows.size() + 1);
    QCOMPARE(records.first(), (QStringList{QStringLiteral("label"), QStringLiteral("count"),
                                           QStringLiteral("amount"), QStringLiteral("day"),
                                           QStringLiteral("email")}));
    for (qsizetype r = 0; r < table.rows.size(); ++r) {
        const QVariantList &row = table.rows.at(r);
        const QStringList &record = records.at(r + 1);
        QCOMPARE(record.size(), table.columns.size());
        QCOMPARE(record.at(0), expectedCell(row.at(0).toString(), false));
        QCOMPARE(record.at(1), QString::number(row.at(1).toLongLong()));
        QCOMPARE(record.at(2).toDouble(), row.at(2).toDouble());
        QCOMPARE(record.at(3), row.at(3).toDate().toString(Qt::ISODate));
        QCOMPARE(record.at(4), row.at(4).toString());
    }
    // Negative numbers in numeric columns stay numbers; in text they are neutralised.
    QVERIFY(records.at(2).at(1).startsWith(QLatin1Char('-')));
    QCOMPARE(records.at(9).at(0), QStringLiteral("'-2+3"));
}

void TestCsvExport::byteOrderMarkOnRequest()
{
    for (const bool bom : {false, true}) {
        ReportTableSource source(trickyTable());
        CsvOptions options;
        options.byteOrderMark = bom;
        const QString path = m_out.filePath(QStringLiteral("bom-%1.csv").arg(bom));
        QVERIFY(TableExport::writeCsv(path, source, options).ok());
        const QByteArray bytes = readAll(path);
        QCOMPARE(bytes.startsWith("\xEF\xBB\xBF"), bom);
        bool ok = false;
        const QList<QStringList> records = parseCsv(bom ? bytes.mid(3) : bytes, &ok);
        QVERIFY(ok);
        QCOMPARE(records.first().first(), QStringLiteral("Label"));
        QVERIFY(QString::fromUtf8(bytes).contains(QStringLiteral("Søren — café")));
    }
}

void TestCsvExport::personalDataLeftOut()
{
    QSqlQuery people(m_db->connection());
    QVERIFY(people.exec(QStringLiteral(
        "SELECT name, email FROM users WHERE name IS NOT NULL AND email IS NOT NULL LIMIT 20")));
    QStringList secrets;
    while (people.next())
        secrets << people.value(0).toString() << people.value(1).toString();
    QVERIFY(!secrets.isEmpty());

    const std::optional<ExportTable> users = ExportTables::named(QStringLiteral("users"));
    QVERIFY(users);
    for (const bool personal : {true, false}) {
        SqlSource source(m_db.get(), *users);
        CsvOptions options;
        options.personalData = personal;
        options.header = CsvOptions::Header::Keys;
        const QString path = m_out.filePath(QStringLiteral("users-%1.csv").arg(personal));
        const TableExport::Result result = TableExport::writeCsv(path, source, options);
        QVERIFY2(result.ok(), qPrintable(result.error));
        const QByteArray bytes = readAll(path);
        bool ok = false;
        const QList<QStringList> records = parseCsv(bytes, &ok);
        QVERIFY(ok);
        const QStringList header = records.first();
        QCOMPARE(header.contains(QStringLiteral("email")), personal);
        QCOMPARE(header.contains(QStringLiteral("name")), personal);
        QVERIFY(header.contains(QStringLiteral("company")));
        const QString text = QString::fromUtf8(bytes);
        for (const QString &secret : std::as_const(secrets))
            QCOMPARE(text.contains(secret), personal);
        for (const QStringList &record : records)
            QCOMPARE(record.size(), header.size());
    }
}

void TestCsvExport::personalColumnsDecidedInOnePlace()
{
    QVERIFY(PersonalData::isPersonal(QStringLiteral("feedback"), QStringLiteral("author")));
    QVERIFY(PersonalData::isPersonal(QStringLiteral("users"), QStringLiteral("name")));
    QVERIFY(!PersonalData::isPersonal(QStringLiteral("features"), QStringLiteral("name")));
    QVERIFY(!PersonalData::isPersonal(QStringLiteral("companies"), QStringLiteral("name")));
    // A report's "name" beside an e-mail address is a person's.
    QCOMPARE(PersonalData::personalColumns(
                 {QStringLiteral("user_id"), QStringLiteral("name"), QStringLiteral("email")}),
             (QList<bool>{false, true, true}));
    QCOMPARE(PersonalData::personalColumns({QStringLiteral("feature"), QStringLiteral("name")}),
             (QList<bool>{false, false}));
    for (const QString &name : ExportTables::names()) {
        const std::optional<ExportTable> table = ExportTables::named(name);
        QVERIFY(table);
        for (const ExportColumn &column : table->columns) {
            if (column.key == QLatin1String("author") || column.key == QLatin1String("email") ||
                column.key == QLatin1String("assignee"))
                QVERIFY2(column.personal, qPrintable(name + QLatin1Char('.') + column.key));
        }
    }
}

void TestCsvExport::plainNumbersAndIsoDates()
{
    QCOMPARE(ExportValue::text(1234567.5, ExportColumn::Kind::Number), QStringLiteral("1234567.5"));
    QCOMPARE(ExportValue::text(1e20, ExportColumn::Kind::Number),
             QStringLiteral("100000000000000000000"));
    QCOMPARE(ExportValue::text(-0.000001, ExportColumn::Kind::Number), QStringLiteral("-0.000001"));
    QCOMPARE(ExportValue::text(qint64(-9876543210), ExportColumn::Kind::Integer),
             QStringLiteral("-9876543210"));
    QCOMPARE(ExportValue::text(QDate(2026, 3, 4), ExportColumn::Kind::Date),
             QStringLiteral("2026-03-04"));
    QCOMPARE(ExportValue::text(QDateTime(QDate(2026, 3, 4), QTime(5, 6, 7), Qt::UTC),
                               ExportColumn::Kind::DateTime),
             QStringLiteral("2026-03-04T05:06:07Z"));
    QCOMPARE(ExportValue::text(QStringLiteral("2026-03-04T05:06:07Z"), ExportColumn::Kind::Date),
             QStringLiteral("2026-03-04"));
    QVERIFY(ExportValue::text(QVariant(), ExportColumn::Kind::Number).isEmpty());
    QVERIFY(CsvWriter::isPlainNumber(QStringLiteral("-12.5")));
    QVERIFY(!CsvWriter::isPlainNumber(QStringLiteral("-1e5")));
    QVERIFY(!CsvWriter::isPlainNumber(QStringLiteral("-")));
}

void TestCsvExport::viewExportsWhatIsShown()
{
    QStandardItemModel model(0, 3);
    model.setHorizontalHeaderLabels(
        {QStringLiteral("Name"), QStringLiteral("Score"), QStringLiteral("Author")});
    const QList<std::tuple<QString, int, QString>> rows = {
        {QStringLiteral("Export, please"), 7, QStringLiteral("Ann")},
        {QStringLiteral("=cmd|' /C calc'!A0"), -3, QStringLiteral("Bob")},
        {QStringLiteral("Dark mode"), 12, QStringLiteral("Cleo")},
        {QStringLiteral("Offline"), 1, QStringLiteral("Dan")},
    };
    for (const auto &[name, score, author] : rows) {
        auto *scoreItem = new QStandardItem;
        scoreItem->setData(score, Qt::DisplayRole);
        model.appendRow({new QStandardItem(name), scoreItem, new QStandardItem(author)});
    }
    QSortFilterProxyModel shown;
    shown.setSourceModel(&model);
    QAbstractItemModelTester tester(&shown);
    shown.setFilterKeyColumn(0);
    shown.setFilterRegularExpression(QStringLiteral("^[^O]")); // hides "Offline"
    shown.sort(1, Qt::DescendingOrder);

    ModelSource::Options options;
    options.columns = {1, 0, 2}; // as the view orders them
    ModelSource source(&shown, options);
    QCOMPARE(source.columns().at(0).kind, ExportColumn::Kind::Integer);
    QVERIFY(source.columns().at(2).personal);
    CsvOptions csv;
    csv.personalData = false;
    const QString path = m_out.filePath(QStringLiteral("view.csv"));
    QVERIFY(TableExport::writeCsv(path, source, csv).ok());
    bool ok = false;
    const QList<QStringList> records = parseCsv(readAll(path), &ok);
    QVERIFY(ok);
    QCOMPARE(records.size(), shown.rowCount() + 1);
    QCOMPARE(records.at(0), (QStringList{QStringLiteral("Score"), QStringLiteral("Name")}));
    for (int r = 0; r < shown.rowCount(); ++r) {
        QCOMPARE(records.at(r + 1).at(0), shown.index(r, 1).data().toString());
        QCOMPARE(records.at(r + 1).at(1), expectedCell(shown.index(r, 0).data().toString(), false));
    }
    QCOMPARE(records.last().at(0), QStringLiteral("-3")); // a number, not neutralised
}

void TestCsvExport::wholeTablesStreamEveryRow_data()
{
    QTest::addColumn<QString>("name");
    for (const QString &name : ExportTables::names())
        QTest::newRow(qPrintable(name)) << name;
}

void TestCsvExport::wholeTablesStreamEveryRow()
{
    QFETCH(QString, name);
    const std::optional<ExportTable> table = ExportTables::named(name);
    QVERIFY(table);
    QSqlQuery count(m_db->connection());
    QVERIFY(count.exec(table->countSql) && count.next());
    const qint64 rows = count.value(0).toLongLong();
    QVERIFY2(rows > 0, "the demo workspace fills every exported table");

    SqlSource source(m_db.get(), *table);
    const QString path = m_out.filePath(name + QStringLiteral(".csv"));
    QList<qint64> reported;
    ExportControl control;
    control.progress = [&](qint64 done, qint64 total) {
        reported.append(done);
        QCOMPARE(total, rows);
    };
    const TableExport::Result result = TableExport::writeCsv(path, source, CsvOptions(), control);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.rows, rows);
    QCOMPARE(reported.last(), rows);
    bool ok = false;
    const QList<QStringList> records = parseCsv(readAll(path), &ok);
    QVERIFY(ok);
    QCOMPARE(records.size(), rows + 1);
    for (qsizetype c = 0; c < table->columns.size(); ++c)
        QCOMPARE(records.first().at(c), table->columns.at(c).title);
    QSqlQuery first(m_db->connection());
    QVERIFY(first.exec(table->sql + QStringLiteral(" LIMIT 1")) && first.next());
    QCOMPARE(records.at(1).at(0), first.value(0).toString()); // ids come first, as numbers
}

void TestCsvExport::feedbackViewExportsTheFilteredItems()
{
    FeedbackFilter filter;
    filter.statuses = {QStringLiteral("new")};
    const FeedbackQuery query(filter, FeedbackQuery::Sort::Date, Qt::AscendingOrder);
    QString error;
    const std::optional<qint64> expected = query.count(m_db->connection(), &error);
    QVERIFY2(expected, qPrintable(error));
    QVERIFY(*expected > 0);
    FeedbackSource source(m_db.get(), query);
    CsvOptions options;
    options.personalData = false;
    options.header = CsvOptions::Header::Keys;
    const QString path = m_out.filePath(QStringLiteral("inbox.csv"));
    const TableExport::Result result = TableExport::writeCsv(path, source, options);
    QVERIFY2(result.ok(), qPrintable(result.error));
    bool ok = false;
    const QList<QStringList> records = parseCsv(readAll(path), &ok);
    QVERIFY(ok);
    QCOMPARE(records.size(), *expected + 1);
    const int status = int(records.first().indexOf(QStringLiteral("status")));
    const int created = int(records.first().indexOf(QStringLiteral("created_at")));
    QVERIFY(status >= 0 && created >= 0);
    QVERIFY(!records.first().contains(QStringLiteral("author")));
    for (qsizetype r = 1; r < records.size(); ++r) {
        QCOMPARE(records.at(r).at(status), QStringLiteral("new"));
        if (r > 1)
            QVERIFY(records.at(r - 1).at(created) <= records.at(r).at(created));
    }
}

void TestCsvExport::cancelLeavesNoFile()
{
    const QString path = m_out.filePath(QStringLiteral("cancelled.csv"));
    std::atomic_bool cancel = false;
    qint64 reportedBeforeCancel = 0;
    ExportControl control;
    control.cancel = &cancel;
    control.progress = [&](qint64 done, qint64) {
        if (done > 0 && !cancel) {
            reportedBeforeCancel = done;
            cancel = true;
        }
    };
    CountingSource source(200000);
    const TableExport::Result result = TableExport::writeCsv(path, source, CsvOptions(), control);
    QCOMPARE(result.status, TableExport::Status::Cancelled);
    QVERIFY(reportedBeforeCancel > 0);
    QVERIFY(result.rows < 200000);
    QVERIFY(!QFile::exists(path));
    QCOMPARE(QDir(m_out.path()).entryList({QStringLiteral("cancelled*")}, QDir::Files).size(), 0);

    // An earlier export at the same path stays as it was.
    QFile earlier(path);
    QVERIFY(earlier.open(QIODevice::WriteOnly));
    earlier.write("kept\r\n");
    earlier.close();
    cancel = false;
    CountingSource again(200000);
    QCOMPARE(TableExport::writeCsv(path, again, CsvOptions(), control).status,
             TableExport::Status::Cancelled);
    QCOMPARE(readAll(path), QByteArray("kept\r\n"));

    // Without a cancel, the same source completes: the cancel above is what stopped it.
    CountingSource whole(20000);
    const TableExport::Result done = TableExport::writeCsv(path, whole, CsvOptions());
    QVERIFY(done.ok());
    QCOMPARE(done.rows, 20000);
}

void TestCsvExport::failedWriteNamesTheFileAndLeavesNothing()
{
    ReportTableSource source(trickyTable());
    const QString path = m_out.filePath(QStringLiteral("missing-folder/out.csv"));
    const TableExport::Result result = TableExport::writeCsv(path, source, CsvOptions());
    QCOMPARE(result.status, TableExport::Status::Failed);
    QVERIFY2(result.error.contains(path), qPrintable(result.error));
    QVERIFY(!QFile::exists(path));

    ExportTable broken = *ExportTables::named(QStringLiteral("companies"));
    broken.sql = QStringLiteral("SELECT no_such_column FROM companies");
    SqlSource failing(m_db.get(), broken);
    const QString target = m_out.filePath(QStringLiteral("broken.csv"));
    const TableExport::Result bad = TableExport::writeCsv(target, failing, CsvOptions());
    QCOMPARE(bad.status, TableExport::Status::Failed);
    QVERIFY2(bad.error.contains(QStringLiteral("no_such_column")), qPrintable(bad.error));
    QVERIFY(!QFile::exists(target));
}

void TestCsvExport::runsOffTheCallingThread()
{
    const std::optional<ExportTable> table = ExportTables::named(QStringLiteral("feedback"));
    QVERIFY(table);
    const QString path = m_out.filePath(QStringLiteral("worker.csv"));
    std::atomic_bool offThread = true;
    QThread *const mine = QThread::currentThread();
    Database *const database = m_db.get();
    QFuture<TableExport::Result> future = QtConcurrent::run([&, database] {
        SqlSource source(database, *table);
        ExportControl control;
        control.progress = [&](qint64, qint64) {
            if (QThread::currentThread() == mine)
                offThread = false;
        };
        return TableExport::writeCsv(path, source, CsvOptions(), control);
    });
    future.waitForFinished();
    QVERIFY2(future.result().ok(), qPrintable(future.result().error));
    QVERIFY(offThread);
    QVERIFY(future.result().rows > 0);
    QVERIFY(QFile::exists(path));
}

QTEST_GUILESS_MAIN(TestCsvExport)
#include "tst_csvexport.moc"
