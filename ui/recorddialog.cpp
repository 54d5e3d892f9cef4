#include "recorddialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QTableWidget>
#include <QVBoxLayout>

RecordDialog::RecordDialog(const QString &title, const QList<QPair<QString, QString>> &fields,
                           QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(title);
    auto *table = new QTableWidget(int(fields.size()), 2, this);
    table->setAccessibleName(tr("Fields of %1").arg(title));
    table->setHorizontalHeaderLabels({tr("Field"), tr("Value")});
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setWordWrap(true);
    for (int row = 0; row < fields.size(); ++row) {
        table->setItem(row, 0, new QTableWidgetItem(fields.at(row).first));
        table->setItem(row, 1, new QTableWidgetItem(fields.at(row).second));
    }
    table->resizeColumnToContents(0);
    table->resizeRowsToContents();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(table);
    layout->addWidget(buttons);
    resize(640, 480);
}
