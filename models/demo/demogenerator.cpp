#include "demogenerator.h"

#include "bulkload.h"
#include "democontext.h"
#include "logging.h"

#include <QElapsedTimer>
#include <QSqlError>
#include <QSqlQuery>

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
    return QStringLiteral("INSERT INTO ") + m_table + QStringLiteral(" (") +
           m_columns.join(QLatin1Char(',')) + QStringLiteral(") VALUES ") +
           QStringList(rows, row).join(QLatin1Char(','));
}

void DemoBatchRows::append(std::initializer_list<QVariant> values)
{
    for (const QVariant &value : values)
        m_pending.append(value);
    if (m_pending.size() == m_rowsPerStatement * m_columns.size()) {
        for (int i = 0; i < m_pending.size(); ++i)
            m_full.bindValue(i, m_pending.at(i));
        if (!m_full.exec())
            throw DemoError(
                QObject::tr("Cannot insert into %1: %2").arg(m_table, m_full.lastError().text()));
        m_pending.clear();
    }
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

QString DemoContext::timestamp(const QDate &date, int secondsIntoDay) const
{
    return QDateTime(date, QTime(0, 0).addSecs(secondsIntoDay), Qt::UTC).toString(Qt::ISODate);
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
    return QStringLiteral("%1-%2-4%3-a%4-%5")
        .arg(a >> 32, 8, 16, QLatin1Char('0'))
        .arg((a >> 16) & 0xffff, 4, 16, QLatin1Char('0'))
        .arg(a & 0xfff, 3, 16, QLatin1Char('0'))
        .arg(b >> 52, 3, 16, QLatin1Char('0'))
        .arg(b & 0xffffffffffffULL, 12, 16, QLatin1Char('0'));
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
    QSqlQuery pragma(db);
    // The workspace is empty and is rebuilt from its seed, so the load can skip what protects
    // existing data: without the write-ahead log every page is written once instead of twice
    // (log, then checkpoint), and nothing waits on the disk. A failure still rolls back.
    const bool leftWal = pragma.exec(QStringLiteral("PRAGMA journal_mode = DELETE")) &&
                         pragma.next() && pragma.value(0).toString() == QLatin1String("delete");
    pragma.finish();
    pragma.exec(QStringLiteral("PRAGMA synchronous = OFF"));
    pragma.exec(QStringLiteral("PRAGMA cache_size = -262144"));
    const auto restore = [&pragma, leftWal] {
        pragma.exec(QStringLiteral("PRAGMA synchronous = NORMAL"));
        pragma.exec(QStringLiteral("PRAGMA cache_size = -65536"));
        if (leftWal)
            pragma.exec(QStringLiteral("PRAGMA journal_mode = WAL"));
    };

    if (!db.transaction()) {
        *error = db.lastError().text();
        return false;
    }
    DemoContext context(db, m_options.seed, m_options.today, sizeFor(m_options.scale));
    BulkLoad bulk(db, {QStringLiteral("feature_usage"), QStringLiteral("feedback"),
                       QStringLiteral("users"), QStringLiteral("work_items")});
    if (!bulk.begin(error)) {
        db.rollback();
        restore();
        return false;
    }
    context.progress = progress ? progress : [](const QString &, int) {
    };
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
            {QObject::tr("Documents"), DemoSteps::documents, 1},
            {QObject::tr("Feature usage"), DemoSteps::usage, 40},
            {QObject::tr("Feedback"), DemoSteps::feedback, 22},
            {QObject::tr("Sales opportunities"), DemoSteps::salesOpportunities, 2},
            {QObject::tr("Campaigns"), DemoSteps::campaigns, 1},
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
        restore();
        return false;
    }
    qCDebug(hubDemo) << "Committing at" << timer.elapsed() << "ms";
    if (!db.commit()) {
        *error = db.lastError().text();
        db.rollback();
        restore();
        return false;
    }
    restore();
    pragma.exec(QStringLiteral("PRAGMA optimize"));
    context.progress(QObject::tr("Finishing"), 100);
    qCInfo(hubDemo) << "Demo workspace generated in" << timer.elapsed() << "ms";
    return true;
}
