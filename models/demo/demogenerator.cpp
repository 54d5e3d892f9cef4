#include "demogenerator.h"

#include "bulkload.h"
#include "democontext.h"
#include "demoloadsettings.h"
#include "logging.h"

#include <QElapsedTimer>
#include <QSqlError>
#include <QSqlQuery>

#include <iterator>

DemoRows::DemoRows(const QSqlDatabase &db, const QString &sql)
    : m_query(db)
    , m_sql(sql)
{
    if (!m_query.prepare(sql))
        throw DemoError(QObject::tr("Cannot prepare %1: %2").arg(sql, m_query.lastError().text()));
}

qint64 DemoRows::insert(std::initializer_list<QVariant> values)
{
    append(values);
    return m_query.lastInsertId().toLongLong();
}

void DemoRows::append(std::initializer_list<QVariant> values)
{
    int i = 0;
    for (const QVariant &value : values)
        m_query.bindValue(i++, value);
    if (!m_query.exec())
        throw DemoError(
            QObject::tr("Cannot insert with %1: %2").arg(m_sql, m_query.lastError().text()));
}

DemoBatchRows::DemoBatchRows(const QSqlDatabase &db, const QString &table,
                             const QStringList &columns, int rowsPerStatement)
    : m_db(db)
    , m_table(table)
    , m_columns(columns)
    , m_rowsPerStatement(rowsPerStatement)
    , m_full(db)
{
    if (!m_full.prepare(statement(rowsPerStatement)))
        throw DemoError(QObject::tr("Cannot prepare the insert into %1: %2")
                            .arg(table, m_full.lastError().text()));
    m_pending.reserve(rowsPerStatement * columns.size());
}

DemoBatchRows::~DemoBatchRows() noexcept(false)
{
    if (!std::uncaught_exceptions())
        flush();
}

QString DemoBatchRows::statement(int rows) const
{
    const QString row = QLatin1Char('(') +
                        QStringList(m_columns.size(), QStringLiteral("?")).join(QLatin1Char(',')) +
                        QLatin1Char(')');
    // A failed row fails the whole demo, which rolls back anyway. Saying so spares SQLite the
    // statement journal, a copy of every page that a multi-row statement changes.
    return QStringLiteral("INSERT OR ROLLBACK INTO ") + m_table + QStringLiteral(" (") +
           m_columns.join(QLatin1Char(',')) + QStringLiteral(") VALUES ") +
           QStringList(rows, row).join(QLatin1Char(','));
}

void DemoBatchRows::append(std::initializer_list<QVariant> values)
{
    for (const QVariant &value : values)
        m_pending.append(value);
    if (m_pending.size() == m_rowsPerStatement * m_columns.size()) {
        insertFull(m_pending, 0);
        m_pending.clear();
    }
}

void DemoBatchRows::appendRows(const QVariantList &values)
{
    const qsizetype full = m_rowsPerStatement * m_columns.size();
    for (qsizetype i = 0; i < values.size();) {
        if (m_pending.isEmpty() && values.size() - i >= full) {
            insertFull(values, i);
            i += full;
            continue;
        }
        m_pending.append(values.at(i++));
        if (m_pending.size() == full) {
            insertFull(m_pending, 0);
            m_pending.clear();
        }
    }
}

void DemoBatchRows::insertFull(const QVariantList &values, qsizetype from)
{
    const int count = m_rowsPerStatement * int(m_columns.size());
    for (int i = 0; i < count; ++i)
        m_full.bindValue(i, values.at(from + i));
    if (!m_full.exec())
        throw DemoError(
            QObject::tr("Cannot insert into %1: %2").arg(m_table, m_full.lastError().text()));
}

void DemoBatchRows::flush()
{
    if (m_pending.isEmpty())
        return;
    QSqlQuery rest(m_db);
    const int rows = int(m_pending.size() / m_columns.size());
    if (!rest.prepare(statement(rows)))
        throw DemoError(rest.lastError().text());
    for (int i = 0; i < m_pending.size(); ++i)
        rest.bindValue(i, m_pending.at(i));
    if (!rest.exec())
        throw DemoError(
            QObject::tr("Cannot insert into %1: %2").arg(m_table, rest.lastError().text()));
    m_pending.clear();
}

namespace {

// Writes value as digits decimal digits, zero-padded, at out.
void putDecimal(char16_t *out, int value, int digits)
{
    for (int i = digits - 1; i >= 0; --i) {
        out[i] = char16_t(u'0' + value % 10);
        value /= 10;
    }
}

// Writes value as digits lowercase hexadecimal digits, zero-padded, at out.
void putHex(char16_t *out, quint64 value, int digits)
{
    for (int i = digits - 1; i >= 0; --i) {
        out[i] = char16_t(u"0123456789abcdef"[value & 0xf]);
        value >>= 4;
    }
}

} // namespace

QString DemoContext::timestamp(const QDate &date, int secondsIntoDay) const
{
    int year = 0;
    int month = 0;
    int day = 0;
    date.getDate(&year, &month, &day);
    if (year < 1 || year > 9999)
        return QDateTime(date, QTime(0, 0).addSecs(secondsIntoDay), Qt::UTC).toString(Qt::ISODate);
    // The text QDateTime::toString(Qt::ISODate) gives for UTC, written directly: the demo
    // formats millions of timestamps, and QDateTime's time zone handling dominated that.
    const int seconds = (secondsIntoDay % 86400 + 86400) % 86400;
    char16_t text[] = u"0000-00-00T00:00:00Z";
    putDecimal(text, year, 4);
    putDecimal(text + 5, month, 2);
    putDecimal(text + 8, day, 2);
    putDecimal(text + 11, seconds / 3600, 2);
    putDecimal(text + 14, seconds / 60 % 60, 2);
    putDecimal(text + 17, seconds % 60, 2);
    return QString::fromUtf16(text, std::size(text) - 1);
}

QString DemoContext::randomTimestamp(const QDate &date)
{
    // Office hours, mostly
    const int seconds = int(random.between(7 * 3600, 19 * 3600));
    return timestamp(date, seconds);
}

namespace DemoIds {

QString salesforce(const char *keyPrefix, qint64 n)
{
    // 15 characters: a 3-character key prefix, then base 62.
    static const char digits[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    QString tail;
    for (int i = 0; i < 8; ++i) {
        tail.prepend(QLatin1Char(digits[n % 62]));
        n /= 62;
    }
    return QLatin1String(keyPrefix) + QStringLiteral("5g0000") + tail;
}

QString uuid(DemoRandom &random)
{
    const quint64 a = random.next();
    const quint64 b = random.next();
    // A version 4 UUID: xxxxxxxx-xxxx-4xxx-axxx-xxxxxxxxxxxx
    char16_t text[] = u"00000000-0000-4000-a000-000000000000";
    putHex(text, a >> 32, 8);
    putHex(text + 9, (a >> 16) & 0xffff, 4);
    putHex(text + 15, a & 0xfff, 3);
    putHex(text + 20, b >> 52, 3);
    putHex(text + 24, b & 0xffffffffffffULL, 12);
    return QString::fromUtf16(text, std::size(text) - 1);
}

} // namespace DemoIds

namespace {

DemoSize sizeFor(DemoGenerator::Scale scale)
{
    switch (scale) {
    case DemoGenerator::Scale::Small:
        return {12, 40, 400, 30'000, 600, 8};
    case DemoGenerator::Scale::Medium:
        return {30, 400, 5'000, 1'000'000, 50'000, 40};
    case DemoGenerator::Scale::Large:
        return {40, 2'500, 50'000, 10'000'000, 1'000'000, 200};
    }
    return {};
}

bool workspaceIsEmpty(const QSqlDatabase &db, QString *error)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT (SELECT count(*) FROM sources)"
                                   " + (SELECT count(*) FROM features)"
                                   " + (SELECT count(*) FROM launch_plans)")) ||
        !query.next()) {
        *error = query.lastError().text();
        return false;
    }
    if (query.value(0).toLongLong() > 0) {
        *error = QObject::tr("The workspace already holds data. Demo data goes into an empty "
                             "workspace: choose a new folder (for example with --workspace).");
        return false;
    }
    return true;
}

} // namespace

DemoGenerator::DemoGenerator(const Options &options)
    : m_options(options)
{
    if (!m_options.today.isValid())
        m_options.today = QDateTime::currentDateTimeUtc().date();
}

std::optional<DemoGenerator::Scale> DemoGenerator::parseScale(const QString &name)
{
    if (name == QLatin1String("small"))
        return Scale::Small;
    if (name == QLatin1String("medium"))
        return Scale::Medium;
    if (name == QLatin1String("large"))
        return Scale::Large;
    return std::nullopt;
}

QString DemoGenerator::scaleName(Scale scale)
{
    switch (scale) {
    case Scale::Small:
        return QStringLiteral("small");
    case Scale::Medium:
        return QStringLiteral("medium");
    case Scale::Large:
        return QStringLiteral("large");
    }
    return {};
}

bool DemoGenerator::generate(QSqlDatabase &db, QString *error, const Progress &progress)
{
    if (!workspaceIsEmpty(db, error))
        return false;

    QElapsedTimer timer;
    timer.start();
    DemoContext context(db, m_options.seed, m_options.today, sizeFor(m_options.scale));
    context.progress = progress ? progress : [](const QString &, int) {
    };
    {
        const DemoLoadSettings settings(db);
        if (!write(context, error))
            return false;
    }
    QSqlQuery(db).exec(QStringLiteral("PRAGMA optimize"));
    context.progress(QObject::tr("Finishing"), 100);
    qCInfo(hubDemo) << "Demo workspace generated in" << timer.elapsed() << "ms";
    return true;
}

bool DemoGenerator::write(DemoContext &context, QString *error)
{
    QSqlDatabase &db = context.db;
    QElapsedTimer timer;
    timer.start();
    if (!db.transaction()) {
        *error = db.lastError().text();
        return false;
    }
    BulkLoad bulk(db, {QStringLiteral("feature_usage"), QStringLiteral("feedback"),
                       QStringLiteral("users"), QStringLiteral("work_items")});
    if (!bulk.begin(error)) {
        db.rollback();
        return false;
    }
    try {
        struct Step
        {
            QString name;
            void (*run)(DemoContext &);
            int weight; // share of the total time, in percent
        };
        const Step steps[] = {
            {QObject::tr("Sources"), DemoSteps::sources, 1},
            {QObject::tr("Companies and users"), DemoSteps::companiesAndUsers, 4},
            {QObject::tr("Features and releases"), DemoSteps::features, 2},
            {QObject::tr("Work items"), DemoSteps::workItems, 3},
            {QObject::tr("Pipelines"), DemoSteps::pipelines, 1},
            {QObject::tr("Documents"), DemoSteps::documents, 1},
            {QObject::tr("Feature usage"), DemoSteps::usage, 40},
            {QObject::tr("Feedback"), DemoSteps::feedback, 22},
            {QObject::tr("Sales opportunities"), DemoSteps::salesOpportunities, 2},
            {QObject::tr("Campaigns"), DemoSteps::campaigns, 1},
            {QObject::tr("Exchange rates"), DemoSteps::currencyRates, 1},
            {QObject::tr("Launch plans"), DemoSteps::launchPlans, 1},
            {QObject::tr("Sync history"), DemoSteps::syncHistory, 1},
        };
        for (const Step &step : steps) {
            qCDebug(hubDemo) << "Generating" << step.name << "at" << timer.elapsed() << "ms";
            context.stepName = step.name;
            context.stepSpan = step.weight;
            context.report(0);
            step.run(context);
            context.stepStart += step.weight;
        }
        context.stepName = QObject::tr("Indexing");
        context.stepSpan = 100 - context.stepStart;
        context.report(0);
        qCDebug(hubDemo) << "Indexing at" << timer.elapsed() << "ms";
        QString bulkError;
        if (!bulk.finish(&bulkError))
            throw DemoError(bulkError);
    } catch (const DemoError &e) {
        db.rollback();
        *error = QString::fromStdString(e.what());
        return false;
    }
    qCDebug(hubDemo) << "Committing at" << timer.elapsed() << "ms";
    if (!db.commit()) {
        *error = db.lastError().text();
        db.rollback();
        return false;
    }
    qCDebug(hubDemo) << "Committed at" << timer.elapsed() << "ms";
    return true;
}
