#include "marketohook.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace {

QJsonValue withUtcDates(const QJsonValue &value)
{
    static const QRegularExpression doubled(
        QStringLiteral("^(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?Z)[+-]0000$"));
    if (value.isString()) {
        const QRegularExpressionMatch match = doubled.match(value.toString());
        return match.hasMatch() ? QJsonValue(match.captured(1)) : value;
    }
    if (value.isArray()) {
        QJsonArray array = value.toArray();
        for (auto it = array.begin(); it != array.end(); ++it)
            *it = withUtcDates(*it);
        return array;
    }
    if (value.isObject()) {
        QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            *it = withUtcDates(*it);
        return object;
    }
    return value;
}

} // namespace

bool MarketoProgramsHook::prepareRequest(HttpRequest &, const Source &source, const StreamSpec &,
                                         QString *)
{
    m_tagType = source.settings.value(QStringLiteral("launch_tag_type")).toString();
    return true;
}

bool MarketoProgramsHook::transformBody(QByteArray &body, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (!document.isObject()) {
        // Left to the page parser, which says what is wrong with it.
        return true;
    }
    QJsonObject root = document.object();
    if (!root.contains(QStringLiteral("result"))) {
        if (!root.value(QStringLiteral("success")).toBool()) {
            *error = QCoreApplication::translate("MarketoProgramsHook",
                                                 "Marketo answered without success or results.");
            return false;
        }
        root.insert(QStringLiteral("result"), QJsonArray());
    }
    QJsonArray records = withUtcDates(root.value(QStringLiteral("result"))).toArray();
    if (!m_tagType.isEmpty()) {
        for (auto it = records.begin(); it != records.end(); ++it) {
            QJsonObject record = it->toObject();
            for (const QJsonValue &tag : record.value(QStringLiteral("tags")).toArray()) {
                if (tag.toObject().value(QStringLiteral("tagType")).toString() == m_tagType) {
                    record.insert(QStringLiteral("launchTag"),
                                  tag.toObject().value(QStringLiteral("tagValue")));
                    break;
                }
            }
            *it = record;
        }
    }
    root.insert(QStringLiteral("result"), records);
    body = QJsonDocument(root).toJson(QJsonDocument::Compact);
    return true;
}

void registerMarketoHooks()
{
    StreamHooks::add(QStringLiteral("marketo-programs"),
                     [] { return std::make_unique<MarketoProgramsHook>(); });
}
