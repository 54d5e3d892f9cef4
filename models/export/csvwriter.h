#pragma once

#include <QByteArray>
#include <QByteArrayList>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringList>

class QIODevice;

// Writes RFC 4180 CSV in UTF-8 to a device: fields with commas, quotes or line breaks quoted,
// quotes doubled, records ended by CRLF. Cells a spreadsheet would run as a formula get an
// apostrophe in front, since exports carry customer text; a plain number in a numeric column
// stays a number. Buffers its output and writes it in large blocks.
class CsvWriter
{
public:
    explicit CsvWriter(QIODevice *device, bool byteOrderMark = false);
    ~CsvWriter();
    CsvWriter(const CsvWriter &) = delete;
    CsvWriter &operator=(const CsvWriter &) = delete;

    // numeric: per field, whether its column holds numbers (missing entries: text).
    void writeRecord(const QStringList &fields, const QList<bool> &numeric = {});
    // The same for fields already in UTF-8.
    void writeRecord(const QByteArrayList &fields, const QList<bool> &numeric);
    // Writes what is buffered; false when the device refused it.
    bool flush();
    bool failed() const { return m_failed; }
    qint64 bytesWritten() const { return m_written; }

    // One field as it goes into the file.
    static void appendField(QByteArray *out, const QString &field, bool numeric);
    static void appendField(QByteArray *out, QByteArrayView utf8, bool numeric);
    static bool looksLikeFormula(const QString &field);
    static bool isPlainNumber(const QString &field);
    static bool isPlainNumber(QByteArrayView field);

private:
    QIODevice *m_device;
    QByteArray m_buffer;
    qint64 m_written = 0;
    bool m_failed = false;
};
