#include "mondayhook.h"

#include "engine/jsonslices.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace {

// The index of the brace closing the one at `open`, skipping quoted strings; -1 if none.
qsizetype closingBrace(const QString &text, qsizetype open)
{
    int depth = 0;
    bool quoted = false;
    for (qsizetype i = open; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('\\'))
                ++i;
            else if (c == QLatin1Char('"'))
                quoted = false;
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char('{')) {
            ++depth;
        } else if (c == QLatin1Char('}') && --depth == 0) {
            return i;
        }
    }
    return -1;
}

QByteArray jsonText(const QJsonValue &value)
{
    if (!value.isString())
        return "null";
    const QByteArray array = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

} // namespace

QString MondayItemsHook::errorText(const QJsonObject &response)
{
    QStringList parts;
    const QJsonArray errors = response.value(QStringLiteral("errors")).toArray();
    for (const QJsonValue &entry : errors) {
        const QJsonObject object = entry.toObject();
        QString text = object.value(QStringLiteral("message")).toString();
        const QString code = object.value(QStringLiteral("extensions"))
                                 .toObject()
                                 .value(QStringLiteral("code"))
                                 .toString();
        if (text.isEmpty())
            text = code.isEmpty()
                       ? QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact))
                       : code;
        else if (!code.isEmpty())
            text += QStringLiteral(" (%1)").arg(code);
        parts.append(text);
    }
    if (parts.isEmpty()) {
        // The shape of API versions before 2024-01, still seen for complexity and daily limits.
        const QString message = response.value(QStringLiteral("error_message")).toString();
        const QString code = response.value(QStringLiteral("error_code")).toString();
        if (!message.isEmpty())
            parts.append(code.isEmpty() ? message : QStringLiteral("%1 (%2)").arg(message, code));
        else if (!code.isEmpty())
            parts.append(code);
    }
    return parts.join(QStringLiteral("; "));
}

QString MondayItemsHook::nextPageQuery(const QString &firstPageQuery, QStringList *variables,
                                       QString *error)
{
    static const QRegularExpression itemsPage(
        QStringLiteral("\\bitems_page\\b\\s*(\\(([^)]*)\\))?\\s*\\{"));
    const QRegularExpressionMatch page = itemsPage.match(firstPageQuery);
    static const QRegularExpression itemsField(QStringLiteral("\\bitems\\s*\\{"));
    const QRegularExpressionMatch items = page.hasMatch()
                                              ? itemsField.match(firstPageQuery, page.capturedEnd())
                                              : QRegularExpressionMatch();
    const qsizetype open = items.hasMatch() ? items.capturedEnd() - 1 : -1;
    const qsizetype close = open < 0 ? -1 : closingBrace(firstPageQuery, open);
    if (close < 0) {
        *error = QObject::tr("the stream's query has no items_page { items { ... } } selection to "
                             "ask the next pages for");
        return {};
    }
    const QString selection = firstPageQuery.mid(open, close - open + 1);

    static const QRegularExpression limitArgument(QStringLiteral("\\blimit\\s*:\\s*(\\d+)"));
    const QRegularExpressionMatch limit = limitArgument.match(page.captured(2));
    const QString pageSize = limit.hasMatch() ? limit.captured(1) : QStringLiteral("100");

    // The item fields may take variables (column ids, say): declare them as the first
    // query does, so that every page answers with the same fields.
    const QString header = firstPageQuery.left(firstPageQuery.indexOf(QLatin1Char('{')));
    QStringList declarations{QStringLiteral("$cursor: String!")};
    variables->clear();
    static const QRegularExpression variableUse(QStringLiteral("\\$([_A-Za-z][_0-9A-Za-z]*)"));
    auto uses = variableUse.globalMatch(selection);
    while (uses.hasNext()) {
        const QString name = uses.next().captured(1);
        if (variables->contains(name))
            continue;
        const QRegularExpression declaration(QStringLiteral("\\$%1\\s*:\\s*([^,)$]+)").arg(name));
        const QRegularExpressionMatch declared = declaration.match(header);
        if (!declared.hasMatch()) {
            *error = QObject::tr("the stream's query uses $%1 without declaring it").arg(name);
            return {};
        }
        variables->append(name);
        declarations.append(QStringLiteral("$%1: %2").arg(name, declared.captured(1).trimmed()));
    }
    return QStringLiteral("query (%1) { next_items_page(cursor: $cursor, limit: %2) { cursor "
                          "items %3 } }")
        .arg(declarations.join(QStringLiteral(", ")), pageSize, selection);
}

bool MondayItemsHook::prepareRequest(HttpRequest &request, const Source &, const StreamSpec &stream,
                                     QString *error)
{
    if (m_nextQuery.isEmpty()) {
        m_nextQuery = nextPageQuery(stream.request.graphqlQuery, &m_carriedVariables, error);
        if (m_nextQuery.isEmpty())
            return false;
    }
    m_variables = QJsonDocument::fromJson(request.body)
                      .object()
                      .value(QStringLiteral("variables"))
                      .toObject();
    const QJsonValue board = m_variables.value(QStringLiteral("board"));
    m_board = board.isArray() ? board.toArray().at(0).toVariant().toString()
                              : board.toVariant().toString();
    m_lastCursor.clear();
    return true;
}

bool MondayItemsHook::transformBody(QByteArray &body, QString *error)
{
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (!document.isObject())
        return true; // the page parser explains what is wrong with it
    const QJsonObject root = document.object();
    const QString errors = errorText(root);
    if (!errors.isEmpty()) {
        *error = QObject::tr("monday.com reported an error: %1").arg(errors);
        return false;
    }
    const QJsonObject data = root.value(QStringLiteral("data")).toObject();
    QJsonValue cursor;
    QList<QByteArrayView> items;
    QString itemsPath;
    bool found = false;
    if (data.contains(QStringLiteral("next_items_page"))) {
        itemsPath = QStringLiteral("data.next_items_page.items");
        cursor = data.value(QStringLiteral("next_items_page"))
                     .toObject()
                     .value(QStringLiteral("cursor"));
        found = JsonSlices::arrayElements(body, itemsPath, &items);
    } else if (data.contains(QStringLiteral("boards"))) {
        const QJsonArray boards = data.value(QStringLiteral("boards")).toArray();
        if (boards.isEmpty()) {
            *error = QObject::tr("board %1 was not found, or this token may not read it")
                         .arg(m_board.isEmpty() ? QStringLiteral("?") : m_board);
            return false;
        }
        itemsPath = QStringLiteral("data.boards[0].items_page.items");
        cursor = boards.first()
                     .toObject()
                     .value(QStringLiteral("items_page"))
                     .toObject()
                     .value(QStringLiteral("cursor"));
        QList<QByteArrayView> boardTexts;
        found = JsonSlices::arrayElements(body, QStringLiteral("data.boards"), &boardTexts) &&
                !boardTexts.isEmpty() &&
                JsonSlices::arrayElements(boardTexts.first(), QStringLiteral("items_page.items"),
                                          &items);
    } else {
        *error = QObject::tr("the response has neither data.boards nor data.next_items_page");
        return false;
    }
    if (!found) {
        *error = QObject::tr("the response has no list of items at %1").arg(itemsPath);
        return false;
    }
    // Rebuilt around the items' own bytes, so that each row keeps the item as monday sent it.
    QByteArray plain = "{\"cursor\":" + jsonText(cursor) + ",\"items\":[";
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (i > 0)
            plain += ',';
        plain += items.at(i).toByteArray();
    }
    plain += "]}";
    body = plain;
    return true;
}

std::optional<HttpRequest> MondayItemsHook::nextRequest(const HttpRequest &current,
                                                        const JsonRecord &body, int recordCount,
                                                        QString *error)
{
    const QString cursor = body.value(QStringLiteral("cursor")).toString();
    if (cursor.isEmpty() || recordCount == 0)
        return std::nullopt;
    if (cursor == m_lastCursor) {
        *error = QObject::tr("monday.com returned the same page cursor twice");
        return std::nullopt;
    }
    m_lastCursor = cursor;
    QJsonObject variables{{QStringLiteral("cursor"), cursor}};
    for (const QString &name : std::as_const(m_carriedVariables)) {
        if (m_variables.contains(name))
            variables.insert(name, m_variables.value(name));
    }
    HttpRequest next = current;
    next.body = QJsonDocument(QJsonObject{{QStringLiteral("query"), m_nextQuery},
                                          {QStringLiteral("variables"), variables}})
                    .toJson(QJsonDocument::Compact);
    next.setHeader("Content-Type", "application/json");
    return next;
}

void registerMondayHooks()
{
    StreamHooks::add(QStringLiteral("monday-items"),
                     [] { return std::make_unique<MondayItemsHook>(); });
}
