#include "webhookjournalmodel.h"

#include "isodate.h"

#include <QJsonDocument>
#include <QLocale>
#include <QSqlError>
#include <QSqlQuery>

WebhookJournalModel::WebhookJournalModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

std::optional<QList<WebhookJournalModel::Delivery>>
WebhookJournalModel::load(const QSqlDatabase &db, int limit, QString *error)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral(
        "SELECT w.id, w.received_at, w.provider, coalesce(s.name, ''), coalesce(w.event_type, ''), "
        "w.delivery_id, w.status, coalesce(w.error, '') FROM webhook_events w "
        "LEFT JOIN sources s ON s.id = w.source_id ORDER BY w.received_at DESC, w.id DESC "
        "LIMIT ?"));
    query.addBindValue(limit);
    if (!query.exec()) {
        *error = query.lastError().text();
        return std::nullopt;
    }
    QList<Delivery> deliveries;
    while (query.next()) {
        deliveries.append({query.value(0).toLongLong(), IsoDate::parse(query.value(1).toString()),
                           query.value(2).toString(), query.value(3).toString(),
                           query.value(4).toString(), query.value(5).toString(),
                           query.value(6).toString(), query.value(7).toString()});
    }
    return deliveries;
}

std::optional<QString> WebhookJournalModel::payload(const QSqlDatabase &db, qint64 id,
                                                    QString *error)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT payload FROM webhook_events WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec()) {
        *error = query.lastError().text();
        return std::nullopt;
    }
    if (!query.next()) {
        *error = tr("Delivery %1 is no longer stored.").arg(id);
        return std::nullopt;
    }
    const QByteArray body = query.value(0).toByteArray();
    QJsonParseError parsed;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parsed);
    if (parsed.error != QJsonParseError::NoError)
        return QString::fromUtf8(body);
    return QString::fromUtf8(document.toJson(QJsonDocument::Indented));
}

QString WebhookJournalModel::statusName(const QString &status)
{
    if (status == QLatin1String("received"))
        return tr("Received");
    if (status == QLatin1String("processed"))
        return tr("Processed");
    if (status == QLatin1String("ignored"))
        return tr("Ignored");
    if (status == QLatin1String("failed"))
        return tr("Failed");
    return status;
}

void WebhookJournalModel::setDeliveries(const QList<Delivery> &deliveries)
{
    beginResetModel();
    m_deliveries = deliveries;
    endResetModel();
}

int WebhookJournalModel::rowOf(qint64 id) const
{
    for (int row = 0; row < m_deliveries.size(); ++row) {
        if (m_deliveries.at(row).id == id)
            return row;
    }
    return -1;
}

int WebhookJournalModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_deliveries.size());
}

int WebhookJournalModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant WebhookJournalModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Delivery &delivery = m_deliveries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Received:
            return QLocale().toString(delivery.receivedAt.toLocalTime(), QLocale::ShortFormat);
        case Source:
            return delivery.source.isEmpty() ? delivery.provider : delivery.source;
        case ProviderEvent:
            return delivery.eventType;
        case DeliveryId:
            return delivery.deliveryId;
        case Status:
            // Status in words, and the reason with it: never colour alone.
            return delivery.error.isEmpty()
                       ? statusName(delivery.status)
                       : tr("%1: %2").arg(statusName(delivery.status), delivery.error);
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == Source)
            return tr("%1, through its %2 webhook").arg(delivery.source, delivery.provider);
        return index.column() == Status && !delivery.error.isEmpty() ? delivery.error : QVariant();
    case IdRole:
        return delivery.id;
    case StatusRole:
        return delivery.status;
    case ErrorRole:
        return delivery.error;
    }
    return {};
}

QVariant WebhookJournalModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Received:
        return tr("Received");
    case Source:
        return tr("Source");
    case ProviderEvent:
        return tr("Event");
    case DeliveryId:
        return tr("Delivery");
    case Status:
        return tr("Status");
    }
    return {};
}
