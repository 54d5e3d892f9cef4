#pragma once

#include <QColor>
#include <QIcon>
#include <QString>

// A simple coloured mark per connector: the category's colour with the service's initial,
// drawn at every size so it stays sharp at 200% scaling.
namespace KindIcon {

QColor categoryColor(const QString &category);
QIcon forKind(const QString &title, const QString &category);

} // namespace KindIcon
