#pragma once

#include "search/globalsearch.h"

#include <QLineEdit>

#include <memory>

class Database;
class QCompleter;
class QStandardItemModel;
class QTimer;

// The window's search (Ctrl+K): features, feedback and work items by any words of their
// titles, listed under the field as one types. Searches run off the UI thread; an answer to
// older text never replaces a newer one.
class SearchField : public QLineEdit
{
    Q_OBJECT
public:
    explicit SearchField(QWidget *parent = nullptr);

    void setDatabase(std::shared_ptr<Database> database);
    QStandardItemModel *results() const { return m_results; }

Q_SIGNALS:
    void hitActivated(GlobalSearch::Hit::Kind kind, qint64 id);
    void searched(); // results() holds the answer for the current text

private:
    void search();
    void show(const QString &text, const QList<GlobalSearch::Hit> &hits, const QString &error);

    std::shared_ptr<Database> m_database;
    QStandardItemModel *m_results;
    QCompleter *m_completer;
    QTimer *m_debounce;
    quint64 m_generation = 0;
};
