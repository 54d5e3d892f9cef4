#pragma once

#include "connections/connectionsservice.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

// Connects a source: an API key typed into a password field and kept in the keychain, or an
// OAuth sign-in through the system browser, with the wait and the result shown in place.
class CredentialsDialog : public QDialog
{
    Q_OBJECT
public:
    CredentialsDialog(ConnectionsService *service, const ConnectionSource &source,
                      QWidget *parent = nullptr);

    QList<QLineEdit *> secretFields() const { return m_fields; }
    QString statusText() const;

public Q_SLOTS:
    void submit();

private:
    void setStatus(const QString &text, bool error);
    void updateButtons();

    ConnectionsService *m_service;
    ConnectionSource m_source;
    QList<QLineEdit *> m_fields;
    QLabel *m_status;
    QDialogButtonBox *m_buttons;
    QPushButton *m_primary;
    bool m_busy = false;
};
