#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QVariant>

// A synced record as the service sent it, kept in the `raw` column so a mapping fix can be
// re-applied without a re-sync. Stored compressed (zstd): raw JSON is most of a workspace's
// size and of what a sync writes, and it compresses several times over.
namespace RawJson {

// The compressed form, as a BLOB value for the raw column.
QByteArray pack(QByteArrayView json);
// The JSON text of a raw column's value, whether packed or stored as plain text.
QByteArray unpack(const QVariant &stored);

} // namespace RawJson
