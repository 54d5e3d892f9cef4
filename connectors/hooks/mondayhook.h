#pragma once

#include "engine/streamhook.h"

#include <QJsonObject>

// monday.com's items come in two shapes: the first page nests them in the board,
// data.boards[0].items_page {cursor items}, and every later page is a different query at the
// root, data.next_items_page {cursor items}. The hook turns both into {"cursor", "items"}
// (the items' bytes untouched), builds the next_items_page query from the stream's own
// items selection, and fails a page that carries GraphQL errors even with HTTP 200.
class MondayItemsHook : public StreamHook
{
public:
    bool prepareRequest(HttpRequest &request, const Source &source, const StreamSpec &stream,
                        QString *error) override;
    bool transformBody(QByteArray &body, QString *error) override;
    bool pagesItself() const override { return true; }
    std::optional<HttpRequest> nextRequest(const HttpRequest &current, const JsonRecord &body,
                                           int recordCount, QString *error) override;

    // The text of the GraphQL errors in a monday.com response ("errors" or the older
    // "error_message"/"error_code"), empty when there are none.
    static QString errorText(const QJsonObject &response);
    // The next_items_page query asking for the same item fields as `firstPageQuery`, and the
    // names of the variables those fields use. Empty with error when the query has no
    // items_page { items { ... } } selection.
    static QString nextPageQuery(const QString &firstPageQuery, QStringList *variables,
                                 QString *error);

private:
    QString m_nextQuery;
    QStringList m_carriedVariables;
    QJsonObject m_variables; // the first request's, for the variables the item fields use
    QString m_board;
    QString m_lastCursor;
};

void registerMondayHooks();
