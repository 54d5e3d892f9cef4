#pragma once

#include <QList>
#include <QString>
#include <QVariant>

// One column of an export: a stable key for the header, a title for people, and the kind of
// value, which decides how a cell is written (ISO dates, plain numbers).
struct ExportColumn
{
    enum class Kind { Text, Integer, Number, Date, DateTime };
    QString key;
    QString title;
    Kind kind = Kind::Text;
    // Names a person (a name, an e-mail address): left out by exports that leave the team.
    bool personal = false;

    bool isNumeric() const { return kind == Kind::Integer || kind == Kind::Number; }
};

namespace ExportValue {

// The text of one cell: ISO 8601 dates (times in UTC with a Z), numbers with a dot and no
// thousands separators or exponent, an empty string for null.
QString text(const QVariant &value, ExportColumn::Kind kind);
QString number(double value);
// A stored date or timestamp as its day.
QString day(const QString &stored);

} // namespace ExportValue
