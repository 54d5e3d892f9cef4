#pragma once

#include <QMap>
#include <QSqlDatabase>
#include <QString>

#include <optional>

// Amounts kept per currency: different currencies are never added together unless the
// workspace has a rate for each.
class MoneyTotals
{
public:
    void add(const QString &currency, double amount);
    bool isEmpty() const { return m_amounts.isEmpty(); }
    const QMap<QString, double> &byCurrency() const { return m_amounts; }
    // "USD 1,200,000; EUR 35,000", largest first.
    QString text() const;

private:
    QMap<QString, double> m_amounts;
};

// The workspace's exchange rates into its base currency (table currency_rates).
class CurrencyRates
{
public:
    static CurrencyRates load(const QSqlDatabase &db);

    QString base() const { return m_base; }
    bool isEmpty() const { return m_rates.isEmpty(); }
    // The total in the base currency; nothing when a currency has no rate.
    std::optional<double> inBase(const MoneyTotals &totals) const;

private:
    QString m_base;
    QMap<QString, double> m_rates;
};
