#include "money.h"

#include <QLocale>
#include <QSqlQuery>

#include <algorithm>

void MoneyTotals::add(const QString &currency, double amount)
{
    // A deal without a currency is kept apart rather than guessed.
    m_amounts[currency.isEmpty() ? QStringLiteral("???") : currency.toUpper()] += amount;
}

QString MoneyTotals::text() const
{
    QList<QPair<QString, double>> amounts;
    for (auto it = m_amounts.constBegin(); it != m_amounts.constEnd(); ++it)
        amounts.append({it.key(), it.value()});
    std::sort(amounts.begin(), amounts.end(),
              [](const auto &a, const auto &b) { return a.second > b.second; });
    const QLocale english(QLocale::English); // the same digits whatever the user's locale
    QStringList parts;
    for (const auto &[currency, amount] : amounts)
        parts.append(currency + QLatin1Char(' ') + english.toString(amount, 'f', 0));
    return parts.join(QStringLiteral("; "));
}

CurrencyRates CurrencyRates::load(const QSqlDatabase &db)
{
    CurrencyRates rates;
    QSqlQuery query(db);
    if (query.exec(
            QStringLiteral("SELECT value FROM workspace_meta WHERE key = 'base_currency'")) &&
        query.next())
        rates.m_base = query.value(0).toString().toUpper();
    if (query.exec(QStringLiteral("SELECT currency, rate FROM currency_rates"))) {
        while (query.next())
            rates.m_rates.insert(query.value(0).toString().toUpper(), query.value(1).toDouble());
    }
    if (!rates.m_base.isEmpty())
        rates.m_rates.insert(rates.m_base, 1.0);
    return rates;
}

std::optional<double> CurrencyRates::inBase(const MoneyTotals &totals) const
{
    if (m_base.isEmpty())
        return std::nullopt;
    double sum = 0;
    for (auto it = totals.byCurrency().constBegin(); it != totals.byCurrency().constEnd(); ++it) {
        const auto rate = m_rates.constFind(it.key());
        if (rate == m_rates.constEnd())
            return std::nullopt;
        sum += it.value() * rate.value();
    }
    return sum;
}
