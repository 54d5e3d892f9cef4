#include "mergetargetdialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

MergeTargetDialog::MergeTargetDialog(const CompanySummary &from,
                                     const QList<CompanySummary> &companies, QWidget *parent)
    : QDialog(parent)
    , m_filter(new QLineEdit(this))
    , m_list(new QListWidget(this))
{
    setWindowTitle(tr("Merge %1 into…").arg(from.name));
    auto *intro = new QLabel(tr("Every identifier, user, opportunity and feedback item of "
                                "<b>%1</b> will belong to the company you choose. Later syncs "
                                "keep the merge; Undo takes it back.")
                                 .arg(from.name.toHtmlEscaped()),
                             this);
    intro->setWordWrap(true);
    m_filter->setPlaceholderText(tr("Filter by name or domain"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Filter companies"));
    m_list->setAccessibleName(tr("Companies to merge into"));
    for (const CompanySummary &company : companies) {
        if (company.id == from.id)
            continue;
        auto *item = new QListWidgetItem(company.domain.isEmpty()
                                             ? company.name
                                             : tr("%1 · %2").arg(company.name, company.domain),
                                         m_list);
        item->setData(Qt::UserRole, company.id);
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Merge"));
    buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_filter, &QLineEdit::textChanged, this, &MergeTargetDialog::applyFilter);
    connect(m_list, &QListWidget::currentItemChanged, this, [this, buttons] {
        buttons->button(QDialogButtonBox::Ok)->setEnabled(targetId() != 0);
    });
    connect(m_list, &QListWidget::itemActivated, this, &QDialog::accept);

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(8);
    layout->addWidget(intro);
    layout->addWidget(m_filter);
    layout->addWidget(m_list, 1);
    layout->addWidget(buttons);
    resize(440, 480);
}

qint64 MergeTargetDialog::targetId() const
{
    const QListWidgetItem *item = m_list->currentItem();
    return item && !item->isHidden() ? item->data(Qt::UserRole).toLongLong() : 0;
}

void MergeTargetDialog::applyFilter(const QString &text)
{
    const QString needle = text.trimmed();
    for (int row = 0; row < m_list->count(); ++row) {
        QListWidgetItem *item = m_list->item(row);
        item->setHidden(!needle.isEmpty() && !item->text().contains(needle, Qt::CaseInsensitive));
    }
}
