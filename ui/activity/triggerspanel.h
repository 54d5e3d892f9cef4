#pragma once

#include "activity/trigger.h"

#include <QWidget>

class Banner;
class QPushButton;
class QTableView;
class QUndoStack;
class TriggerListModel;
class WorkspaceController;

// The user's triggers: add, edit, switch on and off, delete, all undoable.
class TriggersPanel : public QWidget
{
    Q_OBJECT
public:
    TriggersPanel(WorkspaceController *controller, Banner *banner, QWidget *parent = nullptr);

    void reload();
    // Adds or changes a trigger through the undo stack (the dialogs end here).
    void addTrigger(const Trigger &trigger);
    void changeTrigger(const Trigger &before, const Trigger &after);
    void removeTrigger(const Trigger &trigger);

    QUndoStack *undoStack() const { return m_undo; }
    TriggerListModel *model() const { return m_model; }

Q_SIGNALS:
    void loaded();

private:
    void editSelected();
    void removeSelected();
    void changed(const QString &error);
    const Trigger *selected() const;

    WorkspaceController *m_controller;
    Banner *m_banner;
    TriggerListModel *m_model;
    QTableView *m_view;
    QUndoStack *m_undo;
    QPushButton *m_edit;
    QPushButton *m_remove;
    TriggerNames m_names;
};
