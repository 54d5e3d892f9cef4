#pragma once

#include "exportsource.h"
#include "feedback/feedbackquery.h"

class Database;

// The items of an inbox view (its filter, words and sort), a window at a time, with the
// columns the inbox shows. For a whole view, not just the rows scrolled into it so far.
class FeedbackSource : public ExportSource
{
public:
    FeedbackSource(Database *database, FeedbackQuery query);

    QList<ExportColumn> columns() const override;
    bool open(QString *error) override;
    qint64 rowCount() const override { return m_count; }
    bool next(QStringList *cells) override;
    QString error() const override { return m_error; }

    static QList<ExportColumn> feedbackColumns();

private:
    bool fetchWindow();

    Database *m_database;
    FeedbackQuery m_query;
    FeedbackQuery::Cursor m_cursor;
    QList<FeedbackRow> m_window;
    qsizetype m_next = 0;
    qint64 m_count = -1;
    QString m_error;
};
