#include "feedbackinboxmodel.h"

FeedbackInboxModel::FeedbackInboxModel(const QSqlDatabase &db, QObject *parent)
    : QAbstractTableModel(parent)
    , m_db(db)
{
}

void FeedbackInboxModel::setQuery(const FeedbackQuery &query)
{
    m_query = query;
    reload();
}

void FeedbackInboxModel::reload()
{
    // Views and testers react to a change while it is being announced, and may ask for more
    // then: rows inserted at that point would nest inside the change. They fetch right after
    // instead.
    m_announcing = true;
    beginResetModel();
    m_windowSize = m_pendingWindowSize;
    m_cursor = FeedbackQuery::Cursor();
    m_ids.clear();
    m_windows.clear();
    m_recent.clear();
    m_error.clear();
    endResetModel();
    m_announcing = false;
}

qint64 FeedbackInboxModel::feedbackId(int row) const
{
    return row >= 0 && row < m_ids.size() ? m_ids.at(row) : 0;
}

int FeedbackInboxModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_ids.size());
}

int FeedbackInboxModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool FeedbackInboxModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_announcing && !m_cursor.atEnd && m_error.isEmpty();
}

void FeedbackInboxModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    // Every fetch but the last adds a whole window of ids, so windows of columns line up with
    // them; the columns are read when first shown.
    QList<qint64> ids;
    QString error;
    FeedbackQuery::Cursor cursor = m_cursor;
    if (!m_query.fetchIds(m_db, &cursor, m_windowSize, &ids, &error)) {
        m_error = error;
        Q_EMIT failed(error);
        return;
    }
    m_cursor = cursor;
    if (ids.isEmpty())
        return;
    const int first = int(m_ids.size());
    m_announcing = true;
    beginInsertRows(QModelIndex(), first, first + int(ids.size()) - 1);
    m_ids.append(ids);
    endInsertRows();
    m_announcing = false;
}

const FeedbackRow *FeedbackInboxModel::rowAt(int row) const
{
    const int window = row / m_windowSize;
    auto it = m_windows.find(window);
    if (it == m_windows.end()) {
        const int first = window * m_windowSize;
        const QList<qint64> ids = m_ids.mid(first, m_windowSize);
        QList<FeedbackRow> rows;
        QString error;
        if (!m_query.rows(m_db, ids, &rows, &error)) {
            m_error = error;
            return nullptr;
        }
        // Items deleted since they were listed leave a gap rather than shifting every row.
        QList<FeedbackRow> aligned;
        aligned.reserve(ids.size());
        qsizetype next = 0;
        for (qint64 id : ids) {
            if (next < rows.size() && rows.at(next).id == id)
                aligned.append(rows.at(next++));
            else
                aligned.append(FeedbackRow{});
        }
        // Evicted first: removing from a QHash moves its entries, so no iterator survives it.
        while (m_recent.size() >= CachedWindows)
            m_windows.remove(m_recent.takeFirst());
        it = m_windows.insert(window, aligned);
    }
    m_recent.removeAll(window);
    m_recent.append(window);
    const qsizetype offset = row - qsizetype(window) * m_windowSize;
    return offset < it->size() ? &it->at(offset) : nullptr;
}

QString FeedbackInboxModel::importanceText(int importance)
{
    switch (importance) {
    case 0:
        return tr("nice to have");
    case 1:
        return tr("useful");
    case 2:
        return tr("important");
    case 3:
        return tr("critical");
    default:
        return tr("linked in the source");
    }
}

QVariant FeedbackInboxModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const FeedbackRow *row = rowAt(index.row());
    if (!row || row->id == 0)
        return QVariant();
    if (role == Qt::ToolTipRole && index.column() == Features && !row->features.isEmpty()) {
        QStringList lines;
        for (const FeedbackFeatureLink &link : row->features)
            lines.append(tr("%1 · %2").arg(link.name, importanceText(link.importance)));
        return lines.join(QLatin1Char('\n'));
    }
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        switch (Column(index.column())) {
        case Source:
            return row->source;
        case Title:
            return row->title;
        case Body:
            return row->firstLine;
        case Author:
            return row->author;
        case Company:
            return row->company;
        case Score:
            return row->score;
        case Channel:
            return row->channel;
        case Created:
            return row->createdAt;
        case Status:
            return row->status;
        case Features: {
            QStringList names;
            for (const FeedbackFeatureLink &link : row->features)
                names.append(link.name);
            return names.join(QStringLiteral(", "));
        }
        case ColumnCount:
            break;
        }
        return QVariant();
    case Qt::TextAlignmentRole:
        if (index.column() == Score)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant();
    case IdRole:
        return row->id;
    case TitleHighlightRole:
        return row->titleHighlight;
    case BodySnippetRole:
        return row->bodySnippet;
    case StatusRole:
        return row->status;
    case ScoreKindRole:
        return row->scoreKind;
    case FeatureIdsRole: {
        QVariantList ids;
        for (const FeedbackFeatureLink &link : row->features)
            ids.append(link.featureId);
        return ids;
    }
    case TagsRole:
        return row->tags;
    case FeatureLinksRole: {
        QVariantList links;
        for (const FeedbackFeatureLink &link : row->features)
            links.append(QVariantMap{{QStringLiteral("id"), link.featureId},
                                     {QStringLiteral("name"), link.name},
                                     {QStringLiteral("importance"), link.importance}});
        return links;
    }
    default:
        return QVariant();
    }
}

QVariant FeedbackInboxModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 ||
        section >= ColumnCount)
        return QVariant();
    switch (Column(section)) {
    case Source:
        return tr("Source");
    case Title:
        return tr("Title");
    case Body:
        return tr("Feedback");
    case Author:
        return tr("Author");
    case Company:
        return tr("Company");
    case Score:
        return tr("Score");
    case Channel:
        return tr("Channel");
    case Created:
        return tr("Created");
    case Status:
        return tr("Status");
    case Features:
        return tr("Features");
    case ColumnCount:
        break;
    }
    return QVariant();
}

void FeedbackInboxModel::sort(int column, Qt::SortOrder order)
{
    FeedbackQuery::Sort sort;
    switch (column) {
    case Created:
        sort = FeedbackQuery::Sort::Date;
        break;
    case Score:
        sort = FeedbackQuery::Sort::Score;
        break;
    case Title:
        sort = FeedbackQuery::Sort::Title;
        break;
    default:
        return;
    }
    if (sort == m_query.sort() && order == m_query.order())
        return;
    // Another order is another set of windows: read again from the top.
    setQuery(FeedbackQuery(m_query.filter(), sort, order));
}
