#include "preferencesdialog.h"

#include "connections/syncscheduler.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHostAddress>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QSettings>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace {

// Shared with ExportOptionsDialog, which remembers the last choices under the same keys.
const QString PageSizeKey = QStringLiteral("export/pageSize");
const QString LandscapeKey = QStringLiteral("export/landscape");
const QString BomKey = QStringLiteral("export/bom");
const QString NoPersonalKey = QStringLiteral("export/noPersonalData");

QLabel *note(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

} // namespace

PreferencesDialog::PreferencesDialog(SyncScheduler *scheduler, const QList<Source> &sources,
                                     QWidget *parent)
    : QDialog(parent)
    , m_scheduler(scheduler)
{
    setWindowTitle(tr("Preferences"));
    auto *layout = new QVBoxLayout(this);
    auto *tabs = new QTabWidget(this);
    tabs->addTab(createSyncPage(sources), tr("&Sync"));
    tabs->addTab(createWebhooksPage(), tr("&Webhooks"));
    tabs->addTab(createExportPage(), tr("E&xport"));
    tabs->addTab(createAppearancePage(), tr("&Appearance"));
    layout->addWidget(tabs);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &PreferencesDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(520, 380);
}

QString PreferencesDialog::webhooksEnabledKey()
{
    return QStringLiteral("webhooks/enabled");
}

QString PreferencesDialog::webhooksAddressKey()
{
    return QStringLiteral("webhooks/bindAddress");
}

QString PreferencesDialog::webhooksPortKey()
{
    return QStringLiteral("webhooks/port");
}

QString PreferencesDialog::themeKey()
{
    return QStringLiteral("appearance/theme");
}

QString PreferencesDialog::defaultWebhookAddress()
{
    return QStringLiteral("127.0.0.1");
}

int PreferencesDialog::defaultWebhookPort()
{
    return 8787;
}

QWidget *PreferencesDialog::createSyncPage(const QList<Source> &sources)
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    if (!m_scheduler || sources.isEmpty()) {
        layout->addWidget(note(m_scheduler ? tr("No source of this workspace syncs (demo "
                                                "sources hold generated data). Add one on the "
                                                "Connections page to schedule its sync.")
                                           : tr("Open a workspace to schedule the sync of its "
                                                "sources."),
                               page));
        layout->addStretch();
        return page;
    }
    layout->addWidget(note(tr("While the application runs, each source of this workspace can "
                              "sync by itself at an interval."),
                           page));
    auto *form = new QFormLayout;
    for (const Source &source : sources) {
        auto *combo = new QComboBox(page);
        for (int minutes : SyncScheduler::choices())
            combo->addItem(minutes == 0 ? tr("Off") : tr("Every %n minute(s)", nullptr, minutes),
                           minutes);
        combo->setCurrentIndex(std::max(0, combo->findData(m_scheduler->interval(source.id))));
        combo->setAccessibleName(tr("Sync schedule of %1").arg(source.name));
        form->addRow(source.name, combo);
        m_schedules.append({source.id, combo});
    }
    layout->addLayout(form);
    layout->addStretch();
    return page;
}

QWidget *PreferencesDialog::createWebhooksPage()
{
    const QSettings settings;
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    m_webhooksEnabled = new QCheckBox(tr("&Receive webhooks from connected services"), page);
    m_webhooksEnabled->setChecked(settings.value(webhooksEnabledKey(), false).toBool());
    layout->addWidget(m_webhooksEnabled);
    auto *form = new QFormLayout;
    m_webhookAddress = new QLineEdit(page);
    m_webhookAddress->setText(
        settings.value(webhooksAddressKey(), defaultWebhookAddress()).toString());
    m_webhookAddress->setPlaceholderText(defaultWebhookAddress());
    m_webhookPort = new QSpinBox(page);
    m_webhookPort->setRange(1, 65535);
    m_webhookPort->setValue(settings.value(webhooksPortKey(), defaultWebhookPort()).toInt());
    form->addRow(tr("Listen on &address:"), m_webhookAddress);
    form->addRow(tr("&Port:"), m_webhookPort);
    layout->addLayout(form);
    layout->addWidget(note(tr("127.0.0.1 accepts deliveries from this computer only, for "
                              "example through a tunnel. Another address exposes the receiver "
                              "to the network."),
                           page));
    layout->addStretch();
    const auto enable = [this](bool on) {
        m_webhookAddress->setEnabled(on);
        m_webhookPort->setEnabled(on);
    };
    connect(m_webhooksEnabled, &QCheckBox::toggled, this, enable);
    enable(m_webhooksEnabled->isChecked());
    return page;
}

QWidget *PreferencesDialog::createExportPage()
{
    const QSettings settings;
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    auto *form = new QFormLayout;
    m_pageSize = new QComboBox(page);
    m_pageSize->addItem(tr("A4"), QStringLiteral("a4"));
    m_pageSize->addItem(tr("US Letter"), QStringLiteral("letter"));
    m_pageSize->setCurrentIndex(
        std::max(0, m_pageSize->findData(settings.value(PageSizeKey, QStringLiteral("a4")))));
    m_orientation = new QComboBox(page);
    m_orientation->addItem(tr("Portrait"), false);
    m_orientation->addItem(tr("Landscape"), true);
    m_orientation->setCurrentIndex(settings.value(LandscapeKey, false).toBool() ? 1 : 0);
    form->addRow(tr("PDF page &size:"), m_pageSize);
    form->addRow(tr("PDF &orientation:"), m_orientation);
    layout->addLayout(form);
    m_bom = new QCheckBox(tr("Start CSV files with a &byte-order mark"), page);
    m_bom->setChecked(settings.value(BomKey, true).toBool());
    m_noPersonal = new QCheckBox(tr("Leave out &personal data (names, e-mail addresses)"), page);
    m_noPersonal->setChecked(settings.value(NoPersonalKey, false).toBool());
    layout->addWidget(m_bom);
    layout->addWidget(m_noPersonal);
    layout->addWidget(note(tr("Each export starts from these choices and can change them."), page));
    layout->addStretch();
    return page;
}

QWidget *PreferencesDialog::createAppearancePage()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    m_theme = new QComboBox(page);
    m_theme->addItem(tr("Same as the system"), QStringLiteral("system"));
    m_theme->addItem(tr("Light"), QStringLiteral("light"));
    m_theme->addItem(tr("Dark"), QStringLiteral("dark"));
    m_initialTheme = QSettings().value(themeKey(), QStringLiteral("system")).toString();
    m_theme->setCurrentIndex(std::max(0, m_theme->findData(m_initialTheme)));
    form->addRow(tr("&Theme:"), m_theme);
    return page;
}

bool PreferencesDialog::validAddress() const
{
    QHostAddress address;
    return address.setAddress(m_webhookAddress->text().trimmed());
}

QComboBox *PreferencesDialog::scheduleEditor(qint64 sourceId) const
{
    for (const auto &[id, combo] : m_schedules) {
        if (id == sourceId)
            return combo;
    }
    return nullptr;
}

void PreferencesDialog::accept()
{
    if (m_webhooksEnabled->isChecked() && !validAddress()) {
        QMessageBox::warning(this, tr("Preferences"),
                             tr("“%1” is not an IP address. The webhook receiver listens on an "
                                "address such as 127.0.0.1 or 0.0.0.0.")
                                 .arg(m_webhookAddress->text()));
        return;
    }
    for (const auto &[id, combo] : std::as_const(m_schedules))
        m_scheduler->setInterval(id, combo->currentData().toInt());

    QSettings settings;
    settings.setValue(webhooksEnabledKey(), m_webhooksEnabled->isChecked());
    if (validAddress())
        settings.setValue(webhooksAddressKey(), m_webhookAddress->text().trimmed());
    settings.setValue(webhooksPortKey(), m_webhookPort->value());
    settings.setValue(PageSizeKey, m_pageSize->currentData());
    settings.setValue(LandscapeKey, m_orientation->currentData().toBool());
    settings.setValue(BomKey, m_bom->isChecked());
    settings.setValue(NoPersonalKey, m_noPersonal->isChecked());
    const QString theme = m_theme->currentData().toString();
    settings.setValue(themeKey(), theme);
    // Written now rather than at exit, so a crash right after OK loses nothing.
    settings.sync();
    QDialog::accept();
    if (theme != m_initialTheme)
        Q_EMIT themeChanged(theme);
}
