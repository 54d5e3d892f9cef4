#pragma once

#include <QString>

// The application's log: every Qt message (qDebug, qWarning, the hub.* categories ...) is
// redacted (LogRedaction), appended to <folder>/product-hub.log with a timestamp, and passed
// on, redacted, to the handler that was installed before (the terminal).
// The file is capped at MaxBytes, and MaxFiles older files are kept beside it.
namespace MessageLog {

inline constexpr qint64 MaxBytes = 1024 * 1024;
inline constexpr int MaxFiles = 4;

// Installs the handler. Returns false (and logs to the terminal only) when the folder cannot
// be written.
bool install(const QString &folder, qint64 maxBytes = MaxBytes, int keep = MaxFiles);
// Puts the previous handler back and closes the file.
void uninstall();
// The file being written, empty when not installed.
QString currentFile();

} // namespace MessageLog
