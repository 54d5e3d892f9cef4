#include "companytreemodel.h"

// A company's index carries no internal id; an identifier's carries its company's row + 1.
CompanyTreeModel::CompanyTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
{
}

void CompanyTreeModel::setCompanies(const QList<CompanySummary> &companies)
{
    beginResetModel();
    m_companies = companies;
    endResetModel();
}

QModelIndex CompanyTreeModel::indexOfCompany(qint64 id) const
{
    for (int row = 0; row < m_companies.size(); ++row) {
        if (m_companies.at(row).id == id)
            return index(row, 0);
    }
    return {};
}

QString CompanyTreeModel::matchedByText(const QString &matchedBy)
{
    if (matchedBy == QLatin1String("domain"))
        return tr("Domain");
    if (matchedBy == QLatin1String("name"))
        return tr("Name");
    if (matchedBy == QLatin1String("new"))
        return tr("First seen");
    if (matchedBy == QLatin1String("manual"))
        return tr("By hand");
    return tr("Not recorded");
}

QModelIndex CompanyTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, quintptr(0));
    return createIndex(row, column, quintptr(parent.row() + 1));
}

QModelIndex CompanyTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == 0)
        return {};
    return createIndex(int(child.internalId() - 1), 0, quintptr(0));
}

int CompanyTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_companies.size());
    if (parent.internalId() != 0 || parent.column() != 0)
        return 0;
    return int(m_companies.at(parent.row()).sources.size());
}

int CompanyTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant CompanyTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (index.internalId() == 0)
        return companyData(m_companies.at(index.row()), index.column(), role);
    const CompanySummary &company = m_companies.at(int(index.internalId() - 1));
    return sourceData(company, company.sources.at(index.row()), index.column(), role);
}

QVariant CompanyTreeModel::companyData(const CompanySummary &company, int column, int role) const
{
    if (role == CompanyIdRole)
        return company.id;
    if (role == Qt::TextAlignmentRole && column >= UsersColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    const qsizetype sources = company.sources.size();
    if (role == Qt::ToolTipRole && column == NameColumn)
        return sources == 1
                   ? tr("Company %1, known to one service record").arg(company.id)
                   : tr("Company %1, known to %2 service records").arg(company.id).arg(sources);
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case NameColumn:
        return company.name;
    case DomainColumn:
        return company.domain;
    case SourceColumn:
        return sources == 1 ? tr("1 source") : tr("%1 sources").arg(sources);
    case UsersColumn:
        return company.users;
    case OpportunitiesColumn:
        return company.opportunities;
    case FeedbackColumn:
        return company.feedback;
    default:
        return {};
    }
}

QVariant CompanyTreeModel::sourceData(const CompanySummary &company, const CompanySource &source,
                                      int column, int role) const
{
    switch (role) {
    case CompanyIdRole:
        return company.id;
    case SourceIdRole:
        return source.sourceId;
    case ExternalIdRole:
        return source.externalId;
    case Qt::ToolTipRole:
        return tr("%1 knows this company as \"%2\" (%3)")
            .arg(source.sourceName, source.name.isEmpty() ? company.name : source.name,
                 source.externalId);
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (column) {
    case NameColumn:
        return source.name;
    case DomainColumn:
        return source.domain;
    case SourceColumn:
        return source.sourceKind.isEmpty() || source.sourceKind == source.sourceName
                   ? source.sourceName
                   : tr("%1 (%2)").arg(source.sourceName, source.sourceKind);
    case IdentifierColumn:
        return source.externalId;
    case MatchedColumn:
        return matchedByText(source.matchedBy);
    default:
        return {};
    }
}

QVariant CompanyTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Company");
    case DomainColumn:
        return tr("Domain");
    case SourceColumn:
        return tr("Source");
    case IdentifierColumn:
        return tr("Identifier");
    case MatchedColumn:
        return tr("Matched by");
    case UsersColumn:
        return tr("Users");
    case OpportunitiesColumn:
        return tr("Opportunities");
    case FeedbackColumn:
        return tr("Feedback");
    default:
        return {};
    }
}
