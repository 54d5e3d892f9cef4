#pragma once

#include "companystore.h"

#include <QAbstractItemModel>

// The shared companies, each with its identifiers in the services as children: what a person
// reads to judge whether a match is right.
class CompanyTreeModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column {
        NameColumn,
        DomainColumn,
        SourceColumn,
        IdentifierColumn,
        MatchedColumn,
        UsersColumn,
        OpportunitiesColumn,
        FeedbackColumn,
        ColumnCount
    };
    enum Role {
        CompanyIdRole = Qt::UserRole + 1, // the company, also on its identifiers
        SourceIdRole,                     // identifiers only
        ExternalIdRole,                   // identifiers only
    };

    explicit CompanyTreeModel(QObject *parent = nullptr);

    void setCompanies(const QList<CompanySummary> &companies);
    const QList<CompanySummary> &companies() const { return m_companies; }
    QModelIndex indexOfCompany(qint64 id) const;

    static QString matchedByText(const QString &matchedBy);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QVariant companyData(const CompanySummary &company, int column, int role) const;
    QVariant sourceData(const CompanySummary &company, const CompanySource &source, int column,
                        int role) const;

    QList<CompanySummary> m_companies;
};
