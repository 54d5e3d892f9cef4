#include "eventfilereader.h"

#include "isodate.h"
#include "usage/usageperiod.h"
#include "zipreader.h"

#include <QFile>
#include <QSet>

#include <simdjson.h>
#include <zlib.h>

#include <algorithm>
#include <cstdio>
#include <functional>

namespace {

// "properties.distinct_id" as a JSON pointer.
std::string pointer(const QString &path)
{
    std::string result;
    for (const QString &part : path.split(QLatin1Char('.'))) {
        QString escaped = part;
        escaped.replace(QLatin1Char('~'), QLatin1String("~0"));
        escaped.replace(QLatin1Char('/'), QLatin1String("~1"));
        result += '/';
        result += escaped.toStdString();
    }
    return result;
}

} // namespace

// Turns one JSON line into one counted event.
class EventFileReader::Parser
{
public:
    explicit Parser(const EventsSpec &spec)
        : m_name(pointer(spec.namePath))
        , m_time(pointer(spec.timePath))
        , m_insertId(spec.insertIdPath.isEmpty() ? std::string() : pointer(spec.insertIdPath))
        , m_namePath(spec.namePath)
        , m_timePath(spec.timePath)
    {
        for (const QString &path : spec.userPaths)
            m_users.push_back(pointer(path));
    }

    void reset() { m_seen.clear(); }
    qint64 duplicates() const { return m_duplicates; }
    qint64 withoutUser() const { return m_withoutUser; }

    // data must be followed by simdjson::SIMDJSON_PADDING readable bytes.
    bool line(const char *data, size_t size, qint64 number, UsagePeriod *period, QString *error)
    {
        simdjson::dom::element event;
        if (const auto failure = m_parser.parse(data, size, false).get(event)) {
            *error = tr("line %1 is not valid JSON (%2)")
                         .arg(number)
                         .arg(QString::fromUtf8(simdjson::error_message(failure)));
            return false;
        }
        std::string_view name;
        if (event.at_pointer(m_name).get(name) || name.empty()) {
            *error = tr("line %1 has no event name at \"%2\"").arg(number).arg(m_namePath);
            return false;
        }
        const QDateTime at = time(event);
        if (!at.isValid()) {
            *error = tr("line %1 has no valid time at \"%2\"").arg(number).arg(m_timePath);
            return false;
        }
        char digits[24];
        std::string_view user;
        for (const std::string &path : m_users) {
            simdjson::dom::element value;
            if (event.at_pointer(path).get(value))
                continue;
            if (value.get(user) == simdjson::SUCCESS && !user.empty())
                break;
            int64_t number = 0;
            if (value.get(number) == simdjson::SUCCESS) {
                const int length = std::snprintf(digits, sizeof digits, "%lld", (long long)number);
                user = std::string_view(digits, size_t(length));
                break;
            }
            user = {};
        }
        if (user.empty()) {
            // An event nobody can be named for counts for no user's usage.
            ++m_withoutUser;
            return true;
        }
        if (!m_insertId.empty()) {
            std::string_view insertId;
            if (!event.at_pointer(m_insertId).get(insertId) && !insertId.empty()) {
                const size_t key =
                    qHashMulti(0, QByteArrayView(insertId.data(), insertId.size()),
                               QByteArrayView(name.data(), name.size()),
                               QByteArrayView(user.data(), user.size()), at.toMSecsSinceEpoch());
                if (m_seen.contains(key)) {
                    ++m_duplicates;
                    return true;
                }
                m_seen.insert(key);
            }
        }
        if (!period->add(QByteArray::fromRawData(user.data(), qsizetype(user.size())),
                         QByteArray::fromRawData(name.data(), qsizetype(name.size())), at)) {
            *error = tr("line %1: the period holds more distinct event names or days than can "
                        "be counted")
                         .arg(number);
            return false;
        }
        return true;
    }

private:
    QDateTime time(simdjson::dom::element event) const
    {
        simdjson::dom::element value;
        if (event.at_pointer(m_time).get(value))
            return {};
        double number = 0;
        if (value.is_number() && value.get(number) == simdjson::SUCCESS) {
            // Seconds until the year 5138; larger values are milliseconds.
            const qint64 ms = number > 1e11 ? qint64(number) : qint64(number * 1000.0);
            return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
        }
        std::string_view text;
        if (value.get(text))
            return {};
        return IsoDate::parse(QString::fromUtf8(text.data(), qsizetype(text.size())));
    }

    simdjson::dom::parser m_parser;
    std::string m_name;
    std::string m_time;
    std::string m_insertId;
    std::vector<std::string> m_users;
    QString m_namePath;
    QString m_timePath;
    QSet<size_t> m_seen;
    qint64 m_duplicates = 0;
    qint64 m_withoutUser = 0;
};

// Splits a stream of bytes into lines and hands each to the parser, keeping the padding the
// parser needs after every line.
class EventFileReader::Lines
{
public:
    Lines(Parser *parser, UsagePeriod *period, QString place)
        : m_parser(parser)
        , m_period(period)
        , m_place(std::move(place))
    {
    }

    bool feed(QByteArrayView chunk, QString *error)
    {
        m_buffer.reserve(m_buffer.size() + chunk.size() + qsizetype(simdjson::SIMDJSON_PADDING));
        m_buffer.append(chunk.data(), chunk.size());
        qsizetype start = 0;
        for (;;) {
            const qsizetype end = m_buffer.indexOf('\n', start);
            if (end < 0)
                break;
            if (!handle(start, end - start, error))
                return false;
            start = end + 1;
        }
        m_buffer.remove(0, start);
        if (m_buffer.size() > MaxLineBytes) {
            *error = tr("%1: line %2 is longer than %3 bytes")
                         .arg(m_place)
                         .arg(m_number + 1)
                         .arg(MaxLineBytes);
            return false;
        }
        return true;
    }

    // The last line needs no newline; a cut-short one is not valid JSON and fails here.
    bool finish(QString *error)
    {
        if (m_buffer.isEmpty())
            return true;
        m_buffer.reserve(m_buffer.size() + qsizetype(simdjson::SIMDJSON_PADDING));
        const bool ok = handle(0, m_buffer.size(), error);
        m_buffer.clear();
        return ok;
    }

private:
    bool handle(qsizetype start, qsizetype size, QString *error)
    {
        ++m_number;
        const char *data = m_buffer.constData() + start;
        while (size > 0 && (data[size - 1] == '\r' || data[size - 1] == ' '))
            --size;
        if (size == 0)
            return true;
        QString reason;
        if (!m_parser->line(data, size_t(size), m_number, m_period, &reason)) {
            *error = m_place + QStringLiteral(": ") + reason;
            return false;
        }
        return true;
    }

    Parser *m_parser;
    UsagePeriod *m_period;
    QString m_place;
    QByteArray m_buffer;
    qint64 m_number = 0;
};

EventFileReader::EventFileReader(const EventsSpec &spec)
    : m_spec(spec)
    , m_parser(std::make_unique<Parser>(spec))
{
}

EventFileReader::~EventFileReader() = default;

bool EventFileReader::read(const QString &path, UsagePeriod *period, QString *error)
{
    m_parser->reset();
    const bool ok = m_spec.container == EventsSpec::Container::ZipOfGzipLines
                        ? readZip(path, period, error)
                        : readLines(path, period, error);
    m_duplicates = m_parser->duplicates();
    return ok;
}

bool EventFileReader::readLines(const QString &path, UsagePeriod *period, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("cannot read the downloaded export: %1").arg(file.errorString());
        return false;
    }
    Lines lines(m_parser.get(), period, tr("the export"));
    QByteArray chunk(4 * 1024 * 1024, Qt::Uninitialized);
    for (;;) {
        const qint64 got = file.read(chunk.data(), chunk.size());
        if (got < 0) {
            *error = tr("cannot read the downloaded export: %1").arg(file.errorString());
            return false;
        }
        if (got == 0)
            break;
        if (!lines.feed(QByteArrayView(chunk.constData(), got), error))
            return false;
    }
    return lines.finish(error);
}

namespace {

// Inflates one gzip file (possibly several members one after another) piece by piece.
class GzipStream
{
public:
    GzipStream() { m_ok = inflateInit2(&m_z, 15 + 16) == Z_OK; }
    ~GzipStream() { inflateEnd(&m_z); }
    GzipStream(const GzipStream &) = delete;
    GzipStream &operator=(const GzipStream &) = delete;

    using Out = std::function<bool(QByteArrayView)>;

    // False with error when the data is not gzip or fails its check; out's false stops.
    bool feed(QByteArrayView in, const Out &out, QString *error)
    {
        if (!m_ok) {
            *error = EventFileReader::tr("cannot start decompressing");
            return false;
        }
        m_z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(in.data()));
        m_z.avail_in = uInt(in.size());
        while (m_z.avail_in > 0) {
            if (m_ended) {
                // Another gzip member follows the one that ended.
                inflateReset(&m_z);
                m_ended = false;
            }
            m_z.next_out = reinterpret_cast<Bytef *>(m_out);
            m_z.avail_out = sizeof m_out;
            const int status = inflate(&m_z, Z_NO_FLUSH);
            if (status != Z_OK && status != Z_STREAM_END && status != Z_BUF_ERROR) {
                *error = EventFileReader::tr("the gzip data is damaged (%1)")
                             .arg(QString::fromLatin1(m_z.msg ? m_z.msg : "error"));
                return false;
            }
            const qsizetype produced = qsizetype(sizeof m_out - m_z.avail_out);
            if (produced > 0 && !out(QByteArrayView(m_out, produced)))
                return false;
            if (status == Z_STREAM_END)
                m_ended = true;
            else if (status == Z_BUF_ERROR && produced == 0)
                break;
        }
        return true;
    }

    // Drains what zlib still holds; false when the last member did not end.
    bool finish(const Out &out, QString *error)
    {
        while (!m_ended) {
            m_z.next_in = nullptr;
            m_z.avail_in = 0;
            m_z.next_out = reinterpret_cast<Bytef *>(m_out);
            m_z.avail_out = sizeof m_out;
            const int status = inflate(&m_z, Z_NO_FLUSH);
            const qsizetype produced = qsizetype(sizeof m_out - m_z.avail_out);
            if (produced > 0 && !out(QByteArrayView(m_out, produced)))
                return false;
            if (status == Z_STREAM_END) {
                m_ended = true;
                break;
            }
            if (produced == 0) {
                *error = EventFileReader::tr("the gzip data ends early");
                return false;
            }
        }
        return true;
    }

private:
    z_stream m_z{};
    bool m_ok = false;
    bool m_ended = false;
    char m_out[256 * 1024];
};

} // namespace

bool EventFileReader::readZip(const QString &path, UsagePeriod *period, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("cannot read the downloaded export: %1").arg(file.errorString());
        return false;
    }
    if (file.size() == 0)
        return true; // nothing in this period
    // Mapped, not read: the archive may be larger than is sensible to hold.
    uchar *mapped = file.map(0, file.size());
    if (!mapped) {
        *error = tr("cannot read the downloaded export: %1").arg(file.errorString());
        return false;
    }
    ZipReader zip(
        QByteArray::fromRawData(reinterpret_cast<const char *>(mapped), qsizetype(file.size())));
    QString reason;
    if (!zip.open(&reason)) {
        *error = tr("the export is not a readable ZIP archive: %1").arg(reason);
        return false;
    }
    QList<ZipReader::Entry> entries = zip.entries();
    std::sort(entries.begin(), entries.end(),
              [](const ZipReader::Entry &a, const ZipReader::Entry &b) { return a.name < b.name; });
    for (const ZipReader::Entry &entry : std::as_const(entries)) {
        if (entry.isDirectory())
            continue;
        Lines lines(m_parser.get(), period, entry.name);
        QString lineError;
        const auto toLines = [&lines, &lineError](QByteArrayView chunk) {
            return lines.feed(chunk, &lineError);
        };
        bool ok = true;
        if (entry.name.endsWith(QLatin1String(".gz"), Qt::CaseInsensitive)) {
            auto gzip = std::make_unique<GzipStream>();
            QString gzipError;
            ok = zip.read(
                     entry,
                     [&](QByteArrayView chunk) { return gzip->feed(chunk, toLines, &gzipError); },
                     &reason) &&
                 gzip->finish(toLines, &gzipError);
            if (!ok && !gzipError.isEmpty())
                reason = gzipError;
        } else {
            ok = zip.read(entry, toLines, &reason);
        }
        if (ok)
            ok = lines.finish(&lineError);
        if (!ok) {
            *error = lineError.isEmpty() ? tr("%1: %2").arg(entry.name, reason) : lineError;
            return false;
        }
    }
    return true;
}
