#include "fakemonday.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMutexLocker>
#include <QRegularExpression>

namespace {

constexpr int accountId = 9876543;

// One field of a GraphQL selection: [alias:] name [(arguments)] [{ selection }].
struct Field
{
    QString alias;
    QString name;
    QString arguments;
    QString selection;
};

qsizetype matching(const QString &text, qsizetype open, QChar opening, QChar closing)
{
    int depth = 0;
    for (qsizetype i = open; i < text.size(); ++i) {
        if (text.at(i) == opening)
            ++depth;
        else if (text.at(i) == closing && --depth == 0)
            return i;
    }
    return -1;
}

// The fields directly inside `selection`, which starts with '{'.
QList<Field> fieldsOf(const QString &selection)
{
    QList<Field> fields;
    static const QRegularExpression name(QStringLiteral("[_A-Za-z][_0-9A-Za-z]*"));
    qsizetype i = 1;
    auto skipSpace = [&] {
        while (i < selection.size() &&
               (selection.at(i).isSpace() || selection.at(i) == QLatin1Char(',')))
            ++i;
    };
    while (true) {
        skipSpace();
        if (i >= selection.size() || selection.at(i) == QLatin1Char('}'))
            break;
        const QRegularExpressionMatch first =
            name.match(selection, i, QRegularExpression::NormalMatch,
                       QRegularExpression::AnchorAtOffsetMatchOption);
        if (!first.hasMatch())
            break;
        Field field;
        field.name = first.captured();
        i = first.capturedEnd();
        skipSpace();
        if (i < selection.size() && selection.at(i) == QLatin1Char(':')) {
            ++i;
            skipSpace();
            const QRegularExpressionMatch second =
                name.match(selection, i, QRegularExpression::NormalMatch,
                           QRegularExpression::AnchorAtOffsetMatchOption);
            field.alias = field.name;
            field.name = second.captured();
            i = second.capturedEnd();
            skipSpace();
        }
        if (i < selection.size() && selection.at(i) == QLatin1Char('(')) {
            const qsizetype end = matching(selection, i, QLatin1Char('('), QLatin1Char(')'));
            field.arguments = selection.mid(i + 1, end - i - 1);
            i = end + 1;
            skipSpace();
        }
        if (i < selection.size() && selection.at(i) == QLatin1Char('{')) {
            const qsizetype end = matching(selection, i, QLatin1Char('{'), QLatin1Char('}'));
            field.selection = selection.mid(i, end - i + 1);
            i = end + 1;
        }
        fields.append(field);
    }
    return fields;
}

QStringList names(const QString &selection)
{
    QStringList list;
    for (const Field &field : fieldsOf(selection))
        list.append(field.name);
    return list;
}

QJsonObject only(const QJsonObject &object, const QStringList &keys)
{
    QJsonObject out;
    for (const QString &key : keys)
        out.insert(key, object.value(key));
    return out;
}

// The strings of an argument: "ids: $status" from the variables, "types: [people]" as written.
QStringList argumentValues(const QString &arguments, const QString &argument,
                           const QJsonObject &variables, bool *given)
{
    const QRegularExpression pattern(
        QStringLiteral("\\b%1\\s*:\\s*(\\$([_A-Za-z0-9]+)|\\[([^\\]]*)\\])").arg(argument));
    const QRegularExpressionMatch m = pattern.match(arguments);
    *given = m.hasMatch();
    QStringList values;
    if (!m.hasMatch())
        return values;
    if (!m.captured(2).isEmpty()) {
        const QJsonValue value = variables.value(m.captured(2));
        *given = !value.isUndefined() && !value.isNull();
        for (const QJsonValue &v : value.toArray())
            values.append(v.toString());
        return values;
    }
    for (const QString &part : m.captured(3).split(QLatin1Char(','), Qt::SkipEmptyParts))
        values.append(part.trimmed().remove(QLatin1Char('"')));
    return values;
}

FakeHttpServer::Response graphqlErrors(const QString &message, const QString &code)
{
    return FakeHttpServer::Response::json(FakeMonday::errors(message, code));
}

} // namespace

QByteArray FakeMonday::errors(const QString &message, const QString &code)
{
    const QJsonObject body{
        {QStringLiteral("errors"),
         QJsonArray{QJsonObject{
             {QStringLiteral("message"), message},
             {QStringLiteral("locations"),
              QJsonArray{QJsonObject{{QStringLiteral("line"), 1}, {QStringLiteral("column"), 3}}}},
             {QStringLiteral("extensions"), QJsonObject{{QStringLiteral("code"), code}}}}}},
        {QStringLiteral("account_id"), accountId}};
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

FakeMonday::FakeMonday(FakeHttpServer &server, const QByteArray &token)
    : m_data(std::make_shared<Data>())
{
    const std::shared_ptr<Data> data = m_data;
    server.route("POST", QStringLiteral("/v2"),
                 [data, token](const FakeHttpServer::Request &request) {
                     const QMutexLocker locker(&data->mutex);
                     return answer(*data, request, token);
                 });
}

FakeHttpServer::Response FakeMonday::answer(Data &data, const FakeHttpServer::Request &request,
                                            const QByteArray &token)
{
    if (request.header("authorization") != token) {
        FakeHttpServer::Response refused = FakeHttpServer::Response::json(
            errors(QStringLiteral("Not Authenticated"), QStringLiteral("UNAUTHENTICATED")), 401);
        return refused;
    }
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    const QString query = body.value(QStringLiteral("query")).toString();
    const QJsonObject variables = body.value(QStringLiteral("variables")).toObject();
    data.calls.append(
        Call{query, variables, request.header("api-version"), request.header("authorization")});
    if (query.isEmpty())
        return graphqlErrors(QStringLiteral("No query string was present"),
                             QStringLiteral("INVALID_GRAPHQL_REQUEST"));

    static const QRegularExpression pageField(
        QStringLiteral("\\b(items_page|next_items_page)\\s*(\\(([^)]*)\\))?\\s*\\{"));
    const QRegularExpressionMatch page = pageField.match(query);
    static const QRegularExpression itemsField(QStringLiteral("\\bitems\\s*\\{"));
    const QRegularExpressionMatch items =
        page.hasMatch() ? itemsField.match(query, page.capturedEnd()) : QRegularExpressionMatch();
    if (!items.hasMatch())
        return graphqlErrors(QStringLiteral("Field must have selections"),
                             QStringLiteral("selectionMismatch"));
    const qsizetype open = items.capturedEnd() - 1;
    const QString selection =
        query.mid(open, matching(query, open, QLatin1Char('{'), QLatin1Char('}')) - open + 1);
    static const QRegularExpression limitArgument(QStringLiteral("\\blimit\\s*:\\s*(\\d+)"));
    const QRegularExpressionMatch limitMatch = limitArgument.match(page.captured(3));
    const int limit = limitMatch.hasMatch() ? limitMatch.captured(1).toInt() : 25;
    if (limit < 1 || limit > 500)
        return graphqlErrors(QStringLiteral("Limit must be between 1 and 500"),
                             QStringLiteral("INVALID_ARGUMENT"));

    const bool next = page.captured(1) == QLatin1String("next_items_page");
    QString board;
    qsizetype position = 0;
    if (next) {
        const QString cursor = variables.value(QStringLiteral("cursor")).toString();
        const auto found = data.cursors.constFind(cursor);
        if (found == data.cursors.constEnd() || data.cursorsExpired) {
            return graphqlErrors(
                QStringLiteral("CursorException: cursor has expired, please make a new request"),
                QStringLiteral("CursorExpiredError"));
        }
        board = found->board;
        position = found->position;
    } else {
        board = variables.value(QStringLiteral("board")).toArray().at(0).toString();
    }

    QJsonArray pageItems;
    QJsonValue cursor = QJsonValue::Null;
    const auto boardItems = data.boards.constFind(board);
    if (boardItems != data.boards.constEnd()) {
        const qsizetype end = qMin(boardItems->size(), position + limit);
        const QList<Field> fields = fieldsOf(selection);
        for (qsizetype i = position; i < end; ++i) {
            const QJsonObject &item = boardItems->at(i);
            QJsonObject out;
            for (const Field &field : fields) {
                const QString key = field.alias.isEmpty() ? field.name : field.alias;
                if (field.name == QLatin1String("group") || field.name == QLatin1String("board")) {
                    out.insert(key,
                               only(item.value(field.name).toObject(), names(field.selection)));
                } else if (field.name == QLatin1String("column_values")) {
                    bool byId = false;
                    bool byType = false;
                    const QStringList ids =
                        argumentValues(field.arguments, QStringLiteral("ids"), variables, &byId);
                    const QStringList types = argumentValues(
                        field.arguments, QStringLiteral("types"), variables, &byType);
                    QJsonArray columns;
                    const QJsonArray all = item.value(QStringLiteral("column_values")).toArray();
                    for (const QJsonValue &column : all) {
                        const QJsonObject c = column.toObject();
                        if (byId && !ids.contains(c.value(QStringLiteral("id")).toString()))
                            continue;
                        if (byType && !types.contains(c.value(QStringLiteral("type")).toString()))
                            continue;
                        columns.append(only(c, names(field.selection)));
                    }
                    out.insert(key, columns);
                } else if (item.contains(field.name)) {
                    out.insert(key, item.value(field.name));
                } else {
                    return graphqlErrors(
                        QStringLiteral("Cannot query field \"%1\" on type \"Item\".")
                            .arg(field.name),
                        QStringLiteral("undefinedField"));
                }
            }
            data.served.insert(item.value(QStringLiteral("id")).toString(),
                               QJsonDocument(out).toJson(QJsonDocument::Compact));
            pageItems.append(out);
        }
        if (end < boardItems->size()) {
            const QString token =
                QString::fromLatin1(QStringLiteral("%1,%2,%3")
                                        .arg(board)
                                        .arg(end)
                                        .arg(++data.issued)
                                        .toUtf8()
                                        .toBase64(QByteArray::OmitTrailingEquals));
            data.cursors.insert(token, Cursor{board, end});
            cursor = token;
        }
    }

    const QJsonObject itemsPage{{QStringLiteral("cursor"), cursor},
                                {QStringLiteral("items"), pageItems}};
    QJsonObject payload;
    if (next) {
        payload.insert(QStringLiteral("next_items_page"), itemsPage);
    } else {
        // An unknown board, or one the token may not read, is simply left out.
        payload.insert(QStringLiteral("boards"),
                       boardItems == data.boards.constEnd()
                           ? QJsonArray()
                           : QJsonArray{QJsonObject{{QStringLiteral("items_page"), itemsPage}}});
    }
    const QJsonObject response{{QStringLiteral("data"), payload},
                               {QStringLiteral("account_id"), accountId}};
    return FakeHttpServer::Response::json(QJsonDocument(response).toJson(QJsonDocument::Compact));
}

QJsonObject FakeMonday::item(const QString &boardId, const QString &id, const QString &name,
                             const QDateTime &updated, const QString &status, const QString &group,
                             const QString &person)
{
    const QString updatedText = updated.toUTC().toString(Qt::ISODate);
    return QJsonObject{
        {QStringLiteral("id"), id},
        {QStringLiteral("name"), name},
        {QStringLiteral("state"), QStringLiteral("active")},
        {QStringLiteral("created_at"), updated.addDays(-9).toUTC().toString(Qt::ISODate)},
        {QStringLiteral("updated_at"), updatedText},
        {QStringLiteral("url"),
         QStringLiteral("https://acme.monday.com/boards/%1/pulses/%2").arg(boardId, id)},
        {QStringLiteral("creator_id"), QStringLiteral("55501")},
        {QStringLiteral("group"), QJsonObject{{QStringLiteral("id"), QStringLiteral("topics")},
                                              {QStringLiteral("title"), group}}},
        {QStringLiteral("board"),
         QJsonObject{{QStringLiteral("id"), boardId},
                     {QStringLiteral("name"), QStringLiteral("Board %1").arg(boardId)}}},
        {QStringLiteral("column_values"),
         QJsonArray{
             QJsonObject{{QStringLiteral("id"), QStringLiteral("status")},
                         {QStringLiteral("type"), QStringLiteral("status")},
                         {QStringLiteral("text"),
                          status.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(status)},
                         {QStringLiteral("value"),
                          status.isEmpty()
                              ? QJsonValue(QJsonValue::Null)
                              : QJsonValue(QStringLiteral("{\"index\":1,\"post_id\":null,"
                                                          "\"changed_at\":\"%1\"}")
                                               .arg(updatedText))}},
             QJsonObject{{QStringLiteral("id"), QStringLiteral("person")},
                         {QStringLiteral("type"), QStringLiteral("people")},
                         {QStringLiteral("text"), person},
                         {QStringLiteral("value"),
                          person.isEmpty()
                              ? QJsonValue(QJsonValue::Null)
                              : QJsonValue(QStringLiteral("{\"personsAndTeams\":[{\"id\":55501,"
                                                          "\"kind\":\"person\"}]}"))}},
             QJsonObject{{QStringLiteral("id"), QStringLiteral("date4")},
                         {QStringLiteral("type"), QStringLiteral("date")},
                         {QStringLiteral("text"), QStringLiteral("2026-02-14")},
                         {QStringLiteral("value"), QStringLiteral("{\"date\":\"2026-02-14\"}")}}}},
    };
}

void FakeMonday::setItem(const QString &boardId, const QJsonObject &item)
{
    const QMutexLocker locker(&m_data->mutex);
    QList<QJsonObject> &items = m_data->boards[boardId];
    const QString id = item.value(QStringLiteral("id")).toString();
    for (QJsonObject &existing : items) {
        if (existing.value(QStringLiteral("id")).toString() == id) {
            existing = item;
            return;
        }
    }
    items.append(item);
}

QList<FakeMonday::Call> FakeMonday::calls() const
{
    const QMutexLocker locker(&m_data->mutex);
    return m_data->calls;
}

void FakeMonday::clearCalls()
{
    const QMutexLocker locker(&m_data->mutex);
    m_data->calls.clear();
}

void FakeMonday::setCursorsExpired(bool expired)
{
    const QMutexLocker locker(&m_data->mutex);
    m_data->cursorsExpired = expired;
}

QByteArray FakeMonday::served(const QString &itemId) const
{
    const QMutexLocker locker(&m_data->mutex);
    return m_data->served.value(itemId);
}
