#pragma once

class QApplication;
class QColor;

// The application's look: Fusion with our own light or dark palette and one accent colour.
namespace Theme {

// Follows the system's colour scheme as the platform reports it at start.
void apply(QApplication &app);
bool isDark();
QColor accent();

} // namespace Theme
