#include "sqlscript.h"

#include <QRegularExpression>

namespace SqlScript {
namespace {

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_');
}

// The keyword starting at i, if it stands alone as a word.
bool wordAt(const QString &s, qsizetype i, QLatin1StringView word)
{
    if (i > 0 && isWordChar(s.at(i - 1)))
        return false;
    if (s.mid(i, word.size()).compare(word, Qt::CaseInsensitive) != 0)
        return false;
    const qsizetype end = i + word.size();
    return end >= s.size() || !isWordChar(s.at(end));
}

bool startsTrigger(const QString &statement)
{
    static const QRegularExpression trigger(
        QStringLiteral(R"(^\s*CREATE\s+(TEMP\s+|TEMPORARY\s+)?TRIGGER\b)"),
        QRegularExpression::CaseInsensitiveOption);
    return trigger.match(statement).hasMatch();
}

} // namespace

QStringList split(const QString &script)
{
    QStringList statements;
    QString current;
    int blockDepth = 0; // BEGIN ... END nesting inside a trigger body
    qsizetype i = 0;
    const qsizetype n = script.size();

    auto flush = [&] {
        const QString statement = current.trimmed();
        if (!statement.isEmpty())
            statements.append(statement);
        current.clear();
        blockDepth = 0;
    };

    while (i < n) {
        const QChar c = script.at(i);
        if (c == QLatin1Char('-') && i + 1 < n && script.at(i + 1) == QLatin1Char('-')) {
            const qsizetype eol = script.indexOf(QLatin1Char('\n'), i);
            i = eol < 0 ? n : eol + 1;
            current.append(QLatin1Char('\n'));
            continue;
        }
        if (c == QLatin1Char('/') && i + 1 < n && script.at(i + 1) == QLatin1Char('*')) {
            const qsizetype end = script.indexOf(QStringLiteral("*/"), i + 2);
            i = end < 0 ? n : end + 2;
            current.append(QLatin1Char(' '));
            continue;
        }
        if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
            // Quoted text or identifier; a doubled quote is an escaped quote.
            qsizetype j = i + 1;
            while (j < n) {
                if (script.at(j) == c) {
                    if (j + 1 < n && script.at(j + 1) == c) {
                        j += 2;
                        continue;
                    }
                    break;
                }
                ++j;
            }
            current.append(script.mid(i, j - i + 1));
            i = j + 1;
            continue;
        }
        if (startsTrigger(current)) {
            if (wordAt(script, i, QLatin1StringView("BEGIN"))) {
                ++blockDepth;
            } else if (wordAt(script, i, QLatin1StringView("CASE"))) {
                ++blockDepth; // CASE ... END inside a trigger body
            } else if (wordAt(script, i, QLatin1StringView("END")) && blockDepth > 0) {
                --blockDepth;
            }
        }
        if (c == QLatin1Char(';') && blockDepth == 0) {
            flush();
            ++i;
            continue;
        }
        current.append(c);
        ++i;
    }
    flush();
    return statements;
}

} // namespace SqlScript
