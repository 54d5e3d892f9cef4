#include "credentialsdialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

CredentialsDialog::CredentialsDialog(ConnectionsService *service, const ConnectionSource &source,
                                     QWidget *parent)
    : QDialog(parent)
    , m_service(service)
    , m_source(source)
    , m_status(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
{
    const bool oauth = source.auth == ConnectionKind::Auth::OAuth;
    setWindowTitle(tr("Connect %1").arg(source.source.name));
    setAccessibleName(windowTitle());

    auto *intro = new QLabel(this);
    intro->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 24, 24, 16);
    layout->setSpacing(16);
    layout->addWidget(intro);

    if (oauth) {
        intro->setText(tr("Sign in to %1 in your browser. The Hub receives the permission on this "
                          "computer only; the tokens are kept in the system keychain.")
                           .arg(source.kindTitle));
        m_primary =
            m_buttons->addButton(tr("&Sign in with the browser"), QDialogButtonBox::AcceptRole);
    } else {
        intro->setText(tr("The key is kept in the system keychain, never in the workspace "
                          "file, settings or exports."));
        auto *form = new QFormLayout;
        const ConnectionKind kind = service->kind(source.source.kind).value_or(ConnectionKind{});
        const QStringList parts =
            kind.secretParts.isEmpty() ? QStringList{tr("API token")} : kind.secretParts;
        for (const QString &part : parts) {
            auto *edit = new QLineEdit(this);
            // A user name is not secret; only the last part of a Basic pair is.
            if (parts.size() == 1 || &part == &parts.last())
                edit->setEchoMode(QLineEdit::Password);
            edit->setAccessibleName(part);
            connect(edit, &QLineEdit::textChanged, this, &CredentialsDialog::updateButtons);
            m_fields.append(edit);
            form->addRow(part + QLatin1Char(':'), edit);
        }
        layout->addLayout(form);
        m_primary = m_buttons->addButton(tr("&Save to the keychain"), QDialogButtonBox::AcceptRole);
    }
    m_primary->setDefault(true);
    m_primary->setAccessibleName(m_primary->text().remove(QLatin1Char('&')));
    m_buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel connecting"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &CredentialsDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, [this] {
        m_service->cancelSignIn();
        reject();
    });
    connect(service, &ConnectionsService::signInUrl, this, [this](qint64 id, const QUrl &url) {
        if (id != m_source.source.id)
            return;
        setStatus(tr("Waiting for you to finish signing in in the browser… If no browser "
                     "opened, visit <a href=\"%1\">%1</a>.")
                      .arg(url.toString(QUrl::FullyEncoded).toHtmlEscaped()),
                  false);
    });

    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::RichText);
    m_status->setOpenExternalLinks(true);
    m_status->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_status->setAccessibleName(tr("Connection status"));
    m_status->hide();
    layout->addWidget(m_status);
    layout->addStretch(1);
    layout->addWidget(m_buttons);
    setMinimumWidth(480);
    updateButtons();
}

QString CredentialsDialog::statusText() const
{
    return m_status->isHidden() ? QString() : m_status->text();
}

void CredentialsDialog::setStatus(const QString &text, bool error)
{
    QPalette palette = this->palette();
    if (error)
        palette.setColor(QPalette::WindowText, QColor(0xd3, 0x2f, 0x2f));
    m_status->setPalette(palette);
    m_status->setText(text);
    m_status->setVisible(!text.isEmpty());
}

void CredentialsDialog::updateButtons()
{
    bool filled = true;
    for (const QLineEdit *edit : std::as_const(m_fields))
        filled = filled && !edit->text().trimmed().isEmpty();
    m_primary->setEnabled(filled && !m_busy);
}

void CredentialsDialog::submit()
{
    if (m_busy)
        return;
    m_busy = true;
    updateButtons();
    auto done = [this](const QString &error) {
        m_busy = false;
        updateButtons();
        if (!error.isEmpty()) {
            setStatus(tr("Not connected: %1").arg(error.toHtmlEscaped()), true);
            return;
        }
        setStatus(tr("Connected."), false);
        accept();
    };
    if (m_source.auth == ConnectionKind::Auth::OAuth) {
        setStatus(tr("Opening the sign-in page…"), false);
        m_service->signIn(m_source.source.id, this, done);
        return;
    }
    QStringList parts;
    for (const QLineEdit *edit : std::as_const(m_fields))
        parts.append(edit->text().trimmed());
    setStatus(tr("Saving to the keychain…"), false);
    m_service->storeSecret(m_source.source.id, parts.join(QLatin1Char(':')).toUtf8(), this, done);
}
