#pragma once

#include <QStringList>

// The canonical tables of a workspace, in the order reports list them.
namespace CanonicalTables {

QStringList all();

// Tables filled by connectors, unique on (source_id, external_id).
QStringList synced();

} // namespace CanonicalTables
