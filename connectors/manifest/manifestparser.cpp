#include "manifestparser.h"

#include "engine/streamhook.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace {

// Thrown inside the parser only; parse() turns it into a Result.
struct ManifestError
{
    QString field;
    QString message;
};

class Reader
{
public:
    Reader(const QJsonObject &object, QString path)
        : m_object(object)
        , m_path(std::move(path))
    {
    }

    QString field(const QString &key) const
    {
        return m_path.isEmpty() ? key : m_path + QLatin1Char('.') + key;
    }

    bool has(const QString &key) const { return m_object.contains(key); }

    [[noreturn]] void fail(const QString &key, const QString &message) const
    {
        throw ManifestError{field(key), message};
    }

    static QString describe(const QJsonValue &value)
    {
        switch (value.type()) {
        case QJsonValue::Null:
            return QStringLiteral("null");
        case QJsonValue::Bool:
            return QStringLiteral("a boolean");
        case QJsonValue::Double:
            return QStringLiteral("a number");
        case QJsonValue::String:
            return QStringLiteral("the text \"%1\"").arg(value.toString());
        case QJsonValue::Array:
            return QStringLiteral("a list");
        case QJsonValue::Object:
            return QStringLiteral("an object");
        case QJsonValue::Undefined:
            break;
        }
        return QStringLiteral("nothing");
    }

    QString string(const QString &key, bool required, const QString &fallback = QString()) const
    {
        const QJsonValue value = m_object.value(key);
        if (value.isUndefined()) {
            if (required)
                fail(key, QStringLiteral("is required (expected text)"));
            return fallback;
        }
        if (!value.isString())
            fail(key, QStringLiteral("expected text, got %1").arg(describe(value)));
        if (required && value.toString().trimmed().isEmpty())
            fail(key, QStringLiteral("must not be empty"));
        return value.toString();
    }

    int integer(const QString &key, int fallback, int minimum, int maximum) const
    {
        const QJsonValue value = m_object.value(key);
        if (value.isUndefined())
            return fallback;
        if (!value.isDouble() || value.toDouble() != double(value.toInt()))
            fail(key, QStringLiteral("expected a whole number, got %1").arg(describe(value)));
        const int n = value.toInt();
        if (n < minimum || n > maximum)
            fail(key, QStringLiteral("expected a number from %1 to %2, got %3")
                          .arg(minimum)
                          .arg(maximum)
                          .arg(n));
        return n;
    }

    bool boolean(const QString &key, bool fallback) const
    {
        const QJsonValue value = m_object.value(key);
        if (value.isUndefined())
            return fallback;
        if (!value.isBool())
            fail(key, QStringLiteral("expected true or false, got %1").arg(describe(value)));
        return value.toBool();
    }

    template<typename Enum>
    Enum choice(const QString &key, const QList<QPair<QString, Enum>> &choices, bool required,
                Enum fallback) const
    {
        const QJsonValue value = m_object.value(key);
        if (value.isUndefined() && !required)
            return fallback;
        QStringList names;
        for (const auto &[name, e] : choices) {
            names.append(name);
            if (value.isString() && value.toString() == name)
                return e;
        }
        fail(key, QStringLiteral("expected one of %1, got %2")
                      .arg(names.join(QStringLiteral(", ")), describe(value)));
    }

    Reader object(const QString &key, bool required) const
    {
        const QJsonValue value = m_object.value(key);
        if (value.isUndefined()) {
            if (required)
                fail(key, QStringLiteral("is required (expected an object)"));
            return Reader(QJsonObject(), field(key));
        }
        if (!value.isObject())
            fail(key, QStringLiteral("expected an object, got %1").arg(describe(value)));
        return Reader(value.toObject(), field(key));
    }

    QJsonArray array(const QString &key, bool required) const
    {
        const QJsonValue value = m_object.value(key);
        if (value.isUndefined()) {
            if (required)
                fail(key, QStringLiteral("is required (expected a list)"));
            return {};
        }
        if (!value.isArray())
            fail(key, QStringLiteral("expected a list, got %1").arg(describe(value)));
        return value.toArray();
    }

    QStringList strings(const QString &key) const
    {
        QStringList list;
        const QJsonArray items = array(key, false);
        for (int i = 0; i < items.size(); ++i) {
            if (!items.at(i).isString())
                fail(QStringLiteral("%1[%2]").arg(key).arg(i),
                     QStringLiteral("expected text, got %1").arg(describe(items.at(i))));
            list.append(items.at(i).toString());
        }
        return list;
    }

    QMap<QString, QString> stringMap(const QString &key) const
    {
        QMap<QString, QString> map;
        const Reader inner = object(key, false);
        for (auto it = inner.m_object.constBegin(); it != inner.m_object.constEnd(); ++it) {
            if (!it.value().isString())
                inner.fail(it.key(),
                           QStringLiteral("expected text, got %1").arg(describe(it.value())));
            map.insert(it.key(), it.value().toString());
        }
        return map;
    }

    void rejectUnknown(const QStringList &known) const
    {
        for (auto it = m_object.constBegin(); it != m_object.constEnd(); ++it) {
            if (!known.contains(it.key()))
                fail(it.key(), QStringLiteral("is not a known field here (known: %1)")
                                   .arg(known.join(QStringLiteral(", "))));
        }
    }

    const QJsonObject &json() const { return m_object; }
    QString path() const { return m_path; }

private:
    QJsonObject m_object;
    QString m_path;
};

Reader element(const Reader &parent, const QString &key, const QJsonArray &array, int index)
{
    const QString path = QStringLiteral("%1[%2]").arg(parent.field(key)).arg(index);
    if (!array.at(index).isObject())
        throw ManifestError{
            path,
            QStringLiteral("expected an object, got %1").arg(Reader::describe(array.at(index)))};
    return Reader(array.at(index).toObject(), path);
}

// A text with its {placeholders} replaced by a plain word, to check the form of a URL whose
// host or path is filled in per source.
QString placeholdersAsText(const QString &text)
{
    static const QRegularExpression placeholder(QStringLiteral("\\{[A-Za-z0-9_.]+\\}"));
    return QString(text).replace(placeholder, QStringLiteral("placeholder"));
}

// The settings a text names as {settings.NAME}.
QStringList settingsNamedIn(const QString &text)
{
    static const QRegularExpression placeholder(QStringLiteral("\\{settings\\.([A-Za-z0-9_]+)\\}"));
    QStringList names;
    for (auto it = placeholder.globalMatch(text); it.hasNext();)
        names.append(it.next().captured(1));
    return names;
}

SettingSpec readSetting(const Reader &r)
{
    r.rejectUnknown({QStringLiteral("name"), QStringLiteral("type"), QStringLiteral("required"),
                     QStringLiteral("help"), QStringLiteral("pattern"), QStringLiteral("default"),
                     QStringLiteral("fromSecret")});
    SettingSpec s;
    s.name = r.string(QStringLiteral("name"), true);
    static const QRegularExpression identifier(QStringLiteral("^[a-z][a-z0-9_]*$"));
    if (!identifier.match(s.name).hasMatch())
        r.fail(QStringLiteral("name"),
               QStringLiteral("expected lower-case letters, digits and _, got \"%1\"").arg(s.name));
    s.type = r.choice<SettingSpec::Type>(QStringLiteral("type"),
                                         {{QStringLiteral("string"), SettingSpec::Type::String},
                                          {QStringLiteral("list"), SettingSpec::Type::List},
                                          {QStringLiteral("url"), SettingSpec::Type::Url},
                                          {QStringLiteral("integer"), SettingSpec::Type::Integer},
                                          {QStringLiteral("boolean"), SettingSpec::Type::Boolean}},
                                         false, SettingSpec::Type::String);
    s.required = r.boolean(QStringLiteral("required"), false);
    s.help = r.string(QStringLiteral("help"), true);
    s.pattern = r.string(QStringLiteral("pattern"), false);
    if (!s.pattern.isEmpty() && !QRegularExpression(s.pattern).isValid())
        r.fail(QStringLiteral("pattern"), QStringLiteral("is not a valid regular expression"));
    s.defaultValue = r.string(QStringLiteral("default"), false);
    s.fromSecret = r.string(QStringLiteral("fromSecret"), false);
    if (!s.fromSecret.isEmpty()) {
        const QRegularExpression fromSecret(s.fromSecret);
        if (!fromSecret.isValid())
            r.fail(QStringLiteral("fromSecret"),
                   QStringLiteral("is not a valid regular expression"));
        if (fromSecret.captureCount() < 1)
            r.fail(QStringLiteral("fromSecret"),
                   QStringLiteral("needs a capture group ( ) around the part to use"));
    }
    return s;
}

AuthSpec readAuth(const Reader &r)
{
    r.rejectUnknown({QStringLiteral("type"), QStringLiteral("header"), QStringLiteral("prefix"),
                     QStringLiteral("queryParameter"), QStringLiteral("first"),
                     QStringLiteral("second"), QStringLiteral("authorizeUrl"),
                     QStringLiteral("tokenUrl"), QStringLiteral("revokeUrl"),
                     QStringLiteral("scopes"), QStringLiteral("clientIdSetting"),
                     QStringLiteral("tokenSettings"), QStringLiteral("tokenRequest")});
    AuthSpec a;
    a.type = r.choice<AuthSpec::Type>(
        QStringLiteral("type"),
        {{QStringLiteral("none"), AuthSpec::Type::None},
         {QStringLiteral("bearer"), AuthSpec::Type::Bearer},
         {QStringLiteral("header"), AuthSpec::Type::Header},
         {QStringLiteral("basic"), AuthSpec::Type::Basic},
         {QStringLiteral("query"), AuthSpec::Type::Query},
         {QStringLiteral("oauth2"), AuthSpec::Type::OAuth2},
         {QStringLiteral("clientCredentials"), AuthSpec::Type::ClientCredentials}},
        true, AuthSpec::Type::None);
    a.header = r.string(QStringLiteral("header"), a.type == AuthSpec::Type::Header,
                        QStringLiteral("Authorization"));
    a.prefix = r.string(QStringLiteral("prefix"), false,
                        a.type == AuthSpec::Type::Bearer || a.type == AuthSpec::Type::OAuth2 ||
                                a.type == AuthSpec::Type::ClientCredentials
                            ? QStringLiteral("Bearer ")
                            : QString());
    a.queryParameter = r.string(QStringLiteral("queryParameter"), a.type == AuthSpec::Type::Query);
    const bool client = a.type == AuthSpec::Type::ClientCredentials;
    a.firstName = r.string(QStringLiteral("first"), false,
                           client ? QStringLiteral("client_id") : QStringLiteral("user"));
    a.secondName = r.string(QStringLiteral("second"), false,
                            client ? QStringLiteral("client_secret") : QStringLiteral("secret"));
    if (client) {
        a.clientTokenUrl = r.string(QStringLiteral("tokenUrl"), true);
        const QUrl url(placeholdersAsText(a.clientTokenUrl));
        if (!a.clientTokenUrl.startsWith(QLatin1Char('/')) &&
            (!url.isValid() ||
             (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http"))))
            r.fail(QStringLiteral("tokenUrl"),
                   QStringLiteral("expected an http or https URL or a path starting with /, got "
                                  "\"%1\"")
                       .arg(a.clientTokenUrl));
        a.clientTokenParametersInQuery = r.choice<bool>(
            QStringLiteral("tokenRequest"),
            {{QStringLiteral("form"), false}, {QStringLiteral("query"), true}}, false, false);
    }
    if (a.type == AuthSpec::Type::OAuth2) {
        a.authorizeUrl = QUrl(r.string(QStringLiteral("authorizeUrl"), true));
        a.tokenUrl = QUrl(r.string(QStringLiteral("tokenUrl"), true));
        for (const auto &[key, url] : {std::pair{QStringLiteral("authorizeUrl"), a.authorizeUrl},
                                       std::pair{QStringLiteral("tokenUrl"), a.tokenUrl}}) {
            if (!url.isValid() || url.scheme().isEmpty())
                r.fail(key, QStringLiteral("expected an absolute URL"));
        }
        a.revokeUrl = QUrl(r.string(QStringLiteral("revokeUrl"), false));
        a.scopes = r.strings(QStringLiteral("scopes"));
        a.clientIdSetting =
            r.string(QStringLiteral("clientIdSetting"), false, QStringLiteral("client_id"));
        a.tokenSettings = r.stringMap(QStringLiteral("tokenSettings"));
    }
    return a;
}

PaginationSpec readPagination(const Reader &r)
{
    r.rejectUnknown({QStringLiteral("type"), QStringLiteral("cursorPath"),
                     QStringLiteral("hasMorePath"), QStringLiteral("parameter"),
                     QStringLiteral("sizeParameter"), QStringLiteral("size"),
                     QStringLiteral("start"), QStringLiteral("nextUrlPath"),
                     QStringLiteral("pageInfoPath"), QStringLiteral("cursorVariable"),
                     QStringLiteral("parameterIn"), QStringLiteral("lastPagePath")});
    using T = PaginationSpec::Type;
    PaginationSpec p;
    p.type = r.choice<T>(QStringLiteral("type"),
                         {{QStringLiteral("none"), T::None},
                          {QStringLiteral("linkHeader"), T::LinkHeader},
                          {QStringLiteral("cursor"), T::Cursor},
                          {QStringLiteral("nextUrl"), T::NextUrl},
                          {QStringLiteral("offset"), T::Offset},
                          {QStringLiteral("page"), T::PageNumber},
                          {QStringLiteral("graphql"), T::GraphQL}},
                         true, T::None);
    p.cursorPath = r.string(QStringLiteral("cursorPath"), p.type == T::Cursor);
    p.parameterInBody = r.choice<bool>(
        QStringLiteral("parameterIn"),
        {{QStringLiteral("query"), false}, {QStringLiteral("body"), true}}, false, false);
    p.lastPagePath = r.string(QStringLiteral("lastPagePath"), false);
    p.hasMorePath = r.string(QStringLiteral("hasMorePath"), false);
    p.parameter = r.string(QStringLiteral("parameter"),
                           p.type == T::Cursor || p.type == T::Offset || p.type == T::PageNumber);
    p.sizeParameter = r.string(QStringLiteral("sizeParameter"), false);
    p.size = r.integer(QStringLiteral("size"), 100, 1, 10000);
    p.start = r.integer(QStringLiteral("start"), p.type == T::PageNumber ? 1 : 0, 0, 1000000);
    p.nextUrlPath = r.string(QStringLiteral("nextUrlPath"), p.type == T::NextUrl);
    p.pageInfoPath =
        r.string(QStringLiteral("pageInfoPath"), p.type == T::GraphQL && p.cursorPath.isEmpty());
    p.cursorVariable = r.string(QStringLiteral("cursorVariable"), false, QStringLiteral("after"));
    return p;
}

FieldMapping readField(const Reader &parent, const QString &column, const QJsonValue &value)
{
    FieldMapping f;
    f.column = column;
    if (value.isString()) {
        f.paths = {value.toString()};
        return f;
    }
    if (!value.isObject())
        parent.fail(column, QStringLiteral("expected a field path or an object, got %1")
                                .arg(Reader::describe(value)));
    const Reader r(value.toObject(), parent.field(column));
    r.rejectUnknown({QStringLiteral("path"), QStringLiteral("type"), QStringLiteral("const"),
                     QStringLiteral("join"), QStringLiteral("values")});
    const QJsonValue path = r.json().value(QStringLiteral("path"));
    if (path.isString()) {
        f.paths = {path.toString()};
    } else if (path.isArray()) {
        f.paths = r.strings(QStringLiteral("path"));
    } else if (!path.isUndefined()) {
        r.fail(QStringLiteral("path"),
               QStringLiteral("expected a field path or a list of them, got %1")
                   .arg(Reader::describe(path)));
    }
    using T = FieldMapping::Type;
    f.type = r.choice<T>(QStringLiteral("type"),
                         {{QStringLiteral("string"), T::String},
                          {QStringLiteral("integer"), T::Integer},
                          {QStringLiteral("number"), T::Number},
                          {QStringLiteral("datetime"), T::DateTime},
                          {QStringLiteral("date"), T::Date},
                          {QStringLiteral("boolean"), T::Boolean},
                          {QStringLiteral("json"), T::Json}},
                         false, T::String);
    if (r.has(QStringLiteral("const"))) {
        f.constant = r.json().value(QStringLiteral("const"));
        f.hasConstant = true;
    }
    f.join = r.string(QStringLiteral("join"), false);
    f.hasJoin = r.has(QStringLiteral("join"));
    f.values = r.stringMap(QStringLiteral("values"));
    if (f.paths.isEmpty() && !f.hasConstant)
        r.fail(QStringLiteral("path"), QStringLiteral("is required unless \"const\" is given"));
    return f;
}

RecordFilter readFilter(const Reader &r)
{
    r.rejectUnknown({QStringLiteral("path"), QStringLiteral("exists"), QStringLiteral("equals"),
                     QStringLiteral("notEquals")});
    RecordFilter f;
    f.path = r.string(QStringLiteral("path"), true);
    if (r.has(QStringLiteral("exists"))) {
        f.test = r.boolean(QStringLiteral("exists"), true) ? RecordFilter::Test::Exists
                                                           : RecordFilter::Test::Missing;
    } else if (r.has(QStringLiteral("equals"))) {
        f.test = RecordFilter::Test::Equals;
        f.value = r.json().value(QStringLiteral("equals"));
    } else if (r.has(QStringLiteral("notEquals"))) {
        f.test = RecordFilter::Test::NotEquals;
        f.value = r.json().value(QStringLiteral("notEquals"));
    } else {
        r.fail(QStringLiteral("exists"),
               QStringLiteral("a filter needs one of exists, equals, notEquals"));
    }
    return f;
}

RequestSpec readRequest(const Reader &r)
{
    r.rejectUnknown({QStringLiteral("method"), QStringLiteral("path"), QStringLiteral("query"),
                     QStringLiteral("headers"), QStringLiteral("graphql"), QStringLiteral("body")});
    RequestSpec q;
    const QString method = r.string(QStringLiteral("method"), false, QStringLiteral("GET"));
    if (method != QLatin1String("GET") && method != QLatin1String("POST"))
        r.fail(QStringLiteral("method"),
               QStringLiteral("expected GET or POST, got \"%1\"").arg(method));
    q.method = method.toLatin1();
    q.path = r.string(QStringLiteral("path"), true);
    if (!q.path.startsWith(QLatin1Char('/')) && !q.path.startsWith(QLatin1Char('{')))
        r.fail(QStringLiteral("path"),
               QStringLiteral("expected a path starting with /, got \"%1\"").arg(q.path));
    const Reader query = r.object(QStringLiteral("query"), false);
    for (auto it = query.json().constBegin(); it != query.json().constEnd(); ++it) {
        if (!it.value().isString())
            query.fail(it.key(),
                       QStringLiteral("expected text, got %1").arg(Reader::describe(it.value())));
        q.query.append({it.key(), it.value().toString()});
    }
    q.headers = r.stringMap(QStringLiteral("headers"));
    const Reader graphql = r.object(QStringLiteral("graphql"), false);
    if (!graphql.json().isEmpty()) {
        graphql.rejectUnknown({QStringLiteral("query"), QStringLiteral("variables")});
        q.graphqlQuery = graphql.string(QStringLiteral("query"), true);
        q.graphqlVariables = graphql.object(QStringLiteral("variables"), false).json();
        q.method = "POST";
    }
    q.body = r.object(QStringLiteral("body"), false).json();
    if (!q.body.isEmpty() && !q.graphqlQuery.isEmpty())
        r.fail(QStringLiteral("body"), QStringLiteral("cannot be given with \"graphql\""));
    if (!q.body.isEmpty() && q.method != "POST")
        r.fail(QStringLiteral("body"), QStringLiteral("needs \"method\": \"POST\""));
    return q;
}

EventsSpec readEvents(const Reader &r, const ConnectorManifest &manifest)
{
    EventsSpec e;
    if (r.json().isEmpty())
        return e;
    r.rejectUnknown({QStringLiteral("container"), QStringLiteral("period"),
                     QStringLiteral("periodFormat"), QStringLiteral("startSetting"),
                     QStringLiteral("lagHours"), QStringLiteral("lookbackPeriods"),
                     QStringLiteral("name"), QStringLiteral("user"), QStringLiteral("time"),
                     QStringLiteral("insertId"), QStringLiteral("noDataStatus")});
    e.isSet = true;
    e.container = r.choice<EventsSpec::Container>(
        QStringLiteral("container"),
        {{QStringLiteral("lines"), EventsSpec::Container::Lines},
         {QStringLiteral("zipOfGzipLines"), EventsSpec::Container::ZipOfGzipLines}},
        true, EventsSpec::Container::Lines);
    e.period = r.choice<EventsSpec::Period>(QStringLiteral("period"),
                                            {{QStringLiteral("day"), EventsSpec::Period::Day},
                                             {QStringLiteral("hour"), EventsSpec::Period::Hour}},
                                            true, EventsSpec::Period::Day);
    e.periodFormat = r.string(QStringLiteral("periodFormat"), true);
    if (!e.periodFormat.contains(QLatin1String("yyyy")))
        r.fail(QStringLiteral("periodFormat"),
               QStringLiteral("expected a date pattern with yyyy (such as \"yyyy-MM-dd\"), got "
                              "\"%1\"")
                   .arg(e.periodFormat));
    e.startSetting = r.string(QStringLiteral("startSetting"), true);
    if (!manifest.setting(e.startSetting))
        r.fail(QStringLiteral("startSetting"),
               QStringLiteral("there is no setting \"%1\"").arg(e.startSetting));
    e.lagHours = r.integer(QStringLiteral("lagHours"), 0, 0, 24 * 7);
    e.lookbackPeriods = r.integer(QStringLiteral("lookbackPeriods"), 0, 0, 24 * 7);
    e.namePath = r.string(QStringLiteral("name"), true);
    e.userPaths = r.strings(QStringLiteral("user"));
    if (e.userPaths.isEmpty())
        r.fail(QStringLiteral("user"), QStringLiteral("expected a list of paths to the user's id"));
    e.timePath = r.string(QStringLiteral("time"), true);
    e.insertIdPath = r.string(QStringLiteral("insertId"), false);
    e.noDataStatus = r.integer(QStringLiteral("noDataStatus"), 0, 0, 599);
    return e;
}

StreamSpec readStream(const Reader &r, const ConnectorManifest &manifest)
{
    r.rejectUnknown({QStringLiteral("name"), QStringLiteral("title"), QStringLiteral("forEach"),
                     QStringLiteral("request"), QStringLiteral("records"),
                     QStringLiteral("recordsFormat"), QStringLiteral("pagination"),
                     QStringLiteral("cursor"), QStringLiteral("filters"), QStringLiteral("target"),
                     QStringLiteral("mapping"), QStringLiteral("hook"), QStringLiteral("events")});
    StreamSpec s;
    s.name = r.string(QStringLiteral("name"), true);
    s.title = r.string(QStringLiteral("title"), false, s.name);
    s.forEach = r.string(QStringLiteral("forEach"), false);
    if (!s.forEach.isEmpty()) {
        const SettingSpec *setting = manifest.setting(s.forEach);
        if (!setting || setting->type != SettingSpec::Type::List)
            r.fail(
                QStringLiteral("forEach"),
                QStringLiteral("expected the name of a list setting, got \"%1\"").arg(s.forEach));
    }
    s.request = readRequest(r.object(QStringLiteral("request"), true));
    s.recordsPath = r.string(QStringLiteral("records"), false);
    s.recordsFormat = r.choice<QString>(QStringLiteral("recordsFormat"),
                                        {{QStringLiteral("json"), QStringLiteral("json")},
                                         {QStringLiteral("ndjson"), QStringLiteral("ndjson")}},
                                        false, QStringLiteral("json"));
    s.events = readEvents(r.object(QStringLiteral("events"), false), manifest);
    if (!s.events.isSet || r.has(QStringLiteral("pagination")))
        s.pagination = readPagination(r.object(QStringLiteral("pagination"), true));
    const Reader cursor = r.object(QStringLiteral("cursor"), false);
    cursor.rejectUnknown({QStringLiteral("field"), QStringLiteral("parameter"),
                          QStringLiteral("exclusive"), QStringLiteral("format"),
                          QStringLiteral("initial"), QStringLiteral("lookbackSeconds"),
                          QStringLiteral("commit")});
    s.cursor.field = cursor.string(QStringLiteral("field"), false);
    s.cursor.parameter = cursor.string(QStringLiteral("parameter"), false);
    s.cursor.exclusive = cursor.boolean(QStringLiteral("exclusive"), false);
    s.cursor.format = cursor.string(QStringLiteral("format"), false, QStringLiteral("iso8601"));
    static const QStringList namedFormats{QStringLiteral("iso8601"), QStringLiteral("epochSeconds"),
                                          QStringLiteral("epochMilliseconds")};
    if (!namedFormats.contains(s.cursor.format) && !s.cursor.format.contains(QLatin1String("yyyy")))
        cursor.fail(QStringLiteral("format"),
                    QStringLiteral("expected iso8601, epochSeconds, epochMilliseconds or a date "
                                   "pattern with yyyy (such as \"yyyy/MM/dd HH:mm\"), got \"%1\"")
                        .arg(s.cursor.format));
    s.cursor.initial = cursor.string(QStringLiteral("initial"), false);
    s.cursor.commitAtEnd = cursor.choice<bool>(
        QStringLiteral("commit"), {{QStringLiteral("page"), false}, {QStringLiteral("end"), true}},
        false, false);
    s.cursor.lookbackSeconds =
        cursor.integer(QStringLiteral("lookbackSeconds"), 0, 0, 31 * 24 * 3600);
    const QJsonArray filters = r.array(QStringLiteral("filters"), false);
    for (int i = 0; i < filters.size(); ++i)
        s.filters.append(readFilter(element(r, QStringLiteral("filters"), filters, i)));

    s.target = r.string(QStringLiteral("target"), true);
    if (s.events.isSet) {
        if (s.target != QLatin1String("feature_usage"))
            r.fail(QStringLiteral("target"),
                   QStringLiteral("a stream with \"events\" fills feature_usage, got \"%1\"")
                       .arg(s.target));
        if (r.has(QStringLiteral("mapping")))
            r.fail(QStringLiteral("mapping"),
                   QStringLiteral("cannot be given with \"events\", which names its fields"));
        return s;
    }
    const auto &targets = ManifestParser::targetColumns();
    if (!targets.contains(s.target))
        r.fail(QStringLiteral("target"),
               QStringLiteral("expected one of %1, got \"%2\"")
                   .arg(targets.keys().join(QStringLiteral(", ")), s.target));
    const Reader mapping = r.object(QStringLiteral("mapping"), true);
    const QStringList columns = targets.value(s.target);
    for (auto it = mapping.json().constBegin(); it != mapping.json().constEnd(); ++it) {
        if (!columns.contains(it.key()))
            mapping.fail(it.key(), QStringLiteral("is not a column of %1 (columns: %2)")
                                       .arg(s.target, columns.join(QStringLiteral(", "))));
        s.mapping.append(readField(mapping, it.key(), it.value()));
    }
    if (!mapping.has(QStringLiteral("external_id")))
        mapping.fail(QStringLiteral("external_id"),
                     QStringLiteral("is required: every record needs the service's own id"));
    s.hook = r.string(QStringLiteral("hook"), false);
    if (!s.hook.isEmpty() && !StreamHooks::contains(s.hook)) {
        const QStringList known = StreamHooks::names();
        r.fail(QStringLiteral("hook"),
               QStringLiteral("there is no hook named \"%1\" (hooks: %2)")
                   .arg(s.hook, known.isEmpty() ? QStringLiteral("none")
                                                : known.join(QStringLiteral(", "))));
    }
    return s;
}

ConnectorManifest readManifest(const Reader &r)
{
    r.rejectUnknown({QStringLiteral("$schema"), QStringLiteral("kind"), QStringLiteral("title"),
                     QStringLiteral("category"), QStringLiteral("description"),
                     QStringLiteral("baseUrl"), QStringLiteral("settings"), QStringLiteral("auth"),
                     QStringLiteral("headers"), QStringLiteral("rateLimit"),
                     QStringLiteral("retry"), QStringLiteral("errorBody"),
                     QStringLiteral("streams")});
    ConnectorManifest m;
    m.kind = r.string(QStringLiteral("kind"), true);
    static const QRegularExpression kindPattern(QStringLiteral("^[a-z][a-z0-9-]*$"));
    if (!kindPattern.match(m.kind).hasMatch())
        r.fail(QStringLiteral("kind"),
               QStringLiteral("expected lower-case letters, digits and -, got \"%1\"").arg(m.kind));
    m.title = r.string(QStringLiteral("title"), true);
    m.category = r.choice<QString>(QStringLiteral("category"),
                                   {{QStringLiteral("product"), QStringLiteral("product")},
                                    {QStringLiteral("engineering"), QStringLiteral("engineering")},
                                    {QStringLiteral("analytics"), QStringLiteral("analytics")},
                                    {QStringLiteral("research"), QStringLiteral("research")},
                                    {QStringLiteral("crm"), QStringLiteral("crm")},
                                    {QStringLiteral("marketing"), QStringLiteral("marketing")},
                                    {QStringLiteral("design"), QStringLiteral("design")},
                                    {QStringLiteral("documents"), QStringLiteral("documents")}},
                                   true, QString());
    m.description = r.string(QStringLiteral("description"), false);
    m.defaultBaseUrl = r.string(QStringLiteral("baseUrl"), true);
    // A base URL may start with a url setting ({settings.instance_url}/services/...).
    static const QRegularExpression leadingSetting(
        QStringLiteral("^\\{settings\\.([A-Za-z0-9_]+)\\}"));
    const QRegularExpressionMatch leading = leadingSetting.match(m.defaultBaseUrl);
    const QUrl base(placeholdersAsText(leading.hasMatch()
                                           ? QString(QStringLiteral("https://placeholder") +
                                                     m.defaultBaseUrl.mid(leading.capturedLength()))
                                           : m.defaultBaseUrl));
    if (!base.isValid() ||
        (base.scheme() != QLatin1String("https") && base.scheme() != QLatin1String("http")))
        r.fail(QStringLiteral("baseUrl"),
               QStringLiteral("expected an http or https URL, got \"%1\"").arg(m.defaultBaseUrl));

    const QJsonArray settings = r.array(QStringLiteral("settings"), false);
    for (int i = 0; i < settings.size(); ++i) {
        SettingSpec s = readSetting(element(r, QStringLiteral("settings"), settings, i));
        if (m.setting(s.name))
            r.fail(QStringLiteral("settings[%1].name").arg(i),
                   QStringLiteral("\"%1\" is declared twice").arg(s.name));
        m.settings.append(s);
    }
    // Per-tenant hosts (Marketo's Munchkin id, Salesforce's instance) come from settings.
    for (const QString &name : settingsNamedIn(m.defaultBaseUrl)) {
        if (!m.setting(name))
            r.fail(
                QStringLiteral("baseUrl"),
                QStringLiteral("names {settings.%1}, which is not a declared setting").arg(name));
    }
    if (leading.hasMatch()) {
        const SettingSpec *spec = m.setting(leading.captured(1));
        if (spec && spec->type != SettingSpec::Type::Url)
            r.fail(QStringLiteral("baseUrl"),
                   QStringLiteral("starts with {settings.%1}, which must then be a url setting")
                       .arg(spec->name));
    }
    m.auth = readAuth(r.object(QStringLiteral("auth"), true));
    for (auto it = m.auth.tokenSettings.constBegin(); it != m.auth.tokenSettings.constEnd(); ++it) {
        if (!m.setting(it.key()))
            r.fail(QStringLiteral("auth.tokenSettings.") + it.key(),
                   QStringLiteral("is not a declared setting"));
    }
    m.headers = r.stringMap(QStringLiteral("headers"));

    const Reader rate = r.object(QStringLiteral("rateLimit"), false);
    rate.rejectUnknown({QStringLiteral("remainingHeader"), QStringLiteral("resetHeader"),
                        QStringLiteral("resetKind")});
    m.rateLimit.remaining =
        rate.string(QStringLiteral("remainingHeader"), false).toLatin1().toLower();
    m.rateLimit.reset = rate.string(QStringLiteral("resetHeader"), false).toLatin1().toLower();
    m.rateLimit.resetKind = rate.choice<RateLimitHeaders::ResetKind>(
        QStringLiteral("resetKind"),
        {{QStringLiteral("epochSeconds"), RateLimitHeaders::ResetKind::EpochSeconds},
         {QStringLiteral("epochMilliseconds"), RateLimitHeaders::ResetKind::EpochMilliseconds},
         {QStringLiteral("secondsFromNow"), RateLimitHeaders::ResetKind::SecondsFromNow}},
        false, RateLimitHeaders::ResetKind::EpochSeconds);

    const Reader retry = r.object(QStringLiteral("retry"), false);
    retry.rejectUnknown({QStringLiteral("maxAttempts"), QStringLiteral("backoffMs"),
                         QStringLiteral("timeoutMs"), QStringLiteral("maxWaitSeconds"),
                         QStringLiteral("maxBodyBytes")});
    m.retry.maxAttempts = retry.integer(QStringLiteral("maxAttempts"), 3, 1, 20);
    m.retry.backoffMs = retry.integer(QStringLiteral("backoffMs"), 1000, 0, 600000);
    m.retry.timeoutMs = retry.integer(QStringLiteral("timeoutMs"), 30000, 100, 3600000);
    m.retry.maxWaitSeconds = retry.integer(QStringLiteral("maxWaitSeconds"), 120, 0, 86400);
    m.retry.maxBodyBytes = qint64(retry.integer(QStringLiteral("maxBodyBytes"), 64 * 1024 * 1024,
                                                1024, std::numeric_limits<int>::max()));

    const Reader errorBody = r.object(QStringLiteral("errorBody"), false);
    errorBody.rejectUnknown({QStringLiteral("codePath"), QStringLiteral("messagePath"),
                             QStringLiteral("authCodes"), QStringLiteral("rateLimitCodes"),
                             QStringLiteral("rateLimitWaitSeconds")});
    if (!errorBody.json().isEmpty()) {
        m.errorBody.codePath = errorBody.string(QStringLiteral("codePath"), true);
        m.errorBody.messagePath = errorBody.string(QStringLiteral("messagePath"), false);
        m.errorBody.authCodes = errorBody.strings(QStringLiteral("authCodes"));
        m.errorBody.rateLimitCodes = errorBody.strings(QStringLiteral("rateLimitCodes"));
        m.errorBody.rateLimitWaitSeconds =
            errorBody.integer(QStringLiteral("rateLimitWaitSeconds"), 20, 0, 86400);
    }

    const QJsonArray streams = r.array(QStringLiteral("streams"), true);
    if (streams.isEmpty())
        r.fail(QStringLiteral("streams"), QStringLiteral("expected at least one stream"));
    for (int i = 0; i < streams.size(); ++i) {
        StreamSpec s = readStream(element(r, QStringLiteral("streams"), streams, i), m);
        if (m.stream(s.name))
            r.fail(QStringLiteral("streams[%1].name").arg(i),
                   QStringLiteral("\"%1\" is declared twice").arg(s.name));
        m.streams.append(s);
    }
    return m;
}

} // namespace

ManifestParser::Result ManifestParser::parse(const QByteArray &json, const QString &fileName)
{
    Result result;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        result.error = QObject::tr("%1: not valid JSON at offset %2: %3")
                           .arg(fileName)
                           .arg(parseError.offset)
                           .arg(parseError.errorString());
        return result;
    }
    if (!document.isObject()) {
        result.error = QObject::tr("%1: expected a JSON object at the top").arg(fileName);
        return result;
    }
    try {
        ConnectorManifest manifest = readManifest(Reader(document.object(), QString()));
        manifest.fileName = fileName;
        result.manifest = std::move(manifest);
    } catch (const ManifestError &e) {
        result.error = QObject::tr("%1: %2: %3").arg(fileName, e.field, e.message);
    }
    return result;
}

const QMap<QString, QStringList> &ManifestParser::targetColumns()
{
    static const QMap<QString, QStringList> columns = {
        {QStringLiteral("features"),
         {QStringLiteral("external_id"), QStringLiteral("name"), QStringLiteral("description"),
          QStringLiteral("status"), QStringLiteral("release_date"), QStringLiteral("url"),
          QStringLiteral("updated_at")}},
        {QStringLiteral("releases"),
         {QStringLiteral("external_id"), QStringLiteral("name"), QStringLiteral("version"),
          QStringLiteral("released_at"), QStringLiteral("url"), QStringLiteral("updated_at")}},
        {QStringLiteral("work_items"),
         {QStringLiteral("external_id"), QStringLiteral("title"), QStringLiteral("kind"),
          QStringLiteral("state"), QStringLiteral("points"), QStringLiteral("assignee"),
          QStringLiteral("created_at"), QStringLiteral("started_at"), QStringLiteral("resolved_at"),
          QStringLiteral("url"), QStringLiteral("updated_at"), QStringLiteral("project"),
          QStringLiteral("feature_ref"), QStringLiteral("release_ref"), QStringLiteral("sprint")}},
        {QStringLiteral("users"),
         {QStringLiteral("external_id"), QStringLiteral("email"), QStringLiteral("name"),
          QStringLiteral("first_seen_at"), QStringLiteral("company_ref")}},
        {QStringLiteral("feedback"),
         {QStringLiteral("external_id"), QStringLiteral("author"), QStringLiteral("title"),
          QStringLiteral("body"), QStringLiteral("score"), QStringLiteral("score_kind"),
          QStringLiteral("channel"), QStringLiteral("url"), QStringLiteral("created_at"),
          QStringLiteral("updated_at"), QStringLiteral("feature_ref"),
          QStringLiteral("company_ref")}},
        {QStringLiteral("sales_opportunities"),
         {QStringLiteral("external_id"), QStringLiteral("name"), QStringLiteral("stage"),
          QStringLiteral("is_closed"), QStringLiteral("is_won"), QStringLiteral("deal_size"),
          QStringLiteral("currency"), QStringLiteral("close_date"), QStringLiteral("updated_at"),
          QStringLiteral("company_ref")}},
        {QStringLiteral("campaigns"),
         {QStringLiteral("external_id"), QStringLiteral("name"), QStringLiteral("type"),
          QStringLiteral("status"), QStringLiteral("start_date"), QStringLiteral("end_date"),
          QStringLiteral("product_launch"), QStringLiteral("updated_at")}},
        {QStringLiteral("documents"),
         {QStringLiteral("external_id"), QStringLiteral("kind"), QStringLiteral("title"),
          QStringLiteral("url"), QStringLiteral("updated_at"), QStringLiteral("container"),
          QStringLiteral("created_at")}},
        {QStringLiteral("pipelines"),
         {QStringLiteral("external_id"), QStringLiteral("project"), QStringLiteral("ref"),
          QStringLiteral("status"), QStringLiteral("created_at"), QStringLiteral("started_at"),
          QStringLiteral("finished_at"), QStringLiteral("duration_seconds"), QStringLiteral("url"),
          QStringLiteral("updated_at")}},
        // Not a table of its own: each record is filed in company_sources and matched to a
        // shared company by domain, else by name (see CompanyLinker).
        {QStringLiteral("companies"),
         {QStringLiteral("external_id"), QStringLiteral("name"), QStringLiteral("domain"),
          QStringLiteral("updated_at")}},
    };
    return columns;
}
