#include "jsonrecord.h"

#include <QJsonArray>
#include <QJsonObject>

#include <cstring>

namespace {

QJsonValue convert(simdjson::dom::element element)
{
    using Type = simdjson::dom::element_type;
    switch (element.type()) {
    case Type::ARRAY: {
        QJsonArray array;
        for (simdjson::dom::element item : simdjson::dom::array(element))
            array.append(convert(item));
        return array;
    }
    case Type::OBJECT: {
        QJsonObject object;
        for (const simdjson::dom::key_value_pair field : simdjson::dom::object(element)) {
            object.insert(QString::fromUtf8(field.key.data(), qsizetype(field.key.size())),
                          convert(field.value));
        }
        return object;
    }
    case Type::STRING: {
        const std::string_view text = std::string_view(element);
        return QString::fromUtf8(text.data(), qsizetype(text.size()));
    }
    case Type::INT64:
        return qint64(int64_t(element));
    case Type::UINT64:
        return double(uint64_t(element));
    case Type::DOUBLE:
        return double(element);
    case Type::BOOL:
        return bool(element);
    case Type::NULL_VALUE:
        return QJsonValue(QJsonValue::Null);
    }
    return QJsonValue(QJsonValue::Undefined);
}

// One key or index step; false when the element has no such member.
template<typename Step>
bool stepInto(simdjson::dom::element element, const Step &step, simdjson::dom::element *next)
{
    if (step.kind == Step::Kind::Key) {
        return element.type() == simdjson::dom::element_type::OBJECT &&
               simdjson::dom::object(element).at_key(step.key).get(*next) == simdjson::SUCCESS;
    }
    return element.type() == simdjson::dom::element_type::ARRAY &&
           simdjson::dom::array(element).at(size_t(step.index)).get(*next) == simdjson::SUCCESS;
}

QJsonValue walk(simdjson::dom::element element, const auto &steps, size_t from)
{
    using Kind = std::decay_t<decltype(steps[0])>::Kind;
    for (size_t i = from; i < steps.size(); ++i) {
        const auto &step = steps[i];
        if (step.kind != Kind::EachElement) {
            simdjson::dom::element next;
            if (!stepInto(element, step, &next))
                return QJsonValue(QJsonValue::Undefined);
            element = next;
            continue;
        }
        if (element.type() != simdjson::dom::element_type::ARRAY)
            return QJsonValue(QJsonValue::Undefined);
        QJsonArray out;
        for (simdjson::dom::element item : simdjson::dom::array(element)) {
            const QJsonValue v = walk(item, steps, i + 1);
            if (v.isArray()) {
                for (const QJsonValue &inner : v.toArray())
                    out.append(inner);
            } else if (!v.isUndefined() && !v.isNull()) {
                out.append(v);
            }
        }
        return out;
    }
    return convert(element);
}

} // namespace

JsonPath::JsonPath(const QString &path)
    : m_text(path)
{
    QStringView rest(path);
    if (rest == QLatin1String("$"))
        rest = {};
    if (rest.startsWith(QLatin1String("$.")))
        rest = rest.mid(2);
    while (!rest.isEmpty()) {
        if (rest.startsWith(QLatin1Char('.'))) {
            rest = rest.mid(1);
            continue;
        }
        if (rest.startsWith(QLatin1Char('['))) {
            const qsizetype close = rest.indexOf(QLatin1Char(']'));
            const QStringView index = close < 0 ? rest.mid(1) : rest.mid(1, close - 1);
            Step step;
            if (index.isEmpty()) {
                step.kind = Step::Kind::EachElement;
            } else {
                step.kind = Step::Kind::Index;
                bool ok = false;
                step.index = index.toLongLong(&ok);
                if (!ok)
                    step.index = -1; // never matches
            }
            m_steps.push_back(step);
            rest = close < 0 ? QStringView() : rest.mid(close + 1);
            continue;
        }
        qsizetype end = 0;
        while (end < rest.size() && rest.at(end) != QLatin1Char('.') &&
               rest.at(end) != QLatin1Char('['))
            ++end;
        Step step;
        step.key = rest.left(end).toUtf8().toStdString();
        m_steps.push_back(step);
        rest = rest.mid(end);
    }
}

JsonRecord::JsonRecord(simdjson::dom::element element)
    : m_element(element)
    , m_valid(true)
{
}

bool JsonRecord::isObject() const
{
    return m_valid && m_element.type() == simdjson::dom::element_type::OBJECT;
}

QJsonValue JsonRecord::value(const JsonPath &path) const
{
    if (!m_valid)
        return QJsonValue(QJsonValue::Undefined);
    return walk(m_element, path.m_steps, 0);
}

JsonRecord JsonRecord::find(const JsonPath &path) const
{
    if (!m_valid)
        return {};
    simdjson::dom::element element = m_element;
    for (const auto &step : path.m_steps) {
        simdjson::dom::element next;
        if (step.kind == JsonPath::Step::Kind::EachElement || !stepInto(element, step, &next))
            return {};
        element = next;
    }
    return JsonRecord(element);
}

QJsonValue JsonRecord::toJson() const
{
    return m_valid ? convert(m_element) : QJsonValue(QJsonValue::Undefined);
}

JsonDocument::JsonDocument()
    : m_parser(std::make_unique<simdjson::dom::parser>())
{
}

JsonDocument::~JsonDocument() = default;

bool JsonDocument::parse(QByteArrayView json, QString *error)
{
    m_root = JsonRecord();
    simdjson::dom::element root;
    // The SIMD reader needs readable padding after the text.
    const qsizetype needed = json.size() + qsizetype(simdjson::SIMDJSON_PADDING);
    if (m_padded.size() < needed)
        m_padded.resize(qMax(needed, m_padded.size() * 2));
    memcpy(m_padded.data(), json.data(), size_t(json.size()));
    memset(m_padded.data() + json.size(), 0, simdjson::SIMDJSON_PADDING);
    const simdjson::error_code code =
        m_parser->parse(m_padded.constData(), size_t(json.size()), false).get(root);
    if (code != simdjson::SUCCESS) {
        *error = QString::fromUtf8(simdjson::error_message(code));
        return false;
    }
    m_root = JsonRecord(root);
    return true;
}
