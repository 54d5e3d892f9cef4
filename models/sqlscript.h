#pragma once

#include <QStringList>

// Splits a SQL script into single statements, since Qt's SQL drivers run one at a time.
// Understands quotes, comments and CREATE TRIGGER ... BEGIN ... END bodies.
namespace SqlScript {

QStringList split(const QString &script);

} // namespace SqlScript
