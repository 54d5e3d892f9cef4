#pragma once

#include "companies/companyedit.h"

#include <QUndoCommand>

#include <functional>

// A split or merge of companies on the undo stack. The edit is already in the workspace when
// the command is pushed; undo and redo hand it to runner, which writes it back or again.
class CompanyEditCommand : public QUndoCommand
{
public:
    using Runner = std::function<void(const CompanyEdit &edit, bool forward)>;

    CompanyEditCommand(const QString &text, const CompanyEdit &edit, Runner runner);

    void undo() override;
    void redo() override;
    const CompanyEdit &edit() const { return m_edit; }

private:
    CompanyEdit m_edit;
    Runner m_runner;
    bool m_pushed = true; // QUndoStack::push calls redo(): the edit was made already
};
