#include "democontext.h"
#include "demovocabulary.h"

#include <QSet>

#include <algorithm>
#include <cmath>

namespace DemoSteps {
namespace {

QString asciiLetters(const QString &text)
{
    QString out;
    for (const QChar c : text.normalized(QString::NormalizationForm_D)) {
        if (c.unicode() < 128 && c.isLetterOrNumber())
            out.append(c.toLower());
    }
    return out;
}

} // namespace

void companiesAndUsers(DemoContext &context)
{
    using namespace DemoVocabulary;
    DemoRandom &random = context.random;
    const int companyCount = context.size.companies;

    DemoRows companies(context.db,
                       QStringLiteral("INSERT INTO companies (name, domain) VALUES (?, ?)"));
    DemoRows companySources(context.db,
                            QStringLiteral("INSERT INTO company_sources (company_id, source_id, "
                                           "external_id, raw, updated_at) VALUES (?, ?, ?, ?, ?)"));
    const qint64 salesforce = context.sourceIds.value(QStringLiteral("salesforce"));
    const qint64 productboard = context.sourceIds.value(QStringLiteral("productboard"));
    const QStringList tlds{QStringLiteral("com"), QStringLiteral("io"), QStringLiteral("co"),
                           QStringLiteral("de"),  QStringLiteral("fr"), QStringLiteral("net")};

    QSet<QString> usedNames;
    for (int i = 0; i < companyCount; ++i) {
        QString name;
        do {
            const QString &prefix = random.pick(companyPrefixes());
            const QString &suffix = random.pick(companySuffixes());
            if (usedNames.size() < companyPrefixes().size() * companySuffixes().size() / 2) {
                name = prefix + QLatin1Char(' ') + suffix;
            } else {
                name =
                    prefix + random.pick(companyPrefixes()).toLower() + QLatin1Char(' ') + suffix;
            }
        } while (usedNames.contains(name));
        usedNames.insert(name);
        const QString domain = asciiLetters(name) + QLatin1Char('.') + random.pick(tlds);
        const qint64 id = companies.insert({name, domain});
        context.companyIds.append(id);
        context.companyNames.append(name);
        context.companyDomains.append(domain);
        const QString updated = context.randomTimestamp(context.daysAgo(random.between(1, 300)));
        companySources.insert(
            {id, salesforce, DemoIds::salesforce("001", i + 1), QVariant(), updated});
        if (random.chance(0.4)) {
            companySources.insert({id, productboard, QStringLiteral("pb-company-%1").arg(i + 1),
                                   QVariant(), updated});
        }
    }

    // Bigger customers have more users: weights fall off with rank, as in real customer bases.
    QVector<double> cumulative(companyCount);
    double total = 0;
    for (int i = 0; i < companyCount; ++i) {
        total += 1.0 / std::pow(i + 1.0, 0.8);
        cumulative[i] = total;
    }

    DemoRows users(context.db,
                   QStringLiteral("INSERT INTO users (source_id, external_id, company_id, email, "
                                  "name, first_seen_at) VALUES (?, ?, ?, ?, ?, ?)"));
    const qint64 mixpanel = context.sourceIds.value(QStringLiteral("mixpanel"));
    QSet<QString> usedEmails;
    const int userCount = context.size.users;
    context.users.reserve(userCount);
    // Sign-ups spread over three years, more of them recently: ids follow sign-up order.
    QVector<int> signupDaysAgo(userCount);
    for (int &days : signupDaysAgo)
        days = int(std::pow(random.uniform(), 1.6) * 1000) + 5;
    std::sort(signupDaysAgo.begin(), signupDaysAgo.end(), std::greater<int>());

    for (int i = 0; i < userCount; ++i) {
        const double r = random.uniform() * total;
        const int company =
            int(std::lower_bound(cumulative.cbegin(), cumulative.cend(), r) - cumulative.cbegin());
        const QString first = random.pick(firstNames());
        const QString last = random.pick(lastNames());
        const QString local = asciiLetters(first) + QLatin1Char('.') + asciiLetters(last);
        QString email = local + QLatin1Char('@') + context.companyDomains.at(company);
        for (int n = 2; usedEmails.contains(email); ++n)
            email =
                local + QString::number(n) + QLatin1Char('@') + context.companyDomains.at(company);
        usedEmails.insert(email);
        const QDate signedUp = context.daysAgo(signupDaysAgo.at(i));
        const QString name = first + QLatin1Char(' ') + last;
        const qint64 id = users.insert(
            {mixpanel, QStringLiteral("u-%1").arg(i + 1, 6, 10, QLatin1Char('0')),
             context.companyIds.at(company), email, name, context.randomTimestamp(signedUp)});
        context.users.append({id, context.companyIds.at(company), name, signedUp});
        if (i % 5000 == 0)
            context.report(double(i) / userCount);
    }
}

} // namespace DemoSteps
