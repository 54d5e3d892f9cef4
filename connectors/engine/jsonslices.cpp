#include "jsonslices.h"

#include <QStringList>

#include <cstring>

namespace JsonSlices {
namespace {

class Scanner
{
public:
    explicit Scanner(QByteArrayView json)
        : m_data(json.data())
        , m_size(json.size())
    {
    }

    void skipSpace()
    {
        while (m_pos < m_size && (m_data[m_pos] == ' ' || m_data[m_pos] == '\n' ||
                                  m_data[m_pos] == '\r' || m_data[m_pos] == '\t'))
            ++m_pos;
    }

    bool expect(char c)
    {
        skipSpace();
        if (m_pos >= m_size || m_data[m_pos] != c)
            return false;
        ++m_pos;
        return true;
    }

    char peek()
    {
        skipSpace();
        return m_pos < m_size ? m_data[m_pos] : '\0';
    }

    // Past the closing quote of the string starting at the current position.
    // Jumps from quote to quote with memchr (strings are most of a record's bytes); a quote
    // preceded by an odd run of backslashes is escaped and does not end the string.
    bool skipString()
    {
        ++m_pos; // the opening quote
        while (m_pos < m_size) {
            const void *found = std::memchr(m_data + m_pos, '"', size_t(m_size - m_pos));
            if (!found) {
                m_pos = m_size;
                return false;
            }
            const qsizetype quote = static_cast<const char *>(found) - m_data;
            qsizetype backslashes = 0;
            while (quote - backslashes - 1 >= m_pos && m_data[quote - backslashes - 1] == '\\')
                ++backslashes;
            m_pos = quote + 1;
            if (backslashes % 2 == 0)
                return true;
        }
        return false;
    }

    bool readKey(QByteArrayView *key)
    {
        skipSpace();
        if (m_pos >= m_size || m_data[m_pos] != '"')
            return false;
        const qsizetype start = m_pos + 1;
        if (!skipString())
            return false;
        *key = QByteArrayView(m_data + start, m_pos - 1 - start);
        return true;
    }

    // Past the value starting at the current position.
    bool skipValue()
    {
        skipSpace();
        if (m_pos >= m_size)
            return false;
        const char first = m_data[m_pos];
        if (first == '"')
            return skipString();
        if (first == '{' || first == '[') {
            int depth = 0;
            while (m_pos < m_size) {
                const char c = m_data[m_pos];
                if (c == '"') {
                    if (!skipString())
                        return false;
                    continue;
                }
                if (c == '{' || c == '[') {
                    ++depth;
                } else if (c == '}' || c == ']') {
                    if (--depth == 0) {
                        ++m_pos;
                        return true;
                    }
                }
                ++m_pos;
            }
            return false;
        }
        while (m_pos < m_size) {
            const char c = m_data[m_pos];
            if (c == ',' || c == '}' || c == ']' || c == ' ' || c == '\n' || c == '\r' || c == '\t')
                break;
            ++m_pos;
        }
        return true;
    }

    qsizetype position() const { return m_pos; }
    const char *data() const { return m_data; }

private:
    const char *m_data;
    qsizetype m_size;
    qsizetype m_pos = 0;
};

} // namespace

bool arrayElements(QByteArrayView json, const QString &path, QList<QByteArrayView> *elements)
{
    elements->clear();
    Scanner scanner(json);
    const QString trimmed = path.startsWith(QLatin1String("$.")) ? path.mid(2) : path;
    const QStringList keys = trimmed.isEmpty() || trimmed == QLatin1String("$")
                                 ? QStringList()
                                 : trimmed.split(QLatin1Char('.'));
    for (const QString &wanted : keys) {
        if (wanted.contains(QLatin1Char('[')))
            return false;
        const QByteArray wantedUtf8 = wanted.toUtf8();
        if (!scanner.expect('{'))
            return false;
        bool found = false;
        while (!found) {
            QByteArrayView key;
            if (!scanner.readKey(&key) || !scanner.expect(':'))
                return false;
            if (key == wantedUtf8) {
                found = true;
                break;
            }
            if (!scanner.skipValue())
                return false;
            if (scanner.peek() == ',') {
                scanner.expect(',');
                continue;
            }
            return false; // end of the object without the key
        }
    }
    if (!scanner.expect('['))
        return false;
    if (scanner.peek() == ']')
        return true;
    for (;;) {
        scanner.skipSpace();
        const qsizetype start = scanner.position();
        if (!scanner.skipValue())
            return false;
        elements->append(QByteArrayView(scanner.data() + start, scanner.position() - start));
        const char next = scanner.peek();
        if (next == ']')
            return true;
        if (!scanner.expect(','))
            return false;
    }
}

} // namespace JsonSlices
