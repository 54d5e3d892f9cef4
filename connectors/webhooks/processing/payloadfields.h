#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QVariant>

// Reads a payload's fields by dotted path, remembering the first required field that is
// missing or of the wrong type, so a mapper fails with an error that names it.
class PayloadFields
{
public:
    explicit PayloadFields(const QJsonValue &root);

    QJsonValue value(const QString &path) const;
    bool has(const QString &path) const;

    // Required fields: a missing or mistyped one is remembered in error().
    QJsonObject object(const QString &path);
    QString id(const QString &path);   // a string or an integral number, as text
    QString text(const QString &path); // a non-empty string

    // Optional fields: a null/missing value gives an empty or invalid result.
    QString optionalText(const QString &path) const;
    QString optionalId(const QString &path) const;
    // The first of paths with a value, as the workspace stores timestamps (or a null).
    QVariant timestamp(std::initializer_list<const char *> paths) const;
    QVariant day(std::initializer_list<const char *> paths) const;
    QVariant number(const QString &path) const;
    QVariant firstText(std::initializer_list<const char *> paths) const;
    // The object at path as compact JSON, packed as the raw column stores it.
    QVariant raw(const QString &path = {}) const;

    bool ok() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }

    static QDateTime parseTime(const QJsonValue &value);

private:
    void fail(const QString &path, const QString &problem);

    QJsonValue m_root;
    QString m_error;
};
