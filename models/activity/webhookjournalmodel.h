#pragma once

#include <QAbstractTableModel>
#include <QDateTime>
#include <QSqlDatabase>

#include <optional>

// The webhook journal: every stored delivery, newest first, with its processing status.
// Read-only; rows are read off the UI thread with load() and handed over with setDeliveries().
class WebhookJournalModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Received, Source, ProviderEvent, DeliveryId, Status, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, StatusRole, ErrorRole };

    struct Delivery
    {
        qint64 id = 0;
        QDateTime receivedAt;
        QString provider;
        QString source;
        QString eventType;
        QString deliveryId;
        QString status;
        QString error;
    };

    explicit WebhookJournalModel(QObject *parent = nullptr);

    static std::optional<QList<Delivery>> load(const QSqlDatabase &db, int limit, QString *error);
    // The stored body of one delivery, pretty-printed when it is JSON.
    static std::optional<QString> payload(const QSqlDatabase &db, qint64 id, QString *error);
    static QString statusName(const QString &status);

    void setDeliveries(const QList<Delivery> &deliveries);
    const Delivery &delivery(int row) const { return m_deliveries.at(row); }
    int rowOf(qint64 id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<Delivery> m_deliveries;
};
