#include "companyeditcommand.h"

CompanyEditCommand::CompanyEditCommand(const QString &text, const CompanyEdit &edit, Runner runner)
    : QUndoCommand(text)
    , m_edit(edit)
    , m_runner(std::move(runner))
{
}

void CompanyEditCommand::undo()
{
    m_runner(m_edit, false);
}

void CompanyEditCommand::redo()
{
    if (m_pushed) {
        m_pushed = false;
        return;
    }
    m_runner(m_edit, true);
}
