#pragma once

#include <QWidget>

class ConnectionsService;
class QStandardItemModel;
class QTreeView;

// Every connector kind, grouped by category, from which a source is added.
class KindsCatalogue : public QWidget
{
    Q_OBJECT
public:
    explicit KindsCatalogue(ConnectionsService *service, QWidget *parent = nullptr);

    void reload();
    QTreeView *view() const { return m_view; }
    QStandardItemModel *model() const { return m_model; }

Q_SIGNALS:
    void addRequested(const QString &kind);

private:
    void requestSelected();

    ConnectionsService *m_service;
    QStandardItemModel *m_model;
    QTreeView *m_view;
};
