#include "searchfield.h"

#include "database.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QFutureWatcher>
#include <QStandardItemModel>
#include <QTimer>
#include <QtConcurrent>

namespace {

enum Role { KindRole = Qt::UserRole + 1, IdRole, TypedRole };
constexpr int HitsPerKind = 8;

} // namespace

SearchField::SearchField(QWidget *parent)
    : QLineEdit(parent)
    , m_results(new QStandardItemModel(this))
    , m_completer(new QCompleter(m_results, this))
    , m_debounce(new QTimer(this))
{
    setPlaceholderText(tr("Search features, feedback, work items (Ctrl+K)"));
    setAccessibleName(tr("Search"));
    setClearButtonEnabled(true);
    setMinimumWidth(fontMetrics().averageCharWidth() * 28);
    // Every hit is shown as it is: the search already chose them.
    m_completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    // Moving through the list leaves what was typed in the field.
    m_completer->setCompletionRole(TypedRole);
    m_completer->setMaxVisibleItems(HitsPerKind * 3);
    m_completer->popup()->setAccessibleName(tr("Search results"));
    setCompleter(m_completer);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(150);
    connect(this, &QLineEdit::textEdited, m_debounce, qOverload<>(&QTimer::start));
    connect(m_debounce, &QTimer::timeout, this, &SearchField::search);
    connect(m_completer, qOverload<const QModelIndex &>(&QCompleter::activated), this,
            [this](const QModelIndex &index) {
                if (!index.data(IdRole).isValid())
                    return;
                Q_EMIT hitActivated(GlobalSearch::Hit::Kind(index.data(KindRole).toInt()),
                                    index.data(IdRole).toLongLong());
            });
}

void SearchField::setDatabase(std::shared_ptr<Database> database)
{
    m_database = std::move(database);
    ++m_generation;
    m_results->clear();
    clear();
}

void SearchField::search()
{
    const QString typed = text();
    const quint64 generation = ++m_generation;
    if (!m_database || typed.trimmed().isEmpty()) {
        show(typed, {}, QString());
        return;
    }
    auto *watcher = new QFutureWatcher<QPair<QList<GlobalSearch::Hit>, QString>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation, typed] {
        watcher->deleteLater();
        if (generation != m_generation)
            return; // the text changed since
        const auto [hits, error] = watcher->result();
        show(typed, hits, error);
    });
    std::shared_ptr<Database> database = m_database;
    watcher->setFuture(QtConcurrent::run([database, typed] {
        QString error;
        const QList<GlobalSearch::Hit> hits =
            GlobalSearch::find(database->connection(), typed, HitsPerKind, &error);
        return qMakePair(hits, error);
    }));
}

void SearchField::show(const QString &typed, const QList<GlobalSearch::Hit> &hits,
                       const QString &error)
{
    m_results->clear();
    for (const GlobalSearch::Hit &hit : hits) {
        auto *item = new QStandardItem(
            tr("%1 — %2 · %3").arg(hit.title, GlobalSearch::kindName(hit.kind), hit.detail));
        item->setData(int(hit.kind), KindRole);
        item->setData(hit.id, IdRole);
        item->setData(typed, TypedRole);
        item->setToolTip(hit.title);
        item->setEditable(false);
        m_results->appendRow(item);
    }
    if (hits.isEmpty() && !typed.trimmed().isEmpty()) {
        auto *item = new QStandardItem(error.isEmpty() ? tr("Nothing found for “%1”").arg(typed)
                                                       : tr("Search failed: %1").arg(error));
        item->setData(typed, TypedRole);
        item->setFlags(Qt::ItemIsEnabled);
        m_results->appendRow(item);
    }
    if (m_results->rowCount() > 0 && hasFocus())
        m_completer->complete();
    Q_EMIT searched();
}
