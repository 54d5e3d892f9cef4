#include "planjson.h"

#include "isodate.h"
#include "planstore.h"
#include "plantemplate.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

namespace Launch::PlanJson {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Launch::PlanJson", text);
}

QJsonValue dayValue(const QDate &date)
{
    return date.isValid() ? QJsonValue(IsoDate::day(date)) : QJsonValue(QJsonValue::Null);
}

QJsonValue timeValue(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(IsoDate::timestamp(time)) : QJsonValue(QJsonValue::Null);
}

QJsonObject itemObject(const PlanItem &item)
{
    return {{QStringLiteral("id"), item.id},
            {QStringLiteral("kind"), kindName(item.kind)},
            {QStringLiteral("name"), item.name},
            {QStringLiteral("owner"), item.owner},
            {QStringLiteral("description"), item.description},
            {QStringLiteral("parentId"), item.parentId},
            {QStringLiteral("start"), dayValue(item.start)},
            {QStringLiteral("end"), dayValue(item.end)},
            {QStringLiteral("progress"), item.progress},
            {QStringLiteral("critical"), item.critical},
            {QStringLiteral("done"), item.done},
            {QStringLiteral("baselineStart"), dayValue(item.baselineStart)},
            {QStringLiteral("baselineEnd"), dayValue(item.baselineEnd)}};
}

// Reads fields by path, and names the first one missing or of the wrong type.
class Reader
{
public:
    explicit Reader(QString *error)
        : m_error(error)
    {
    }

    bool failed() const { return m_failed; }

    QJsonValue value(const QJsonObject &object, const QString &path, const QString &key,
                     QJsonValue::Type type, bool required = true)
    {
        const QJsonValue found = object.value(key);
        if (m_failed)
            return {};
        const QString name = path.isEmpty() ? key : path + QLatin1Char('.') + key;
        if (found.isUndefined() || found.isNull()) {
            if (required)
                fail(tr("The file has no \"%1\".").arg(name));
            return {};
        }
        if (found.type() != type) {
            fail(tr("The file's \"%1\" is not %2.").arg(name, typeName(type)));
            return {};
        }
        return found;
    }
    QString text(const QJsonObject &object, const QString &path, const QString &key,
                 bool required = true)
    {
        return value(object, path, key, QJsonValue::String, required).toString();
    }
    QDate day(const QJsonObject &object, const QString &path, const QString &key,
              bool required = true)
    {
        const QString found = text(object, path, key, required);
        if (m_failed || found.isEmpty())
            return {};
        const QDate date = QDate::fromString(found, Qt::ISODate);
        if (!date.isValid())
            fail(tr("The file's \"%1.%2\" is not a date (YYYY-MM-DD): %3").arg(path, key, found));
        return date;
    }
    QDateTime time(const QJsonObject &object, const QString &path, const QString &key)
    {
        const QString found = text(object, path, key, false);
        return found.isEmpty() ? QDateTime() : IsoDate::parse(found);
    }
    QStringList list(const QJsonObject &object, const QString &path, const QString &key)
    {
        QStringList values;
        for (const QJsonValue &entry : value(object, path, key, QJsonValue::Array, false).toArray())
            values.append(entry.toString());
        return values;
    }
    void fail(const QString &message)
    {
        if (!m_failed)
            *m_error = message;
        m_failed = true;
    }

private:
    static QString typeName(QJsonValue::Type type)
    {
        switch (type) {
        case QJsonValue::String:
            return tr("text");
        case QJsonValue::Double:
            return tr("a number");
        case QJsonValue::Bool:
            return tr("true or false");
        case QJsonValue::Array:
            return tr("a list");
        case QJsonValue::Object:
            return tr("an object");
        default:
            return tr("a value");
        }
    }

    QString *m_error;
    bool m_failed = false;
};

std::optional<QJsonObject> planObject(const QByteArray &data, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = tr("The file is not valid JSON: %1 at character %2.")
                     .arg(parseError.errorString())
                     .arg(parseError.offset);
        return std::nullopt;
    }
    if (!document.isObject()) {
        *error = tr("The file is not a launch plan: it holds no JSON object.");
        return std::nullopt;
    }
    const QJsonObject root = document.object();
    Reader reader(error);
    const QString format = reader.text(root, QString(), QStringLiteral("format"));
    const QJsonValue version =
        reader.value(root, QString(), QStringLiteral("version"), QJsonValue::Double);
    if (reader.failed())
        return std::nullopt;
    if (format != QLatin1String(FormatName)) {
        *error = tr("The file is not a launch plan: its format is \"%1\", not \"%2\".")
                     .arg(format, QLatin1String(FormatName));
        return std::nullopt;
    }
    if (version.toInt() > FormatVersion) {
        *error = tr("The file uses launch plan format version %1, newer than this version of "
                    "Product Hub reads (up to %2). Update Product Hub to import it.")
                     .arg(version.toInt())
                     .arg(FormatVersion);
        return std::nullopt;
    }
    if (version.toInt() < 1) {
        *error = tr("The file's format version %1 is not valid.").arg(version.toInt());
        return std::nullopt;
    }
    const QJsonValue plan =
        reader.value(root, QString(), QStringLiteral("plan"), QJsonValue::Object);
    if (reader.failed())
        return std::nullopt;
    return plan.toObject();
}

} // namespace

QByteArray toJson(const LaunchPlan &plan, const LaunchContext *context)
{
    QJsonArray features;
    for (qint64 id : plan.featureIds) {
        QJsonObject feature{{QStringLiteral("id"), id}};
        const LaunchFeature *known = context ? context->feature(id) : nullptr;
        feature.insert(QStringLiteral("name"), known ? known->name : QString());
        if (known && known->releaseDate.isValid())
            feature.insert(QStringLiteral("releaseDate"), IsoDate::day(known->releaseDate));
        if (context && context->messaging.contains(id)) {
            const FeatureMessaging messaging = context->messaging.value(id);
            feature.insert(QStringLiteral("messaging"),
                           QJsonObject{{QStringLiteral("messaging"), messaging.messaging},
                                       {QStringLiteral("positioning"), messaging.positioning},
                                       {QStringLiteral("keyBenefits"),
                                        QJsonArray::fromStringList(messaging.keyBenefits)}});
        }
        features.append(feature);
    }
    QJsonArray items;
    for (const PlanItem &item : plan.items)
        items.append(itemObject(item));
    QJsonArray dependencies;
    for (const Dependency &dependency : plan.dependencies) {
        dependencies.append(
            QJsonObject{{QStringLiteral("id"), dependency.id},
                        {QStringLiteral("from"), dependency.fromId},
                        {QStringLiteral("to"), dependency.toId},
                        {QStringLiteral("type"), dependencyTypeName(dependency.type)},
                        {QStringLiteral("description"), dependency.description}});
    }
    const QJsonObject planObject{
        {QStringLiteral("id"), plan.id},
        {QStringLiteral("product"), plan.product},
        {QStringLiteral("name"), plan.name},
        {QStringLiteral("launchDate"), dayValue(plan.launchDate)},
        {QStringLiteral("status"), plan.status},
        {QStringLiteral("audiences"), QJsonArray::fromStringList(plan.audiences)},
        {QStringLiteral("channels"), QJsonArray::fromStringList(plan.channels)},
        {QStringLiteral("createdAt"), timeValue(plan.createdAt)},
        {QStringLiteral("updatedAt"), timeValue(plan.updatedAt)},
        {QStringLiteral("features"), features},
        {QStringLiteral("items"), items},
        {QStringLiteral("dependencies"), dependencies}};
    const QJsonObject root{
        {QStringLiteral("format"), QLatin1String(FormatName)},
        {QStringLiteral("version"), FormatVersion},
        {QStringLiteral("exportedAt"), IsoDate::timestamp(QDateTime::currentDateTimeUtc())},
        {QStringLiteral("plan"), planObject}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

std::optional<LaunchPlan> fromJson(const QByteArray &data, QString *error)
{
    const std::optional<QJsonObject> object = planObject(data, error);
    if (!object)
        return std::nullopt;
    Reader reader(error);
    const QString top = QStringLiteral("plan");
    LaunchPlan plan;
    plan.id = qint64(
        reader.value(*object, top, QStringLiteral("id"), QJsonValue::Double, false).toDouble());
    plan.product = reader.text(*object, top, QStringLiteral("product"));
    plan.name = reader.text(*object, top, QStringLiteral("name"));
    plan.launchDate = reader.day(*object, top, QStringLiteral("launchDate"));
    plan.status = reader.text(*object, top, QStringLiteral("status"), false);
    plan.audiences = reader.list(*object, top, QStringLiteral("audiences"));
    plan.channels = reader.list(*object, top, QStringLiteral("channels"));
    plan.createdAt = reader.time(*object, top, QStringLiteral("createdAt"));
    plan.updatedAt = reader.time(*object, top, QStringLiteral("updatedAt"));

    const QJsonArray features =
        reader.value(*object, top, QStringLiteral("features"), QJsonValue::Array).toArray();
    for (qsizetype i = 0; i < features.size() && !reader.failed(); ++i) {
        const QString path = QStringLiteral("plan.features[%1]").arg(i);
        plan.featureIds.append(qint64(
            reader.value(features.at(i).toObject(), path, QStringLiteral("id"), QJsonValue::Double)
                .toDouble()));
    }

    const QJsonArray items =
        reader.value(*object, top, QStringLiteral("items"), QJsonValue::Array).toArray();
    for (qsizetype i = 0; i < items.size() && !reader.failed(); ++i) {
        const QJsonObject o = items.at(i).toObject();
        const QString path = QStringLiteral("plan.items[%1]").arg(i);
        PlanItem item;
        item.id = reader.value(o, path, QStringLiteral("id"), QJsonValue::Double).toInt();
        const QString kind = reader.text(o, path, QStringLiteral("kind"));
        if (!reader.failed() && !kindNamed(kind))
            reader.fail(tr("The file's \"%1.kind\" is \"%2\", not phase, task or milestone.")
                            .arg(path, kind));
        item.kind = kindNamed(kind).value_or(ItemKind::Task);
        item.name = reader.text(o, path, QStringLiteral("name"));
        item.owner = reader.text(o, path, QStringLiteral("owner"), false);
        item.description = reader.text(o, path, QStringLiteral("description"), false);
        item.parentId =
            reader.value(o, path, QStringLiteral("parentId"), QJsonValue::Double, false).toInt();
        item.start = reader.day(o, path, QStringLiteral("start"));
        item.end = reader.day(o, path, QStringLiteral("end"));
        item.progress =
            reader.value(o, path, QStringLiteral("progress"), QJsonValue::Double, false).toDouble();
        item.critical =
            reader.value(o, path, QStringLiteral("critical"), QJsonValue::Bool, false).toBool();
        item.done = reader.value(o, path, QStringLiteral("done"), QJsonValue::Bool, false).toBool();
        item.baselineStart = reader.day(o, path, QStringLiteral("baselineStart"), false);
        item.baselineEnd = reader.day(o, path, QStringLiteral("baselineEnd"), false);
        plan.items.append(item);
    }

    const QJsonArray dependencies =
        reader.value(*object, top, QStringLiteral("dependencies"), QJsonValue::Array).toArray();
    for (qsizetype i = 0; i < dependencies.size() && !reader.failed(); ++i) {
        const QJsonObject o = dependencies.at(i).toObject();
        const QString path = QStringLiteral("plan.dependencies[%1]").arg(i);
        Dependency dependency;
        dependency.id = reader.value(o, path, QStringLiteral("id"), QJsonValue::Double).toInt();
        dependency.fromId =
            reader.value(o, path, QStringLiteral("from"), QJsonValue::Double).toInt();
        dependency.toId = reader.value(o, path, QStringLiteral("to"), QJsonValue::Double).toInt();
        const QString type = reader.text(o, path, QStringLiteral("type"));
        if (!reader.failed() && !dependencyTypeNamed(type))
            reader.fail(tr("The file's \"%1.type\" is \"%2\", not approval, resource or "
                           "timeline.")
                            .arg(path, type));
        dependency.type = dependencyTypeNamed(type).value_or(DependencyType::Timeline);
        dependency.description = reader.text(o, path, QStringLiteral("description"), false);
        plan.dependencies.append(dependency);
    }
    if (reader.failed())
        return std::nullopt;
    if (const QString problem = PlanStore::problem(plan); !problem.isEmpty()) {
        *error = tr("The file's plan cannot be used: %1").arg(problem);
        return std::nullopt;
    }
    return plan;
}

QHash<qint64, QString> featureNames(const QByteArray &data)
{
    QHash<qint64, QString> names;
    QString ignored;
    const std::optional<QJsonObject> object = planObject(data, &ignored);
    if (!object)
        return names;
    for (const QJsonValue &feature : object->value(QStringLiteral("features")).toArray()) {
        const QJsonObject o = feature.toObject();
        names.insert(qint64(o.value(QStringLiteral("id")).toDouble()),
                     o.value(QStringLiteral("name")).toString());
    }
    return names;
}

std::optional<ImportResult> importPlan(const QSqlDatabase &db, const QByteArray &data,
                                       QString *error)
{
    std::optional<LaunchPlan> plan = fromJson(data, error);
    if (!plan)
        return std::nullopt;
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT id, name FROM features"))) {
        *error = query.lastError().text();
        return std::nullopt;
    }
    QHash<qint64, QString> workspaceNames;
    QHash<QString, qint64> idsByName;
    while (query.next()) {
        const qint64 id = query.value(0).toLongLong();
        const QString name = query.value(1).toString();
        workspaceNames.insert(id, name);
        if (!idsByName.contains(name.toCaseFolded()))
            idsByName.insert(name.toCaseFolded(), id);
    }

    ImportResult result;
    const QHash<qint64, QString> fileNames = featureNames(data);
    QList<qint64> featureIds;
    for (qint64 id : std::as_const(plan->featureIds)) {
        const QString name = fileNames.value(id);
        qint64 match = 0;
        if (workspaceNames.contains(id) &&
            (name.isEmpty() || workspaceNames.value(id).compare(name, Qt::CaseInsensitive) == 0))
            match = id;
        else if (!name.isEmpty())
            match = idsByName.value(name.toCaseFolded());
        if (match != 0 && !featureIds.contains(match)) {
            featureIds.append(match);
            continue;
        }
        result.notes.append(
            tr("The feature \"%1\" is not in this workspace; the plan was imported without it.")
                .arg(name.isEmpty() ? QString::number(id) : name));
    }
    plan->featureIds = featureIds;
    plan->id = 0;
    plan->createdAt = QDateTime();

    PlanStore store(db);
    if (!store.save(*plan, error))
        return std::nullopt;
    result.plan = *plan;
    return result;
}

} // namespace Launch::PlanJson
