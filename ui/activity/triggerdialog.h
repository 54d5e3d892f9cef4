#pragma once

#include "activity/trigger.h"

#include <QDialog>
#include <QHash>

class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QWidget;

// The form for a new trigger or a change to one: a name, a kind and the kind's parameters.
// OK stays disabled until the trigger is complete; the reason shows under the form.
class TriggerDialog : public QDialog
{
    Q_OBJECT
public:
    // names: the features and sources to choose from.
    TriggerDialog(const Trigger &trigger, const TriggerNames &names, QWidget *parent = nullptr);

    Trigger trigger() const;

private:
    void rebuildParameters();
    void validate();

    Trigger m_original;
    TriggerNames m_names;
    QLineEdit *m_name;
    QComboBox *m_kind;
    QFormLayout *m_parameters;
    QHash<QString, QWidget *> m_fields;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};
