#include "errorbody.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

namespace {

// Enough to read any error document; larger bodies are data, not an error description.
constexpr qsizetype maxParsedBytes = 256 * 1024;
constexpr qsizetype maxExcerptChars = 200;

void collect(const QJsonValue &value, QStringList &out);

void collectObject(const QJsonObject &object, QStringList &out)
{
    // err: Figma; errorMessage: Qualtrics (under meta.error).
    static const char *const textKeys[] = {"message", "error_description", "detail", "title",
                                           "err",     "errorMessage"};
    bool found = false;
    for (const char *key : textKeys) {
        const QJsonValue value = object.value(QLatin1String(key));
        if (value.isString() && !value.toString().trimmed().isEmpty()) {
            out.append(value.toString());
            found = true;
            break;
        }
    }
    const QJsonValue error = object.value(QLatin1String("error"));
    if (error.isObject())
        collectObject(error.toObject(), out);
    else if (!found && error.isString())
        out.append(error.toString());
    for (const char *key : {"errors", "errorMessages"})
        collect(object.value(QLatin1String(key)), out);
    // Qualtrics wraps every answer's status in meta: {"meta":{"error":{...}}}.
    const QJsonValue meta = object.value(QLatin1String("meta"));
    if (meta.isObject() && meta.toObject().value(QLatin1String("error")).isObject())
        collectObject(meta.toObject().value(QLatin1String("error")).toObject(), out);
    // GitHub validation errors: {"resource":"Label","field":"color","code":"invalid"}.
    if (!found && object.contains(QLatin1String("code")) &&
        object.contains(QLatin1String("field"))) {
        out.append(QStringLiteral("%1 %2").arg(object.value(QLatin1String("field")).toString(),
                                               object.value(QLatin1String("code")).toString()));
    }
}

void collect(const QJsonValue &value, QStringList &out)
{
    if (value.isString()) {
        out.append(value.toString());
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (const QJsonValue &item : array)
            collect(item, out);
    } else if (value.isObject()) {
        collectObject(value.toObject(), out);
    }
}

bool startsWithNoCase(const QByteArray &text, const char *prefix)
{
    return text.left(qsizetype(qstrlen(prefix))).toLower() == prefix;
}

} // namespace

namespace ErrorBody {

QString serviceMessage(const QByteArray &body)
{
    const QByteArray trimmed = body.trimmed();
    if (trimmed.size() > maxParsedBytes || !(trimmed.startsWith('{') || trimmed.startsWith('[')))
        return {};
    const QJsonDocument document = QJsonDocument::fromJson(trimmed);
    QStringList parts;
    if (document.isObject())
        collectObject(document.object(), parts);
    else if (document.isArray())
        collect(document.array(), parts);
    parts.removeDuplicates();
    parts.removeAll(QString());
    QString text = parts.join(QStringLiteral("; ")).simplified();
    if (text.size() > maxExcerptChars)
        text = QString(text.left(maxExcerptChars - 1) + QChar(0x2026));
    return text;
}

bool isHtml(const QByteArray &body, const QByteArray &contentType)
{
    if (contentType.toLower().contains("text/html"))
        return true;
    const QByteArray start = body.left(512).trimmed();
    return startsWithNoCase(start, "<!doctype html") || startsWithNoCase(start, "<html");
}

} // namespace ErrorBody
