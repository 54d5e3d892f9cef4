#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

// Finds the bytes of each element of the JSON array at a path of object keys ("data.items";
// empty for a body that is the array itself), without parsing the values. This keeps each
// record exactly as the service sent it, cheaply. Returns false when the text does not have
// an array there (the caller then reports what the parser says).
namespace JsonSlices {

bool arrayElements(QByteArrayView json, const QString &path, QList<QByteArrayView> *elements);

} // namespace JsonSlices
