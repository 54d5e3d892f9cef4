#pragma once

#include <QByteArrayView>
#include <QJsonValue>
#include <QString>

#include <simdjson.h>

#include <memory>
#include <string>
#include <vector>

// A field path as manifests write them: "user.login", "fields.customfield_10016",
// "labels[].name" (one value per array element), "items[0].id"; empty or "$" for the value
// itself. Compiled once per stream, then used for every record.
class JsonPath
{
public:
    JsonPath() = default;
    explicit JsonPath(const QString &path);

    const QString &text() const { return m_text; }

private:
    friend class JsonRecord;
    struct Step
    {
        enum class Kind { Key, Index, EachElement } kind = Kind::Key;
        std::string key;
        qsizetype index = 0;
    };

    QString m_text;
    std::vector<Step> m_steps;
};

// A JSON value inside a parsed response, read in place: only the fields a mapping asks for
// are turned into Qt values. Valid as long as the JsonDocument it came from.
class JsonRecord
{
public:
    JsonRecord() = default;
    explicit JsonRecord(simdjson::dom::element element);

    bool isValid() const { return m_valid; }
    bool isObject() const;
    // The value at the path, undefined when a step is missing; objects and arrays are
    // converted whole.
    QJsonValue value(const JsonPath &path) const;
    QJsonValue value(const QString &path) const { return value(JsonPath(path)); }
    // The value at a path of keys and indexes, in place and without converting it; invalid
    // when a step is missing or the path projects over an array ("[]").
    JsonRecord find(const JsonPath &path) const;
    QJsonValue toJson() const;
    simdjson::dom::element element() const { return m_element; }

private:
    simdjson::dom::element m_element;
    bool m_valid = false;
};

// A parsed JSON text. The parser keeps its buffers between documents, so one JsonDocument
// reused page after page allocates once. Parsing again invalidates the previous records.
class JsonDocument
{
public:
    JsonDocument();
    ~JsonDocument();

    bool parse(QByteArrayView json, QString *error);
    JsonRecord root() const { return m_root; }

private:
    std::unique_ptr<simdjson::dom::parser> m_parser;
    QByteArray m_padded; // reused: a fresh buffer per page costs page faults, not just a copy
    JsonRecord m_root;
};
