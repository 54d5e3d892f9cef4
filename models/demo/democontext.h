#pragma once

#include "demorandom.h"

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>
#include <QVector>

#include <functional>
#include <stdexcept>

// A failure while generating; carries a message for the user. Caught by DemoGenerator.
class DemoError : public std::runtime_error
{
public:
    explicit DemoError(const QString &message)
        : std::runtime_error(message.toStdString())
    {
    }
};

// One prepared INSERT that throws DemoError on failure, so the steps read as plain loops.
class DemoRows
{
public:
    DemoRows(const QSqlDatabase &db, const QString &sql);
    // Inserts one row and returns its rowid.
    qint64 insert(std::initializer_list<QVariant> values);
    // Inserts one row; for bulk tables whose rowid nobody needs.
    void append(std::initializer_list<QVariant> values);

private:
    QSqlQuery m_query;
    QString m_sql;
};

// Buffers rows and inserts them many at a time with one multi-row INSERT, which cuts the
// per-statement cost that dominates bulk loads of narrow rows.
class DemoBatchRows
{
public:
    DemoBatchRows(const QSqlDatabase &db, const QString &table, const QStringList &columns,
                  int rowsPerStatement = 128);
    ~DemoBatchRows() noexcept(false);

    void append(std::initializer_list<QVariant> values);
    // Appends whole rows at once: values holds them one after the other, in column order.
    void appendRows(const QVariantList &values);
    void flush();

private:
    QString statement(int rows) const;
    // Inserts one full statement's worth of values, starting at from.
    void insertFull(const QVariantList &values, qsizetype from);

    QSqlDatabase m_db;
    QString m_table;
    QStringList m_columns;
    int m_rowsPerStatement;
    QSqlQuery m_full;
    QVariantList m_pending;
};

// How much data each scale makes.
struct DemoSize
{
    int features = 0;
    int companies = 0;
    int users = 0;
    qint64 usageRows = 0;
    qint64 feedback = 0;
    int workItemsPerFeature = 0;
};

struct DemoFeature
{
    qint64 id = 0;
    QString name;
    QString area;
    QDate releaseDate; // null while not released
    QString status;
    double adopterShare = 0;  // share of users who adopt it eventually
    double adoptionDelay = 0; // mean days from release (or sign-up) to adoption
    double engagement = 0;    // share of adopters active on a given day
    double satisfaction = 0;  // 0..1, drives NPS and CSAT answers
    double popularity = 0;    // weight when feedback picks a feature
};

struct DemoUser
{
    qint64 id = 0;
    qint64 companyId = 0;
    QString name;
    QDate signedUp;
};

// State shared by the generation steps: the random stream, the clock and what earlier
// steps created.
struct DemoContext
{
    DemoContext(QSqlDatabase &database, quint64 seed, const QDate &today, const DemoSize &size)
        : db(database)
        , random(seed)
        , today(today)
        , size(size)
    {
    }

    QSqlDatabase &db;
    DemoRandom random;
    QDate today;
    DemoSize size;
    std::function<void(const QString &step, int percent)> progress;
    QString stepName;
    int stepStart = 0;
    int stepSpan = 0;
    // Reports how far the current step is, from 0 to 1.
    void report(double fraction) const
    {
        progress(stepName, stepStart + int(stepSpan * qBound(0.0, fraction, 1.0)));
    }

    QHash<QString, qint64> sourceIds; // by kind
    QVector<qint64> companyIds;
    QVector<QString> companyNames;
    QVector<QString> companyDomains;
    QVector<DemoUser> users;
    QVector<DemoFeature> features;

    QString timestamp(const QDate &date, int secondsIntoDay) const;
    QString randomTimestamp(const QDate &date);
    QDate daysAgo(qint64 days) const { return today.addDays(-days); }

    // The two launches the demo plans: one three weeks ahead, one three weeks behind.
    static inline const QString UpcomingProduct = QStringLiteral("Insights Suite");
    static inline const QString PastProduct = QStringLiteral("Mobile Workspace");
    QDate upcomingLaunch() const { return today.addDays(21); }
    QDate pastLaunch() const { return today.addDays(-20); }
};

// Identifiers in the shapes the services use, so demo rows look like synced ones.
namespace DemoIds {

QString salesforce(const char *keyPrefix, qint64 n);
QString uuid(DemoRandom &random);

} // namespace DemoIds

namespace DemoSteps {

void sources(DemoContext &context);
void companiesAndUsers(DemoContext &context);
void features(DemoContext &context);
void workItems(DemoContext &context);
void pipelines(DemoContext &context);
void documents(DemoContext &context);
void usage(DemoContext &context);
void feedback(DemoContext &context);
void salesOpportunities(DemoContext &context);
void currencyRates(DemoContext &context);
void campaigns(DemoContext &context);
void launchPlans(DemoContext &context);
void syncHistory(DemoContext &context);

} // namespace DemoSteps
