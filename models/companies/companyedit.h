#pragma once

#include <QList>
#include <QString>
#include <QVariant>

// What a split or merge of companies changed, row by row, so that it can be undone exactly
// and done again with the same ids (later edits on an undo stack refer to them).
struct CompanyEdit
{
    struct Company
    {
        qint64 id = 0;
        QString name;
        QVariant domain;
        QVariant nameKey;
    };
    struct DomainChange
    {
        qint64 companyId = 0;
        QVariant before;
        QVariant after;
    };
    // One service's identifier filed under another company.
    struct LinkMove
    {
        qint64 sourceId = 0;
        QString externalId;
        qint64 from = 0;
        qint64 to = 0;
        QVariant matchedByBefore;
        QVariant overrideBefore; // the company a person had put it under, if any
    };
    // A user, feedback item or opportunity that goes with the identifier.
    struct RowMove
    {
        QString table;
        qint64 id = 0;
        qint64 from = 0;
        qint64 to = 0;
    };

    QList<Company> created; // there after the edit only
    QList<Company> removed; // there before the edit only
    QList<DomainChange> domains;
    QList<LinkMove> links;
    QList<RowMove> rows;

    // The company the edit leaves the moved identifiers in.
    qint64 target() const { return links.isEmpty() ? 0 : links.first().to; }
};
