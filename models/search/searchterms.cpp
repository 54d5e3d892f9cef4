#include "searchterms.h"

#include <QRegularExpression>

namespace SearchTerms {

QStringList words(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[^\\p{L}\\p{N}]+"));
    return text.split(separators, Qt::SkipEmptyParts);
}

QString ftsPrefixQuery(const QStringList &words)
{
    QStringList parts;
    for (const QString &word : words)
        parts.append(QLatin1Char('"') + word + QStringLiteral("\"*"));
    return parts.join(QLatin1Char(' '));
}

} // namespace SearchTerms
