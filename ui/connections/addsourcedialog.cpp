#include "addsourcedialog.h"

#include "kindicon.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace {
const QString NameField = QStringLiteral("name");
const QString BaseUrlField = QStringLiteral("base_url");

QString labelFor(const QString &settingName)
{
    QString text = settingName;
    text.replace(QLatin1Char('_'), QLatin1Char(' '));
    if (!text.isEmpty())
        text[0] = text.at(0).toUpper();
    return text;
}
} // namespace

AddSourceDialog::AddSourceDialog(ConnectionsService *service, const ConnectionKind &kind,
                                 QWidget *parent)
    : QDialog(parent)
    , m_service(service)
    , m_kind(kind)
    , m_error(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Add a %1 source").arg(kind.title));
    setAccessibleName(windowTitle());

    auto *icon = new QLabel(this);
    icon->setPixmap(KindIcon::forKind(kind.title, kind.category).pixmap(QSize(32, 32)));
    auto *intro = new QLabel(QStringLiteral("<b>%1</b><br>%2")
                                 .arg(kind.title.toHtmlEscaped(), kind.description.toHtmlEscaped()),
                             this);
    intro->setWordWrap(true);
    auto *header = new QHBoxLayout;
    header->setSpacing(16);
    header->addWidget(icon, 0, Qt::AlignTop);
    header->addWidget(intro, 1);

    auto *formHost = new QWidget(this);
    auto *form = new QFormLayout(formHost);
    form->setContentsMargins(0, 0, 0, 0);
    form->setVerticalSpacing(4);
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);

    auto *name = new QLineEdit(this);
    name->setText(kind.title);
    addRow(NameField, tr("&Name"), name, tr("How this source is called in the Hub."));
    auto *baseUrl = new QLineEdit(this);
    baseUrl->setPlaceholderText(kind.defaultBaseUrl);
    addRow(BaseUrlField, tr("&Base URL"), baseUrl,
           tr("Leave empty for %1. Change it for a self-hosted or enterprise server.")
               .arg(kind.defaultBaseUrl));
    for (const ConnectionSetting &setting : kind.settings) {
        const QString label =
            setting.required ? tr("%1 *").arg(labelFor(setting.name)) : labelFor(setting.name);
        if (setting.isBoolean) {
            auto *check = new QCheckBox(this);
            check->setChecked(setting.defaultValue == QLatin1String("true"));
            m_checks.insert(setting.name, check);
            addRow(setting.name, label, check, setting.help);
        } else {
            auto *edit = new QLineEdit(this);
            edit->setPlaceholderText(setting.defaultValue);
            addRow(setting.name, label, edit, setting.help);
        }
    }
    const QStringList order = [&] {
        QStringList names{NameField, BaseUrlField};
        for (const ConnectionSetting &setting : kind.settings)
            names.append(setting.name);
        return names;
    }();
    for (const QString &fieldName : order) {
        QWidget *field = m_fields.contains(fieldName)
                             ? static_cast<QWidget *>(m_fields.value(fieldName))
                             : m_checks.value(fieldName);
        auto *column = new QVBoxLayout;
        column->setSpacing(2);
        column->addWidget(field);
        column->addWidget(m_problems.value(fieldName));
        auto *label = new QLabel(field->property("hubLabel").toString(), formHost);
        label->setBuddy(field);
        form->addRow(label, column);
    }

    m_error->setWordWrap(true);
    QPalette errorPalette = m_error->palette();
    errorPalette.setColor(QPalette::WindowText, QColor(0xd3, 0x2f, 0x2f));
    m_error->setPalette(errorPalette);
    m_error->setAccessibleName(tr("Why the source was not added"));
    m_error->hide();

    auto *add = m_buttons->addButton(tr("&Add source"), QDialogButtonBox::AcceptRole);
    add->setDefault(true);
    add->setAccessibleName(tr("Add the source"));
    m_buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel adding a source"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &AddSourceDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 24, 24, 16);
    layout->setSpacing(16);
    layout->addLayout(header);
    layout->addWidget(formHost);
    layout->addWidget(m_error);
    layout->addStretch(1);
    layout->addWidget(m_buttons);
    setMinimumWidth(520);
    validate();
}

void AddSourceDialog::addRow(const QString &name, const QString &label, QWidget *field,
                             const QString &help)
{
    field->setProperty("hubLabel", label);
    field->setAccessibleName(QString(label).remove(QLatin1Char('&')).remove(QStringLiteral(" *")));
    field->setAccessibleDescription(help);
    field->setToolTip(help);
    field->setObjectName(name);
    auto *problem = new QLabel(this);
    problem->setWordWrap(true);
    problem->setObjectName(name + QStringLiteral("-problem"));
    problem->setAccessibleName(tr("Problem with %1").arg(field->accessibleName()));
    QPalette palette = problem->palette();
    palette.setColor(QPalette::WindowText, QColor(0xd3, 0x2f, 0x2f));
    problem->setPalette(palette);
    m_problems.insert(name, problem);
    if (auto *edit = qobject_cast<QLineEdit *>(field)) {
        m_fields.insert(name, edit);
        connect(edit, &QLineEdit::textChanged, this, &AddSourceDialog::validate);
    }
}

NewConnection AddSourceDialog::connection() const
{
    NewConnection connection;
    connection.kind = m_kind.kind;
    connection.name = m_fields.value(NameField)->text();
    connection.baseUrl = m_fields.value(BaseUrlField)->text();
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it) {
        if (it.key() != NameField && it.key() != BaseUrlField)
            connection.values.insert(it.key(), it.value()->text());
    }
    for (auto it = m_checks.cbegin(); it != m_checks.cend(); ++it)
        connection.values.insert(it.key(), it.value()->isChecked() ? QStringLiteral("true")
                                                                   : QStringLiteral("false"));
    return connection;
}

QString AddSourceDialog::problem(const QString &name) const
{
    const QLabel *label = m_problems.value(name);
    return label && !label->isHidden() ? label->text() : QString();
}

QString AddSourceDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void AddSourceDialog::validate()
{
    const NewConnection values = connection();
    bool ok = true;
    auto show = [&](const QString &name, const QString &text, bool typed) {
        QLabel *label = m_problems.value(name);
        // A required field the user has not reached yet is not scolded, only kept from Add.
        label->setText(text);
        label->setVisible(!text.isEmpty() && typed);
        ok = ok && text.isEmpty();
    };
    show(NameField, values.name.trimmed().isEmpty() ? tr("Give the source a name.") : QString(),
         true);
    show(BaseUrlField,
         values.baseUrl.trimmed().isEmpty()
             ? QString()
             : ConnectionsService::checkBaseUrl(values.baseUrl.trimmed()),
         true);
    for (const ConnectionSetting &setting : m_kind.settings) {
        const QString value = values.values.value(setting.name);
        show(setting.name, m_service->checkSetting(m_kind.kind, setting.name, value),
             !value.isEmpty() || m_fields.value(setting.name) == nullptr ||
                 m_fields.value(setting.name)->isModified());
    }
    const auto buttons = m_buttons->buttons();
    for (QAbstractButton *button : buttons) {
        if (m_buttons->buttonRole(button) == QDialogButtonBox::AcceptRole)
            button->setEnabled(ok && !m_busy);
    }
}

void AddSourceDialog::submit()
{
    if (m_busy)
        return;
    const NewConnection values = connection();
    if (const QStringList problems = m_service->check(values); !problems.isEmpty()) {
        // Show every problem, also on fields the user has not touched yet.
        for (const ConnectionSetting &setting : m_kind.settings) {
            QLabel *label = m_problems.value(setting.name);
            label->setVisible(!label->text().isEmpty());
        }
        m_error->setText(problems.join(QLatin1Char('\n')));
        m_error->show();
        return;
    }
    m_busy = true;
    validate();
    m_error->setText(tr("Adding…"));
    m_error->show();
    m_service->addSource(values, this, [this](qint64 id, const QString &error) {
        m_busy = false;
        if (!error.isEmpty()) {
            m_error->setText(error);
            m_error->show();
            validate();
            return;
        }
        m_addedId = id;
        accept();
    });
}
