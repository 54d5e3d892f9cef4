#include "newfeaturedialog.h"

#include "feedbackreadingpane.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>

NewFeatureDialog::NewFeatureDialog(const QString &name, const QString &description, int itemCount,
                                   QWidget *parent)
    : QDialog(parent)
    , m_name(new QLineEdit(name.simplified(), this))
    , m_description(new QPlainTextEdit(description.trimmed(), this))
    , m_importance(new QComboBox(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("New Feature from Feedback"));
    m_name->setAccessibleName(tr("Feature name"));
    m_name->selectAll();
    m_description->setAccessibleName(tr("Feature description"));
    m_description->setTabChangesFocus(true);
    m_importance->setAccessibleName(tr("Importance of the link"));
    addImportanceChoices(m_importance);
    // A feature made for this feedback is usually important to it.
    m_importance->setCurrentIndex(2);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Create and Link"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    const auto updateOk = [this] {
        m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!m_name->text().trimmed().isEmpty());
    };
    connect(m_name, &QLineEdit::textChanged, this, updateOk);
    updateOk();

    auto *intro = new QLabel(
        tr("The feature is kept in this workspace and the %n selected item(s) are linked to it.",
           nullptr, itemCount),
        this);
    intro->setWordWrap(true);
    auto *form = new QFormLayout(this);
    form->addRow(intro);
    form->addRow(tr("&Name"), m_name);
    form->addRow(tr("&Description"), m_description);
    form->addRow(tr("&Importance"), m_importance);
    form->addRow(m_buttons);
    resize(fontMetrics().averageCharWidth() * 70, sizeHint().height());
}

QString NewFeatureDialog::name() const
{
    return m_name->text().simplified();
}

QString NewFeatureDialog::description() const
{
    return m_description->toPlainText().trimmed();
}

int NewFeatureDialog::importance() const
{
    return m_importance->currentData().toInt();
}
