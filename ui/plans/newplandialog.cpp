#include "newplandialog.h"

#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

NewPlanDialog::NewPlanDialog(const QDate &today, QWidget *parent)
    : QDialog(parent)
    , m_product(new QLineEdit(this))
    , m_name(new QLineEdit(this))
    , m_date(new QDateEdit(today.addDays(42), this))
{
    setWindowTitle(tr("New launch plan"));
    m_product->setPlaceholderText(tr("The product or feature set that launches"));
    m_product->setAccessibleName(tr("Product"));
    m_name->setPlaceholderText(tr("“<product> launch” when left empty"));
    m_name->setAccessibleName(tr("Plan name"));
    m_date->setCalendarPopup(true);
    m_date->setAccessibleName(tr("Launch date"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_create = buttons->addButton(tr("Create plan"), QDialogButtonBox::AcceptRole);
    m_create->setDefault(true);
    m_create->setEnabled(false);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_product, &QLineEdit::textChanged, this,
            [this](const QString &text) { m_create->setEnabled(!text.trimmed().isEmpty()); });
    auto *hint = new QLabel(tr("The plan starts from the standard timeline: preparation, launch "
                               "week and optimisation around the launch day, with their tasks "
                               "and milestones. Everything can be changed afterwards."),
                            this);
    hint->setWordWrap(true);
    auto *form = new QFormLayout(this);
    form->addRow(hint);
    form->addRow(tr("&Product:"), m_product);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Launch date:"), m_date);
    form->addRow(buttons);
    setMinimumWidth(460);
}

QString NewPlanDialog::product() const
{
    return m_product->text().simplified();
}

QString NewPlanDialog::name() const
{
    const QString name = m_name->text().simplified();
    return name.isEmpty() ? tr("%1 launch").arg(product()) : name;
}

QDate NewPlanDialog::launchDate() const
{
    return m_date->date();
}
