#include "zipreader.h"

#include <QCoreApplication>
#include <QLocale>

#include <zlib.h>

#include <algorithm>
#include <limits>

namespace {

constexpr quint32 localHeaderSignature = 0x04034b50;
constexpr quint32 centralHeaderSignature = 0x02014b50;
constexpr quint32 endSignature = 0x06054b50;
constexpr quint32 zip64EndSignature = 0x06064b50;
constexpr quint32 zip64LocatorSignature = 0x07064b50;
constexpr qsizetype endRecordBytes = 22;
constexpr qsizetype zip64LocatorBytes = 20;
constexpr qsizetype zip64EndBytes = 56;
constexpr qsizetype centralHeaderBytes = 46;
constexpr qsizetype localHeaderBytes = 30;
constexpr quint16 zip64ExtraId = 0x0001;
constexpr quint16 encryptedFlag = 0x0001;
constexpr quint16 utf8NameFlag = 0x0800;

QString tr(const char *text)
{
    return QCoreApplication::translate("ZipReader", text);
}

// Little-endian fields at a position the caller has checked to be inside the data.
quint16 u16(const QByteArray &data, qsizetype at)
{
    return quint16(uchar(data[at]) | (uchar(data[at + 1]) << 8));
}

quint32 u32(const QByteArray &data, qsizetype at)
{
    return quint32(u16(data, at)) | (quint32(u16(data, at + 2)) << 16);
}

quint64 u64(const QByteArray &data, qsizetype at)
{
    return quint64(u32(data, at)) | (quint64(u32(data, at + 4)) << 32);
}

bool fits(const QByteArray &data, quint64 start, quint64 length)
{
    const auto size = quint64(data.size());
    return start <= size && length <= size - start;
}

QString sizeText(quint64 bytes)
{
    return QLocale::c().formattedDataSize(
        qint64(qMin<quint64>(bytes, quint64(std::numeric_limits<qint64>::max()))));
}

} // namespace

ZipReader::ZipReader(QByteArray archive)
    : ZipReader(std::move(archive), Limits())
{
}

ZipReader::ZipReader(QByteArray archive, Limits limits)
    : m_archive(std::move(archive))
    , m_limits(limits)
{
}

bool ZipReader::open(QString *error)
{
    m_entries.clear();
    quint64 offset = 0;
    quint64 size = 0;
    quint64 count = 0;
    return readEndRecord(&offset, &size, &count, error) &&
           readDirectory(offset, size, count, error);
}

const ZipReader::Entry *ZipReader::find(const QString &name) const
{
    for (const Entry &entry : m_entries) {
        if (entry.name == name)
            return &entry;
    }
    return nullptr;
}

bool ZipReader::readEndRecord(quint64 *directoryOffset, quint64 *directorySize, quint64 *count,
                              QString *error) const
{
    if (m_archive.size() < endRecordBytes) {
        *error = m_archive.startsWith("PK")
                     ? tr("the ZIP archive is truncated (%1 bytes)").arg(m_archive.size())
                     : tr("the data is not a ZIP archive");
        return false;
    }
    // The end record is last, followed only by a comment of at most 65,535 bytes.
    const qsizetype lowest = qMax<qsizetype>(0, m_archive.size() - endRecordBytes - 0xffff);
    qsizetype end = -1;
    for (qsizetype at = m_archive.size() - endRecordBytes; at >= lowest; --at) {
        if (u32(m_archive, at) == endSignature &&
            at + endRecordBytes + u16(m_archive, at + 20) == m_archive.size()) {
            end = at;
            break;
        }
    }
    if (end < 0) {
        *error = m_archive.startsWith("PK\x03\x04")
                     ? tr("the ZIP archive is truncated or damaged: its central directory is "
                          "missing")
                     : tr("the data is not a ZIP archive");
        return false;
    }
    if (u16(m_archive, end + 4) != 0 || u16(m_archive, end + 6) != 0) {
        *error = tr("the ZIP archive spans several disks, which is not supported");
        return false;
    }
    *count = u16(m_archive, end + 10);
    *directorySize = u32(m_archive, end + 12);
    *directoryOffset = u32(m_archive, end + 16);
    const bool zip64 =
        *count == 0xffff || *directorySize == 0xffffffff || *directoryOffset == 0xffffffff;
    if (!zip64)
        return true;
    const qsizetype locator = end - zip64LocatorBytes;
    if (locator < 0 || u32(m_archive, locator) != zip64LocatorSignature) {
        *error = tr("the ZIP archive is damaged: its ZIP64 end record is missing");
        return false;
    }
    const quint64 record = u64(m_archive, locator + 8);
    if (!fits(m_archive, record, zip64EndBytes) ||
        u32(m_archive, qsizetype(record)) != zip64EndSignature) {
        *error = tr("the ZIP archive is damaged: its ZIP64 end record is missing");
        return false;
    }
    const auto at = qsizetype(record);
    *count = u64(m_archive, at + 32);
    *directorySize = u64(m_archive, at + 40);
    *directoryOffset = u64(m_archive, at + 48);
    return true;
}

bool ZipReader::readDirectory(quint64 offset, quint64 size, quint64 count, QString *error)
{
    if (!fits(m_archive, offset, size)) {
        *error = tr("the ZIP archive is truncated: its central directory lies outside the data");
        return false;
    }
    if (count > quint64(m_limits.maxEntries)) {
        *error = tr("the ZIP archive has %1 entries, more than the %2 allowed")
                     .arg(count)
                     .arg(m_limits.maxEntries);
        return false;
    }
    auto at = qsizetype(offset);
    const qsizetype end = at + qsizetype(size);
    for (quint64 i = 0; i < count; ++i) {
        if (at + centralHeaderBytes > end || u32(m_archive, at) != centralHeaderSignature) {
            *error = tr("the ZIP archive is damaged: entry %1 of its central directory is "
                        "unreadable")
                         .arg(i + 1);
            return false;
        }
        Entry entry;
        entry.flags = u16(m_archive, at + 8);
        entry.method = u16(m_archive, at + 10);
        entry.crc32 = u32(m_archive, at + 16);
        entry.compressedSize = u32(m_archive, at + 20);
        entry.size = u32(m_archive, at + 24);
        const qsizetype nameLength = u16(m_archive, at + 28);
        const qsizetype extraLength = u16(m_archive, at + 30);
        const qsizetype commentLength = u16(m_archive, at + 32);
        entry.localHeaderOffset = u32(m_archive, at + 42);
        const qsizetype next = at + centralHeaderBytes + nameLength + extraLength + commentLength;
        if (next > end) {
            *error = tr("the ZIP archive is damaged: entry %1 of its central directory is cut "
                        "short")
                         .arg(i + 1);
            return false;
        }
        const QByteArray name = m_archive.mid(at + centralHeaderBytes, nameLength);
        entry.name =
            entry.flags & utf8NameFlag ? QString::fromUtf8(name) : QString::fromLatin1(name);
        // ZIP64: the fields saturated above are given again, in order, in this extra field.
        qsizetype extra = at + centralHeaderBytes + nameLength;
        const qsizetype extraEnd = extra + extraLength;
        while (extra + 4 <= extraEnd) {
            const quint16 id = u16(m_archive, extra);
            const qsizetype length = u16(m_archive, extra + 2);
            qsizetype field = extra + 4;
            const qsizetype fieldEnd = qMin(field + length, extraEnd);
            if (id == zip64ExtraId) {
                for (quint64 *value :
                     {&entry.size, &entry.compressedSize, &entry.localHeaderOffset}) {
                    if (*value == 0xffffffff && field + 8 <= fieldEnd) {
                        *value = u64(m_archive, field);
                        field += 8;
                    }
                }
            }
            extra += 4 + length;
        }
        m_entries.append(entry);
        at = next;
    }
    return true;
}

bool ZipReader::dataRange(const Entry &entry, qsizetype *start, QString *error) const
{
    if (!fits(m_archive, entry.localHeaderOffset, localHeaderBytes) ||
        u32(m_archive, qsizetype(entry.localHeaderOffset)) != localHeaderSignature) {
        *error = tr("the ZIP archive is damaged: the header of \"%1\" is missing").arg(entry.name);
        return false;
    }
    const auto header = qsizetype(entry.localHeaderOffset);
    const quint64 data = entry.localHeaderOffset + localHeaderBytes + u16(m_archive, header + 26) +
                         u16(m_archive, header + 28);
    if (!fits(m_archive, data, entry.compressedSize)) {
        *error = tr("the ZIP archive is truncated: \"%1\" needs %2 but the data ends first")
                     .arg(entry.name, sizeText(entry.compressedSize));
        return false;
    }
    *start = qsizetype(data);
    return true;
}

bool ZipReader::read(const Entry &entry, const Sink &sink, QString *error) const
{
    if (entry.flags & encryptedFlag) {
        *error =
            tr("\"%1\" in the ZIP archive is encrypted, which is not supported").arg(entry.name);
        return false;
    }
    if (entry.method != 0 && entry.method != 8) {
        *error = tr("\"%1\" in the ZIP archive uses compression method %2; only stored and "
                    "deflate entries can be read")
                     .arg(entry.name)
                     .arg(entry.method);
        return false;
    }
    if (entry.size > quint64(m_limits.maxEntryBytes)) {
        *error = tr("\"%1\" in the ZIP archive would expand to %2, more than the %3 allowed")
                     .arg(entry.name, sizeText(entry.size), sizeText(m_limits.maxEntryBytes));
        return false;
    }
    qsizetype start = 0;
    if (!dataRange(entry, &start, error))
        return false;
    const QByteArrayView data(m_archive.constData() + start, qsizetype(entry.compressedSize));
    auto crc = quint32(::crc32(0, nullptr, 0));
    if (entry.method == 0) {
        if (entry.compressedSize != entry.size) {
            *error = tr("the ZIP archive is damaged: stored entry \"%1\" has two different sizes")
                         .arg(entry.name);
            return false;
        }
        for (qsizetype at = 0; at < data.size(); at += chunkBytes) {
            const QByteArrayView chunk = data.sliced(at, qMin(chunkBytes, data.size() - at));
            crc = quint32(
                ::crc32(crc, reinterpret_cast<const Bytef *>(chunk.data()), uInt(chunk.size())));
            if (!sink(chunk)) {
                *error = tr("reading \"%1\" was stopped").arg(entry.name);
                return false;
            }
        }
    } else if (!inflate(entry, data, sink, &crc, error)) {
        return false;
    }
    if (crc != entry.crc32) {
        *error =
            tr("the ZIP archive is damaged: \"%1\" does not match its checksum").arg(entry.name);
        return false;
    }
    return true;
}

bool ZipReader::inflate(const Entry &entry, QByteArrayView data, const Sink &sink, quint32 *crc,
                        QString *error) const
{
    z_stream stream{};
    // Negative window bits: raw deflate data, as ZIP stores it, without a zlib header.
    if (inflateInit2(&stream, -MAX_WBITS) != Z_OK) {
        *error = tr("cannot start decompressing \"%1\"").arg(entry.name);
        return false;
    }
    QByteArray buffer(chunkBytes, Qt::Uninitialized);
    quint64 produced = 0;
    qsizetype consumed = 0;
    int status = Z_OK;
    bool ok = true;
    while (status != Z_STREAM_END) {
        if (stream.avail_in == 0 && consumed < data.size()) {
            // zlib counts in uInt: feed large entries in pieces.
            const qsizetype piece =
                qMin<qsizetype>(data.size() - consumed, std::numeric_limits<uInt>::max() / 2);
            stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.data() + consumed));
            stream.avail_in = uInt(piece);
            consumed += piece;
        }
        stream.next_out = reinterpret_cast<Bytef *>(buffer.data());
        stream.avail_out = uInt(buffer.size());
        status = ::inflate(&stream, Z_NO_FLUSH);
        const qsizetype out = buffer.size() - qsizetype(stream.avail_out);
        if (status != Z_OK && status != Z_STREAM_END) {
            if (status == Z_BUF_ERROR && consumed >= data.size() && stream.avail_in == 0)
                *error = tr("the ZIP archive is damaged: the compressed data of \"%1\" ends too "
                            "early")
                             .arg(entry.name);
            else
                *error = tr("the ZIP archive is damaged: \"%1\" cannot be decompressed (%2)")
                             .arg(entry.name,
                                  QString::fromLatin1(stream.msg ? stream.msg : "zlib error"));
            ok = false;
            break;
        }
        produced += quint64(out);
        // The declared size is a promise the data must keep: more is a bomb or a lie.
        if (produced > entry.size || produced > quint64(m_limits.maxEntryBytes)) {
            *error = tr("\"%1\" in the ZIP archive expands beyond its declared size of %2; it "
                        "is refused")
                         .arg(entry.name, sizeText(entry.size));
            ok = false;
            break;
        }
        if (out > 0) {
            *crc = quint32(
                ::crc32(*crc, reinterpret_cast<const Bytef *>(buffer.constData()), uInt(out)));
            if (!sink(QByteArrayView(buffer.constData(), out))) {
                *error = tr("reading \"%1\" was stopped").arg(entry.name);
                ok = false;
                break;
            }
        }
        if (status == Z_OK && out == 0 && stream.avail_in == 0 && consumed >= data.size()) {
            *error = tr("the ZIP archive is damaged: the compressed data of \"%1\" ends too early")
                         .arg(entry.name);
            ok = false;
            break;
        }
    }
    inflateEnd(&stream);
    if (ok && produced != entry.size) {
        *error = tr("the ZIP archive is damaged: \"%1\" holds %2 instead of the %3 declared")
                     .arg(entry.name, sizeText(produced), sizeText(entry.size));
        return false;
    }
    return ok;
}

bool ZipReader::readAll(const Entry &entry, QByteArray *contents, QString *error) const
{
    contents->clear();
    contents->reserve(qsizetype(qMin<quint64>(entry.size, quint64(m_limits.maxEntryBytes))));
    return read(
        entry,
        [contents](QByteArrayView chunk) {
            contents->append(chunk);
            return true;
        },
        error);
}
