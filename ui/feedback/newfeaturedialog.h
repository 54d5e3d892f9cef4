#pragma once

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLineEdit;
class QPlainTextEdit;

// Asks for the name, description and link importance of a feature made from feedback, filled
// in from the item so that most of the time Enter is all it takes.
class NewFeatureDialog : public QDialog
{
    Q_OBJECT
public:
    NewFeatureDialog(const QString &name, const QString &description, int itemCount,
                     QWidget *parent = nullptr);

    QString name() const;
    QString description() const;
    int importance() const;

    QLineEdit *nameField() const { return m_name; }

private:
    QLineEdit *m_name;
    QPlainTextEdit *m_description;
    QComboBox *m_importance;
    QDialogButtonBox *m_buttons;
};
