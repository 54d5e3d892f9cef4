#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <functional>

// Reads a ZIP archive held in memory: its central directory, and the contents of entries
// stored as they are or compressed with deflate (the two methods export files use), checked
// against their CRC-32. ZIP64 sizes and offsets are understood; encryption and multi-disk
// archives are not. Services hand out exports as ZIP files, so every size is treated as
// hostile: an entry is never inflated past its declared size or past the reader's limit,
// which keeps a small archive from expanding into gigabytes.
class ZipReader
{
public:
    struct Entry
    {
        QString name;
        quint16 method = 0; // 0 stored, 8 deflate
        quint16 flags = 0;
        quint32 crc32 = 0;
        quint64 compressedSize = 0;
        quint64 size = 0; // uncompressed, as the archive declares it
        quint64 localHeaderOffset = 0;

        bool isDirectory() const { return name.endsWith(QLatin1Char('/')); }
    };

    struct Limits
    {
        qint64 maxEntryBytes = qint64(512) * 1024 * 1024; // uncompressed, per entry
        int maxEntries = 100000;
    };

    // Receives an entry's contents piece by piece; returning false stops the reading.
    using Sink = std::function<bool(QByteArrayView chunk)>;

    explicit ZipReader(QByteArray archive);
    ZipReader(QByteArray archive, Limits limits);

    // Reads the central directory. False with a message saying what is wrong when the data
    // is not a ZIP archive, is cut short, or is inconsistent.
    bool open(QString *error);
    const QList<Entry> &entries() const { return m_entries; }
    // The entry with this exact name, or nullptr.
    const Entry *find(const QString &name) const;

    // Hands the entry's uncompressed contents to sink in pieces of at most chunkBytes, so
    // that a large entry can be consumed without holding it whole.
    bool read(const Entry &entry, const Sink &sink, QString *error) const;
    // The entry's contents whole.
    bool readAll(const Entry &entry, QByteArray *contents, QString *error) const;

    static constexpr qsizetype chunkBytes = 256 * 1024;

private:
    bool readEndRecord(quint64 *directoryOffset, quint64 *directorySize, quint64 *count,
                       QString *error) const;
    bool readDirectory(quint64 offset, quint64 size, quint64 count, QString *error);
    bool dataRange(const Entry &entry, qsizetype *start, QString *error) const;
    bool inflate(const Entry &entry, QByteArrayView data, const Sink &sink, quint32 *crc,
                 QString *error) const;

    QByteArray m_archive;
    Limits m_limits;
    QList<Entry> m_entries;
};
