#pragma once

#include <QJsonValue>
#include <QString>

// Field paths as manifests write them: "user.login", "fields.customfield_10016",
// "labels[].name" (one value per array element), "items[0].id". An empty path or "$" is the
// value itself. A missing step gives an undefined value, never an error.
namespace JsonPath {

QJsonValue get(const QJsonValue &root, const QString &path);

} // namespace JsonPath
