#include "csvwriter.h"

#include <QIODevice>

#include <cstring>

namespace {

constexpr qsizetype FlushSize = 256 * 1024;

} // namespace

CsvWriter::CsvWriter(QIODevice *device, bool byteOrderMark)
    : m_device(device)
{
    m_buffer.reserve(FlushSize + 4096);
    if (byteOrderMark)
        m_buffer.append("\xEF\xBB\xBF");
}

CsvWriter::~CsvWriter() = default;

bool CsvWriter::looksLikeFormula(const QString &field)
{
    return !field.isEmpty() && field.front().unicode() != 0 && field.front().unicode() < 0x80 &&
           std::strchr("=+-@\t\r", char(field.front().unicode())) != nullptr;
}

bool CsvWriter::isPlainNumber(QByteArrayView field)
{
    // Digits with an optional sign and decimal point only: "-1e5" or "-0x10" would be read
    // differently by different spreadsheets.
    qsizetype i = 0;
    if (i < field.size() && (field.at(i) == '-' || field.at(i) == '+'))
        ++i;
    bool digits = false;
    bool point = false;
    for (; i < field.size(); ++i) {
        const char c = field.at(i);
        if (c >= '0' && c <= '9')
            digits = true;
        else if (c == '.' && !point)
            point = true;
        else
            return false;
    }
    return digits;
}

bool CsvWriter::isPlainNumber(const QString &field)
{
    return isPlainNumber(QByteArrayView(field.toLatin1()));
}

void CsvWriter::appendField(QByteArray *out, QByteArrayView utf8, bool numeric)
{
    // The characters that matter are all ASCII, so the UTF-8 bytes can be searched as they are.
    const bool neutralise = !utf8.isEmpty() && std::strchr("=+-@\t\r", utf8.front()) &&
                            utf8.front() != '\0' && !(numeric && isPlainNumber(utf8));
    bool quote = false;
    for (const char c : utf8) {
        if (c == ',' || c == '"' || c == '\n' || c == '\r') {
            quote = true;
            break;
        }
    }
    if (!quote) {
        if (neutralise)
            out->append('\'');
        out->append(utf8);
        return;
    }
    out->append('"');
    if (neutralise)
        out->append('\'');
    qsizetype from = 0;
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        if (utf8.at(i) == '"') {
            out->append(utf8.sliced(from, i + 1 - from));
            out->append('"');
            from = i + 1;
        }
    }
    out->append(utf8.sliced(from));
    out->append('"');
}

void CsvWriter::appendField(QByteArray *out, const QString &field, bool numeric)
{
    appendField(out, QByteArrayView(field.toUtf8()), numeric);
}

void CsvWriter::writeRecord(const QStringList &fields, const QList<bool> &numeric)
{
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            m_buffer.append(',');
        appendField(&m_buffer, fields.at(i), numeric.value(i, false));
    }
    m_buffer.append("\r\n");
    if (m_buffer.size() >= FlushSize)
        flush();
}

void CsvWriter::writeRecord(const QByteArrayList &fields, const QList<bool> &numeric)
{
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            m_buffer.append(',');
        appendField(&m_buffer, QByteArrayView(fields.at(i)), numeric.value(i, false));
    }
    m_buffer.append("\r\n");
    if (m_buffer.size() >= FlushSize)
        flush();
}

bool CsvWriter::flush()
{
    if (m_failed)
        return false;
    if (m_buffer.isEmpty())
        return true;
    if (m_device->write(m_buffer) != m_buffer.size()) {
        m_failed = true;
        return false;
    }
    m_written += m_buffer.size();
    m_buffer.clear();
    return true;
}
