#pragma once

#include <QDialog>

#include <memory>

class Banner;
class Database;
class MappedEventsModel;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QUndoStack;
class UnmappedEventsModel;
struct EventMappingSnapshot;

// Which analytics events count as use of which feature: the mapping entries beside the event
// names no entry maps yet. Mapping or unmapping recounts the days concerned from the stored
// events (no sync needed); every step can be undone.
class EventMappingDialog : public QDialog
{
    Q_OBJECT
public:
    explicit EventMappingDialog(std::shared_ptr<Database> database, QWidget *parent = nullptr);

    MappedEventsModel *mappedModel() const { return m_mapped; }
    UnmappedEventsModel *unmappedModel() const { return m_unmapped; }
    QUndoStack *undoStack() const { return m_undo; }
    bool isLoading() const { return m_loading > 0; }
    QString message() const;

    // Maps the text in the event field to the feature chosen; false (with the reason shown)
    // when the text is not a usable entry or is already mapped so.
    bool mapEntered();
    // Prepares the selected unmapped event for mapping.
    void useUnmapped(const QModelIndex &index);
    void unmapSelected();

Q_SIGNALS:
    // After each load of the mapping (the first one and every one after an edit).
    void loaded();

private:
    void reload();
    void display(const EventMappingSnapshot &snapshot);
    void stepDone(const QString &error);
    void updateButtons();

    std::shared_ptr<Database> m_database;
    QUndoStack *m_undo;
    MappedEventsModel *m_mapped;
    UnmappedEventsModel *m_unmapped;
    Banner *m_banner;
    QLineEdit *m_pattern;
    QComboBox *m_feature;
    QPushButton *m_map;
    QPushButton *m_unmap;
    QTableView *m_mappedView;
    QTableView *m_unmappedView;
    QLabel *m_mappedTitle;
    QLabel *m_unmappedTitle;
    int m_loading = 0;
};
