#include "reporttable.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

int ReportTable::column(const QString &key) const
{
    for (int i = 0; i < columns.size(); ++i) {
        if (columns.at(i).key == key)
            return i;
    }
    return -1;
}

QVariant ReportTable::value(int row, const QString &key) const
{
    const int c = column(key);
    return c < 0 ? QVariant() : rows.value(row).value(c);
}

namespace ReportFormat {
namespace {

QString cell(const QVariant &value, ReportColumn::Kind kind)
{
    if (!value.isValid() || value.isNull())
        return QString();
    const QLocale c = QLocale::c();
    switch (kind) {
    case ReportColumn::Kind::Integer:
        return c.toString(value.toLongLong());
    case ReportColumn::Kind::Number:
        return c.toString(value.toDouble(), 'f', 1);
    case ReportColumn::Kind::Percent:
        return c.toString(value.toDouble(), 'f', 1) + QLatin1Char('%');
    case ReportColumn::Kind::Money:
        return QLocale(QLocale::English).toString(value.toDouble(), 'f', 0);
    case ReportColumn::Kind::Text:
    case ReportColumn::Kind::Date:
        break;
    }
    return value.toString();
}

QString plain(const QVariant &value, ReportColumn::Kind kind)
{
    if (!value.isValid() || value.isNull())
        return QString();
    if (kind == ReportColumn::Kind::Number || kind == ReportColumn::Kind::Percent ||
        kind == ReportColumn::Kind::Money)
        return QString::number(value.toDouble(), 'g', 12);
    return value.toString();
}

QByteArray csvField(QString text)
{
    if (!text.isEmpty() && QStringLiteral("=+-@").contains(text.front())) {
        bool number = false;
        text.toDouble(&number);
        if (!number) // a negative number stays a number
            text.prepend(QLatin1Char('\''));
    }
    if (text.contains(QLatin1Char(',')) || text.contains(QLatin1Char('"')) ||
        text.contains(QLatin1Char('\n')) || text.contains(QLatin1Char('\r')))
        text = QLatin1Char('"') + text.replace(QLatin1Char('"'), QStringLiteral("\"\"")) +
               QLatin1Char('"');
    return text.toUtf8();
}

} // namespace

QString text(const ReportTable &table)
{
    QList<QStringList> cells;
    QList<int> widths;
    QStringList header;
    for (const ReportColumn &column : table.columns) {
        header.append(column.title);
        widths.append(int(column.title.size()));
    }
    for (const QVariantList &row : table.rows) {
        QStringList line;
        for (int c = 0; c < table.columns.size(); ++c) {
            line.append(cell(row.value(c), table.columns.at(c).kind));
            widths[c] = qMax(widths.at(c), int(line.last().size()));
        }
        cells.append(line);
    }
    const auto format = [&](const QStringList &line) {
        QStringList padded;
        for (int c = 0; c < line.size(); ++c) {
            const ReportColumn::Kind kind = table.columns.at(c).kind;
            const bool right = kind != ReportColumn::Kind::Text && kind != ReportColumn::Kind::Date;
            padded.append(right ? line.at(c).rightJustified(widths.at(c))
                                : line.at(c).leftJustified(widths.at(c)));
        }
        QString line2 = padded.join(QStringLiteral("  "));
        while (line2.endsWith(QLatin1Char(' ')))
            line2.chop(1);
        return line2;
    };
    QString out = table.title + QLatin1Char('\n') + format(header) + QLatin1Char('\n');
    for (const QStringList &line : cells)
        out += format(line) + QLatin1Char('\n');
    if (table.rows.isEmpty())
        out += QCoreApplication::translate("ReportFormat", "(no rows)") + QLatin1Char('\n');
    for (const QString &note : table.notes)
        out += QStringLiteral("* ") + note + QLatin1Char('\n');
    return out;
}

QByteArray csv(const ReportTable &table)
{
    QByteArray out;
    QList<QByteArray> header;
    for (const ReportColumn &column : table.columns)
        header.append(csvField(column.key));
    out += header.join(',') + "\r\n";
    for (const QVariantList &row : table.rows) {
        QList<QByteArray> fields;
        for (int c = 0; c < table.columns.size(); ++c)
            fields.append(csvField(plain(row.value(c), table.columns.at(c).kind)));
        out += fields.join(',') + "\r\n";
    }
    return out;
}

QByteArray json(const ReportTable &table)
{
    static const char *const kinds[] = {"text", "integer", "number", "percent", "date", "money"};
    QJsonArray columns;
    for (const ReportColumn &column : table.columns)
        columns.append(
            QJsonObject{{QStringLiteral("key"), column.key},
                        {QStringLiteral("title"), column.title},
                        {QStringLiteral("kind"), QString::fromLatin1(kinds[int(column.kind)])}});
    QJsonArray rows;
    for (const QVariantList &row : table.rows) {
        QJsonObject object;
        for (int c = 0; c < table.columns.size(); ++c)
            object.insert(table.columns.at(c).key, QJsonValue::fromVariant(row.value(c)));
        rows.append(object);
    }
    return QJsonDocument(
               QJsonObject{{QStringLiteral("title"), table.title},
                           {QStringLiteral("columns"), columns},
                           {QStringLiteral("rows"), rows},
                           {QStringLiteral("notes"), QJsonArray::fromStringList(table.notes)}})
        .toJson(QJsonDocument::Indented);
}

} // namespace ReportFormat
