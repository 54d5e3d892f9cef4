#include "rotatinglogfile.h"

#include <QDir>
#include <QMutexLocker>

RotatingLogFile::RotatingLogFile(const QString &folder, const QString &baseName, qint64 maxBytes,
                                 int keep)
    : m_folder(folder)
    , m_baseName(baseName)
    , m_maxBytes(maxBytes)
    , m_keep(keep)
{
}

QString RotatingLogFile::path() const
{
    return m_folder + QLatin1Char('/') + m_baseName + QStringLiteral(".log");
}

QString RotatingLogFile::rotatedPath(int index) const
{
    return path() + QLatin1Char('.') + QString::number(index);
}

bool RotatingLogFile::openCurrent()
{
    if (m_file.isOpen())
        return true;
    if (!QDir().mkpath(m_folder))
        return false;
    m_file.setFileName(path());
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text))
        return false;
    // Paths and names of workspaces appear in the log: for the user's eyes only.
    m_file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return true;
}

void RotatingLogFile::rotate()
{
    m_file.close();
    QFile::remove(rotatedPath(m_keep));
    for (int index = m_keep - 1; index >= 1; --index)
        QFile::rename(rotatedPath(index), rotatedPath(index + 1));
    if (m_keep > 0)
        QFile::rename(path(), rotatedPath(1));
    else
        QFile::remove(path());
}

bool RotatingLogFile::write(const QString &line)
{
    const QByteArray bytes = line.toUtf8() + '\n';
    QMutexLocker locker(&m_mutex);
    if (!openCurrent())
        return false;
    if (m_file.size() > 0 && m_file.size() + bytes.size() > m_maxBytes) {
        rotate();
        if (!openCurrent())
            return false;
    }
    // A single line longer than the whole file is cut rather than dropped.
    const QByteArray kept = bytes.size() > m_maxBytes ? bytes.left(m_maxBytes - 1) + '\n' : bytes;
    if (m_file.write(kept) != kept.size())
        return false;
    return m_file.flush();
}
