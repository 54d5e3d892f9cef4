#pragma once

#include "connections/connectionsservice.h"

#include <QDialog>
#include <QMap>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QCheckBox;

// The form for a new source, built from its connector's settings and checked as the user
// types: every field says what is wrong with it, and Add stays off until all are right.
class AddSourceDialog : public QDialog
{
    Q_OBJECT
public:
    AddSourceDialog(ConnectionsService *service, const ConnectionKind &kind,
                    QWidget *parent = nullptr);

    qint64 addedSourceId() const { return m_addedId; }
    QString kind() const { return m_kind.kind; }
    // The field of a setting ("name" and "base_url" for those two), for keyboard and tests.
    QLineEdit *field(const QString &name) const { return m_fields.value(name); }
    QString problem(const QString &name) const;
    QString errorText() const;
    NewConnection connection() const;

public Q_SLOTS:
    void submit();

private:
    void validate();
    void addRow(const QString &name, const QString &label, QWidget *field, const QString &help);

    ConnectionsService *m_service;
    ConnectionKind m_kind;
    QMap<QString, QLineEdit *> m_fields;
    QMap<QString, QCheckBox *> m_checks;
    QMap<QString, QLabel *> m_problems;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
    qint64 m_addedId = 0;
    bool m_busy = false;
};
