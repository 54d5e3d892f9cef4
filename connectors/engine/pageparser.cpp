#include "pageparser.h"

#include "jsonslices.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

QString describeBody(const QByteArray &body)
{
    const QByteArray start = body.left(64).trimmed().toLower();
    if (start.startsWith("<"))
        return QObject::tr("the service answered with an HTML page instead of JSON");
    if (body.trimmed().isEmpty())
        return QObject::tr("the response body is empty");
    return QString();
}

QString serviceError(const JsonRecord &root)
{
    const QJsonValue errors = root.value(QStringLiteral("errors"));
    const QJsonArray list = errors.toArray();
    return list.isEmpty() ? QString()
                          : list.first().toObject().value(QStringLiteral("message")).toString();
}

QString describeValue(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Object:
        return QObject::tr("an object");
    case QJsonValue::Null:
        return QObject::tr("null");
    case QJsonValue::Undefined:
        return QObject::tr("nothing");
    case QJsonValue::Array:
    case QJsonValue::Bool:
    case QJsonValue::Double:
    case QJsonValue::String:
        break;
    }
    return QObject::tr("a single value");
}

} // namespace

PageParser::PageParser(const StreamSpec &stream)
    : m_stream(stream)
    , m_recordsPath(stream.recordsPath)
{
}

bool PageParser::parse(const QByteArray &body, QList<PageRecord> *records, JsonRecord *root,
                       QString *error)
{
    records->clear();
    *root = JsonRecord();
    if (m_stream.recordsFormat == QLatin1String("ndjson"))
        return parseLines(body, records, error);
    return parseJson(body, records, root, error);
}

bool PageParser::parseJson(const QByteArray &body, QList<PageRecord> *records, JsonRecord *root,
                           QString *error)
{
    QString reason;
    if (!m_document.parse(body, &reason)) {
        const QString kind = describeBody(body);
        *error = kind.isEmpty() ? QObject::tr("the response is not valid JSON (%1; %2 bytes)")
                                      .arg(reason)
                                      .arg(body.size())
                                : kind;
        return false;
    }
    *root = m_document.root();
    // Found in place rather than through value(), which would copy the whole list.
    const JsonRecord found = root->find(m_recordsPath);
    const simdjson::dom::element list = found.element();
    if (!found.isValid() || list.type() != simdjson::dom::element_type::ARRAY) {
        const QString fromService = serviceError(*root);
        *error = !fromService.isEmpty()
                     ? QObject::tr("the service reported an error: %1").arg(fromService)
                     : QObject::tr("expected a list of records at \"%1\", found %2")
                           .arg(m_stream.recordsPath.isEmpty() ? QStringLiteral("$")
                                                               : m_stream.recordsPath,
                                describeValue(root->value(m_recordsPath)));
        return false;
    }
    const simdjson::dom::array array(list);
    // The records' own bytes, found by a quick scan of the text the parser just accepted.
    QList<QByteArrayView> slices;
    if (!JsonSlices::arrayElements(body, m_stream.recordsPath, &slices) ||
        slices.size() != qsizetype(array.size()))
        slices.clear();
    records->reserve(qsizetype(array.size()));
    qsizetype i = 0;
    for (simdjson::dom::element item : array) {
        if (item.type() != simdjson::dom::element_type::OBJECT) {
            *error = QObject::tr("record %1 of the page is not a JSON object").arg(i + 1);
            return false;
        }
        PageRecord record;
        record.record = JsonRecord(item);
        record.raw =
            slices.isEmpty()
                ? QJsonDocument(record.record.toJson().toObject()).toJson(QJsonDocument::Compact)
                : slices.at(i).toByteArray();
        records->append(std::move(record));
        ++i;
    }
    return true;
}

bool PageParser::parseLines(const QByteArray &body, QList<PageRecord> *records, QString *error)
{
    // Parsed as one array of the lines, so that the records share one document.
    QList<QByteArrayView> lines;
    QList<qsizetype> lineNumbers;
    qsizetype start = 0;
    qsizetype number = 0;
    while (start < body.size()) {
        qsizetype end = body.indexOf('\n', start);
        if (end < 0)
            end = body.size();
        ++number;
        const QByteArrayView line = QByteArrayView(body).sliced(start, end - start).trimmed();
        if (!line.isEmpty()) {
            lines.append(line);
            lineNumbers.append(number);
        }
        start = end + 1;
    }
    QByteArray joined;
    joined.reserve(body.size() + 2);
    joined += '[';
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (i > 0)
            joined += ',';
        joined += lines.at(i);
    }
    joined += ']';
    QString reason;
    simdjson::dom::array array;
    const bool parsed = m_document.parse(joined, &reason) &&
                        m_document.root().element().get_array().get(array) == simdjson::SUCCESS;
    qsizetype index = 0;
    bool allObjects = parsed;
    if (parsed) {
        for (simdjson::dom::element item : array) {
            if (item.type() != simdjson::dom::element_type::OBJECT)
                allObjects = false;
            ++index;
        }
    }
    if (!parsed || !allObjects || index != lines.size()) {
        // Find the line at fault, for the message.
        JsonDocument single;
        for (qsizetype i = 0; i < lines.size(); ++i) {
            QString lineError;
            if (!single.parse(lines.at(i), &lineError) || !single.root().isObject()) {
                *error = QObject::tr("line %1 of the export is not a JSON object (%2)")
                             .arg(lineNumbers.at(i))
                             .arg(lineError.isEmpty() ? QObject::tr("not an object") : lineError);
                return false;
            }
        }
        *error = QObject::tr("the export is not newline-delimited JSON (%1)").arg(reason);
        return false;
    }
    index = 0;
    for (simdjson::dom::element item : array)
        records->append({JsonRecord(item), lines.at(index++).toByteArray()});
    return true;
}
