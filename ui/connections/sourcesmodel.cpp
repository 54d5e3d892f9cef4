#include "sourcesmodel.h"

#include "kindicon.h"

#include <QLocale>

namespace {

QDateTime parseTime(const QString &text)
{
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid())
        time = QDateTime::fromString(text, Qt::ISODate);
    return time;
}

QString shortTime(const QDateTime &time)
{
    if (!time.isValid())
        return {};
    const QDateTime local = time.toLocalTime();
    const QLocale locale;
    if (local.date() == QDate::currentDate())
        return locale.toString(local.time(), QLocale::ShortFormat);
    return locale.toString(local, QLocale::ShortFormat);
}

} // namespace

SourcesModel::SourcesModel(QObject *parent)
    : QAbstractItemModel(parent)
{
}

void SourcesModel::setSources(const QList<ConnectionSource> &sources)
{
    QSet<qint64> syncing;
    for (const SourceRow &row : std::as_const(m_rows)) {
        if (row.syncing)
            syncing.insert(row.source.source.id);
    }
    beginResetModel();
    m_rows.clear();
    for (const ConnectionSource &source : sources) {
        SourceRow row;
        row.source = source;
        row.syncing = syncing.contains(source.source.id);
        for (qsizetype i = 0; i < source.streamNames.size(); ++i)
            row.streams.append({source.streamNames.at(i), source.streamTitles.value(i), {}});
        for (const StreamStatus &status : source.streams) {
            const int at = streamRow(row, status.stream);
            if (at < 0)
                row.streams.append({status.stream, status.stream, status});
            else
                row.streams[at].stored = status;
        }
        m_rows.append(row);
    }
    endResetModel();
}

int SourcesModel::sourceRow(qint64 sourceId) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).source.source.id == sourceId)
            return i;
    }
    return -1;
}

int SourcesModel::streamRow(const SourceRow &row, const QString &stream) const
{
    for (int i = 0; i < row.streams.size(); ++i) {
        if (row.streams.at(i).name == stream)
            return i;
    }
    return -1;
}

QModelIndex SourcesModel::indexOf(qint64 sourceId, const QString &stream, int column) const
{
    const int row = sourceRow(sourceId);
    if (row < 0)
        return {};
    const QModelIndex source = index(row, column);
    if (stream.isEmpty())
        return source;
    const int child = streamRow(m_rows.at(row), stream);
    return child < 0 ? QModelIndex() : index(child, column, index(row, 0));
}

void SourcesModel::changed(int sourceRow, int streamRow)
{
    if (sourceRow < 0)
        return;
    Q_EMIT dataChanged(index(sourceRow, 0), index(sourceRow, ColumnCount - 1));
    if (streamRow >= 0) {
        const QModelIndex parent = index(sourceRow, 0);
        Q_EMIT dataChanged(index(streamRow, 0, parent), index(streamRow, ColumnCount - 1, parent));
    }
}

void SourcesModel::syncStarted(const QList<qint64> &sourceIds)
{
    for (qint64 id : sourceIds) {
        const int row = sourceRow(id);
        if (row < 0)
            continue;
        SourceRow &source = m_rows[row];
        source.syncing = true;
        source.refusal.clear();
        for (StreamRow &stream : source.streams) {
            stream.finishedNow = false;
            stream.running = false;
        }
        changed(row);
        const QModelIndex parent = index(row, 0);
        if (!source.streams.isEmpty())
            Q_EMIT dataChanged(index(0, 0, parent),
                               index(int(source.streams.size()) - 1, ColumnCount - 1, parent));
    }
}

void SourcesModel::streamStarted(qint64 sourceId, const QString &stream)
{
    const int row = sourceRow(sourceId);
    if (row < 0)
        return;
    int child = streamRow(m_rows.at(row), stream);
    if (child < 0) {
        child = int(m_rows.at(row).streams.size());
        beginInsertRows(index(row, 0), child, child);
        m_rows[row].streams.append({stream, stream, {}});
        endInsertRows();
    }
    StreamRow &s = m_rows[row].streams[child];
    s.running = true;
    s.finishedNow = false;
    s.liveRecords = 0;
    changed(row, child);
}

void SourcesModel::streamProgress(qint64 sourceId, const QString &stream, qint64 records)
{
    const int row = sourceRow(sourceId);
    const int child = row < 0 ? -1 : streamRow(m_rows.at(row), stream);
    if (child < 0)
        return;
    m_rows[row].streams[child].liveRecords = records;
    changed(row, child);
}

void SourcesModel::streamFinished(qint64 sourceId, const QString &stream, const QString &status,
                                  qint64 records, const QString &error, const QDateTime &resumeAt)
{
    const int row = sourceRow(sourceId);
    const int child = row < 0 ? -1 : streamRow(m_rows.at(row), stream);
    if (child < 0)
        return;
    StreamRow &s = m_rows[row].streams[child];
    s.running = false;
    s.finishedNow = true;
    s.liveStatus = status;
    s.liveRecords = records;
    s.liveError = error;
    s.liveResumeAt = resumeAt;
    s.stored.finishedAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    changed(row, child);
}

void SourcesModel::syncRefused(qint64 sourceId, const QString &error)
{
    const int row = sourceRow(sourceId);
    if (row < 0)
        return;
    m_rows[row].refusal = error;
    m_rows[row].syncing = false;
    changed(row);
}

void SourcesModel::syncFinished()
{
    for (int i = 0; i < m_rows.size(); ++i) {
        SourceRow &row = m_rows[i];
        if (!row.syncing)
            continue;
        row.syncing = false;
        for (StreamRow &stream : row.streams)
            stream.running = false;
        changed(i);
        const QModelIndex parent = index(i, 0);
        if (!row.streams.isEmpty())
            Q_EMIT dataChanged(index(0, 0, parent),
                               index(int(row.streams.size()) - 1, ColumnCount - 1, parent));
    }
}

QModelIndex SourcesModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, quintptr(0));
    // A stream's internal id is its source's row plus one.
    return createIndex(row, column, quintptr(parent.row() + 1));
}

QModelIndex SourcesModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == 0)
        return {};
    return createIndex(int(child.internalId() - 1), 0, quintptr(0));
}

int SourcesModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_rows.size());
    if (parent.internalId() != 0 || parent.column() != 0)
        return 0;
    return int(m_rows.at(parent.row()).streams.size());
}

int SourcesModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant SourcesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Source");
    case StatusColumn:
        return tr("Status");
    case LastSyncColumn:
        return tr("Last sync");
    case RecordsColumn:
        return tr("Records");
    case ProgressColumn:
        return tr("Progress");
    case MessageColumn:
        return tr("Message from the service");
    default:
        return {};
    }
}

QVariant SourcesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (index.internalId() == 0) {
        const SourceRow &row = m_rows.at(index.row());
        if (role == SourceIdRole)
            return row.source.source.id;
        if (role == StreamRole)
            return QString();
        return sourceData(row, index.column(), role);
    }
    const SourceRow &row = m_rows.at(int(index.internalId() - 1));
    const StreamRow &stream = row.streams.at(index.row());
    if (role == SourceIdRole)
        return row.source.source.id;
    if (role == StreamRole)
        return stream.name;
    return streamData(stream, index.column(), role);
}

QString SourcesModel::statusKey(const StreamRow &stream)
{
    if (stream.running)
        return QStringLiteral("running");
    const QString status = stream.finishedNow ? stream.liveStatus : stream.stored.status;
    return status.isEmpty() ? QStringLiteral("never") : status;
}

QDateTime SourcesModel::resumeAt(const StreamRow &stream)
{
    return stream.finishedNow ? stream.liveResumeAt : parseTime(stream.stored.resumeAt);
}

QString SourcesModel::sourceStatusKey(const SourceRow &row)
{
    if (row.syncing)
        return QStringLiteral("running");
    if (row.source.isDemo)
        return QStringLiteral("demo");
    int ok = 0, failed = 0, never = 0, limited = 0;
    for (const StreamRow &stream : row.streams) {
        const QString key = statusKey(stream);
        if (key == QLatin1String("ok"))
            ++ok;
        else if (key == QLatin1String("never"))
            ++never;
        else if (key == QLatin1String("rate_limited"))
            ++limited;
        else
            ++failed;
    }
    if (row.streams.isEmpty() || never == row.streams.size())
        return QStringLiteral("never");
    if (limited > 0)
        return QStringLiteral("rate_limited");
    if (failed == 0 && never == 0)
        return QStringLiteral("ok");
    if (ok == 0 && failed > 0)
        return QStringLiteral("failed");
    return QStringLiteral("partial");
}

QString SourcesModel::statusText(const QString &key, const QDateTime &resumeAt)
{
    if (key == QLatin1String("ok"))
        return tr("✓ OK");
    if (key == QLatin1String("partial"))
        return tr("◐ Partial");
    if (key == QLatin1String("failed"))
        return tr("✕ Failed");
    if (key == QLatin1String("cancelled"))
        return tr("◌ Cancelled");
    if (key == QLatin1String("rate_limited"))
        return resumeAt.isValid() ? tr("‖ Rate limited until %1").arg(shortTime(resumeAt))
                                  : tr("‖ Rate limited");
    if (key == QLatin1String("running"))
        return tr("↻ Syncing…");
    if (key == QLatin1String("demo"))
        return tr("Demo data");
    return tr("Not synced yet");
}

QVariant SourcesModel::sourceData(const SourceRow &row, int column, int role) const
{
    const QString key = sourceStatusKey(row);
    if (role == StatusKeyRole)
        return key;
    if (role == ProgressRole) {
        if (!row.syncing)
            return -1;
        int done = 0;
        for (const StreamRow &stream : row.streams)
            done += stream.finishedNow ? 1 : 0;
        return row.streams.isEmpty() ? -2 : int(done * 100 / row.streams.size());
    }
    if (role == Qt::DecorationRole && column == NameColumn)
        return KindIcon::forKind(row.source.kindTitle, row.source.category);
    if (role == Qt::TextAlignmentRole && column == RecordsColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != Qt::AccessibleTextRole)
        return {};
    qint64 records = 0;
    QDateTime last;
    QDateTime limitedUntil;
    QStringList errors;
    for (const StreamRow &stream : row.streams) {
        records +=
            stream.finishedNow || stream.running ? stream.liveRecords : stream.stored.records;
        const QDateTime finished = parseTime(stream.stored.finishedAt);
        if (finished.isValid() && (!last.isValid() || finished > last))
            last = finished;
        if (statusKey(stream) == QLatin1String("rate_limited"))
            limitedUntil = qMax(limitedUntil, resumeAt(stream));
        const QString error = stream.finishedNow ? stream.liveError : stream.stored.error;
        if (!error.isEmpty())
            errors.append(tr("%1: %2").arg(stream.title, error));
    }
    switch (column) {
    case NameColumn:
        if (role == Qt::ToolTipRole)
            return tr("%1 (%2)").arg(row.source.source.name, row.source.kindTitle);
        return row.source.source.name;
    case StatusColumn:
        return statusText(key, limitedUntil);
    case LastSyncColumn:
        return last.isValid() ? shortTime(last) : tr("Never");
    case RecordsColumn:
        return QLocale().toString(records);
    case ProgressColumn:
        return row.syncing ? tr("Syncing") : QString();
    case MessageColumn:
        if (!row.refusal.isEmpty())
            return row.refusal;
        return errors.join(QLatin1Char('\n'));
    default:
        return {};
    }
}

QVariant SourcesModel::streamData(const StreamRow &stream, int column, int role) const
{
    const QString key = statusKey(stream);
    if (role == StatusKeyRole)
        return key;
    if (role == ProgressRole)
        return stream.running ? -2 : -1;
    if (role == Qt::TextAlignmentRole && column == RecordsColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != Qt::AccessibleTextRole)
        return {};
    const qint64 records =
        stream.finishedNow || stream.running ? stream.liveRecords : stream.stored.records;
    switch (column) {
    case NameColumn:
        return stream.title;
    case StatusColumn:
        return statusText(key, resumeAt(stream));
    case LastSyncColumn: {
        const QDateTime finished = parseTime(stream.stored.finishedAt);
        return finished.isValid() ? shortTime(finished) : tr("Never");
    }
    case RecordsColumn:
        return QLocale().toString(records);
    case ProgressColumn:
        return stream.running ? tr("%n records so far", nullptr, int(records)) : QString();
    case MessageColumn:
        return stream.finishedNow ? stream.liveError : stream.stored.error;
    default:
        return {};
    }
}
