#pragma once

#include "manifest/connectormanifest.h"

#include <QCoreApplication>
#include <QString>

#include <memory>

class UsagePeriod;

// Reads one downloaded event export (newline-delimited JSON, or a ZIP archive of gzipped
// newline-delimited JSON files) line by line and counts its events into a UsagePeriod. The
// file is checked whole while it is read: a line that is not JSON, a line without an event
// name, user or time, a damaged archive or gzip stream, or a stream cut short fails the read
// with a message naming the place, and the caller then stores nothing of the period.
// Memory stays bounded by the longest line and the period's distinct users and events.
class EventFileReader
{
    Q_DECLARE_TR_FUNCTIONS(EventFileReader)
public:
    explicit EventFileReader(const EventsSpec &spec);
    ~EventFileReader();
    EventFileReader(const EventFileReader &) = delete;
    EventFileReader &operator=(const EventFileReader &) = delete;

    bool read(const QString &path, UsagePeriod *period, QString *error);

    // Copies of one event (the same insert id, name, user and time) counted once.
    qint64 duplicates() const { return m_duplicates; }

    static constexpr qsizetype MaxLineBytes = 1024 * 1024;

private:
    class Lines;
    class Parser;
    bool readLines(const QString &path, UsagePeriod *period, QString *error);
    bool readZip(const QString &path, UsagePeriod *period, QString *error);

    EventsSpec m_spec;
    std::unique_ptr<Parser> m_parser;
    qint64 m_duplicates = 0;
};
