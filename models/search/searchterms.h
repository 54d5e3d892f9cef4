#pragma once

#include <QString>
#include <QStringList>

// What people type into a search field, read the same way everywhere: words of letters and
// digits, anything else a separator, and an FTS5 query that takes each word as a prefix.
namespace SearchTerms {

QStringList words(const QString &text);

// "dark mo" → "dark"* "mo"*: every word must match, each as a prefix, quoted so that FTS5
// reads no operators into what was typed.
QString ftsPrefixQuery(const QStringList &words);

} // namespace SearchTerms
