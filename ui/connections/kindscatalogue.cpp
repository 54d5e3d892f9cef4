#include "kindscatalogue.h"

#include "connections/connectionsservice.h"
#include "kindicon.h"

#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTreeView>
#include <QVBoxLayout>

namespace {
constexpr int KindRole = Qt::UserRole + 1;
}

KindsCatalogue::KindsCatalogue(ConnectionsService *service, QWidget *parent)
    : QWidget(parent)
    , m_service(service)
    , m_model(new QStandardItemModel(this))
    , m_view(new QTreeView(this))
{
    auto *heading = new QLabel(tr("Available tools"), this);
    QFont font = heading->font();
    font.setWeight(QFont::DemiBold);
    heading->setFont(font);

    m_view->setModel(m_model);
    m_view->setHeaderHidden(true);
    m_view->setRootIsDecorated(false);
    m_view->setItemsExpandable(false);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setIconSize(QSize(20, 20));
    m_view->setAccessibleName(tr("Connector kinds by category"));
    connect(m_view, &QTreeView::activated, this, [this] { requestSelected(); });

    auto *add = new QPushButton(tr("Add…"), this);
    add->setAccessibleName(tr("Add a source of the selected kind"));
    add->setEnabled(false);
    connect(add, &QPushButton::clicked, this, &KindsCatalogue::requestSelected);
    connect(
        m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
        [add](const QModelIndex &current) { add->setEnabled(current.data(KindRole).isValid()); });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);
    layout->addWidget(heading);
    layout->addWidget(m_view, 1);
    layout->addWidget(add, 0, Qt::AlignRight);
    reload();
}

void KindsCatalogue::reload()
{
    m_model->clear();
    const QList<ConnectionKind> kinds = m_service->kinds();
    QStringList categories = ConnectionsService::categories();
    categories.append(QStringLiteral("other"));
    for (const QString &category : std::as_const(categories)) {
        QList<QStandardItem *> items;
        for (const ConnectionKind &kind : kinds) {
            if (kind.category != category)
                continue;
            auto *item =
                new QStandardItem(KindIcon::forKind(kind.title, kind.category), kind.title);
            item->setData(kind.kind, KindRole);
            item->setToolTip(kind.description);
            item->setData(tr("%1: %2").arg(kind.title, kind.description),
                          Qt::AccessibleDescriptionRole);
            items.append(item);
        }
        if (items.isEmpty() && category == QLatin1String("other"))
            continue;
        auto *group = new QStandardItem(ConnectionsService::categoryTitle(category));
        group->setSelectable(false);
        QFont font = group->font();
        font.setWeight(QFont::DemiBold);
        group->setFont(font);
        if (items.isEmpty()) {
            auto *none = new QStandardItem(tr("No connectors yet"));
            none->setSelectable(false);
            none->setEnabled(false);
            items.append(none);
        }
        for (QStandardItem *item : std::as_const(items))
            group->appendRow(item);
        m_model->appendRow(group);
    }
    m_view->expandAll();
}

void KindsCatalogue::requestSelected()
{
    const QVariant kind = m_view->currentIndex().data(KindRole);
    if (kind.isValid())
        Q_EMIT addRequested(kind.toString());
}
