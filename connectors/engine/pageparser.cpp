#include "pageparser.h"

#include "jsonpath.h"

#include <QJsonArray>

namespace {

QString describeBody(const QByteArray &body)
{
    const QByteArray start = body.left(64).trimmed().toLower();
    if (start.startsWith("<!doctype html") || start.startsWith("<html") || start.startsWith("<"))
        return QObject::tr("the service answered with an HTML page instead of JSON");
    if (body.trimmed().isEmpty())
        return QObject::tr("the response body is empty");
    return QString();
}

QString graphqlError(const QJsonObject &object)
{
    const QJsonArray errors = object.value(QStringLiteral("errors")).toArray();
    if (errors.isEmpty())
        return QString();
    return errors.first().toObject().value(QStringLiteral("message")).toString();
}

} // namespace

PageParser::PageParser(const StreamSpec &stream)
    : m_stream(stream)
{
}

bool PageParser::parse(const QByteArray &body, QList<PageRecord> *records, QJsonDocument *document,
                       QString *error) const
{
    records->clear();
    if (m_stream.recordsFormat == QLatin1String("ndjson"))
        return parseLines(body, records, error);
    return parseJson(body, records, document, error);
}

bool PageParser::parseJson(const QByteArray &body, QList<PageRecord> *records,
                           QJsonDocument *document, QString *error) const
{
    QJsonParseError parseError;
    *document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const QString reason = describeBody(body);
        *error = reason.isEmpty()
                     ? QObject::tr("the response is not valid JSON (%1 at byte %2 of %3)")
                           .arg(parseError.errorString())
                           .arg(parseError.offset)
                           .arg(body.size())
                     : reason;
        return false;
    }
    const QJsonValue root =
        document->isArray() ? QJsonValue(document->array()) : QJsonValue(document->object());
    const QJsonValue list = JsonPath::get(root, m_stream.recordsPath);
    if (!list.isArray()) {
        const QString serviceError =
            document->isObject() ? graphqlError(document->object()) : QString();
        if (!serviceError.isEmpty()) {
            *error = QObject::tr("the service reported an error: %1").arg(serviceError);
        } else {
            *error = QObject::tr("expected a list of records at \"%1\", found %2")
                         .arg(m_stream.recordsPath.isEmpty() ? QStringLiteral("$")
                                                             : m_stream.recordsPath,
                              list.isUndefined() ? QObject::tr("nothing")
                                                 : QObject::tr("something else"));
        }
        return false;
    }
    const QJsonArray array = list.toArray();
    records->reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonValue item = array.at(i);
        if (!item.isObject()) {
            *error = QObject::tr("record %1 of the page is not a JSON object").arg(i + 1);
            return false;
        }
        PageRecord record;
        record.object = item.toObject();
        record.raw = QJsonDocument(record.object).toJson(QJsonDocument::Compact);
        records->append(std::move(record));
    }
    return true;
}

bool PageParser::parseLines(const QByteArray &body, QList<PageRecord> *records,
                            QString *error) const
{
    qsizetype start = 0;
    int line = 0;
    while (start < body.size()) {
        qsizetype end = body.indexOf('\n', start);
        if (end < 0)
            end = body.size();
        ++line;
        const QByteArray text = body.mid(start, end - start).trimmed();
        start = end + 1;
        if (text.isEmpty())
            continue;
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(text, &parseError);
        if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
            *error = QObject::tr("line %1 of the export is not a JSON object (%2)")
                         .arg(line)
                         .arg(parseError.error != QJsonParseError::NoError
                                  ? parseError.errorString()
                                  : QObject::tr("not an object"));
            return false;
        }
        records->append({doc.object(), text});
    }
    return true;
}
