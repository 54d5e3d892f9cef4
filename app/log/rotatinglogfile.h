#pragma once

#include <QFile>
#include <QMutex>
#include <QString>

// A log file that never grows past a size: when the next line would not fit, name.log becomes
// name.log.1 (name.log.1 becomes name.log.2, ...) and the oldest beyond `keep` is deleted.
// Safe to write from several threads.
class RotatingLogFile
{
public:
    RotatingLogFile(const QString &folder, const QString &baseName, qint64 maxBytes, int keep);

    // Appends one line (a newline is added) and flushes it, so a crash loses nothing written.
    bool write(const QString &line);

    QString path() const;
    QString folder() const { return m_folder; }

private:
    bool openCurrent();
    void rotate();
    QString rotatedPath(int index) const;

    QString m_folder;
    QString m_baseName;
    qint64 m_maxBytes;
    int m_keep;
    QFile m_file;
    QMutex m_mutex;
};
