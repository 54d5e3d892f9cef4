#pragma once

#include <QDialog>
#include <QList>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLineEdit;
class QSpinBox;
class SyncScheduler;

// Edit ▸ Preferences. Nothing is written until OK; Cancel leaves every setting as it was.
//
// The settings it writes (QSettings of the application):
//   connections/schedule/<workspace id>/<source id>  minutes between syncs: 5, 15 or 60;
//                                                    absent when off (written by SyncScheduler)
//   webhooks/enabled      bool, default false: run the webhook receiver
//   webhooks/bindAddress  string, default "127.0.0.1": the address the receiver listens on
//   webhooks/port         int 1-65535, default 8787
//   export/pageSize       "a4" or "letter": PDF page size (shared with the export dialog)
//   export/landscape      bool: PDF orientation
//   export/bom            bool, default true: a byte-order mark at the start of CSV files
//   export/noPersonalData bool, default false: leave names and e-mail addresses out
//   appearance/theme      "system", "light" or "dark" (read by Theme::apply)
class PreferencesDialog : public QDialog
{
    Q_OBJECT
public:
    struct Source
    {
        qint64 id = 0;
        QString name;
    };

    // scheduler and sources: the open workspace's, or null and empty without one.
    PreferencesDialog(SyncScheduler *scheduler, const QList<Source> &sources,
                      QWidget *parent = nullptr);

    static QString webhooksEnabledKey();
    static QString webhooksAddressKey();
    static QString webhooksPortKey();
    static QString themeKey();
    static QString defaultWebhookAddress();
    static int defaultWebhookPort();

    void accept() override;

    // For tests: the editors.
    QComboBox *scheduleEditor(qint64 sourceId) const;
    QCheckBox *webhooksEnabledEditor() const { return m_webhooksEnabled; }
    QLineEdit *webhookAddressEditor() const { return m_webhookAddress; }
    QSpinBox *webhookPortEditor() const { return m_webhookPort; }
    QComboBox *pageSizeEditor() const { return m_pageSize; }
    QComboBox *orientationEditor() const { return m_orientation; }
    QCheckBox *byteOrderMarkEditor() const { return m_bom; }
    QCheckBox *noPersonalDataEditor() const { return m_noPersonal; }
    QComboBox *themeEditor() const { return m_theme; }

Q_SIGNALS:
    // After OK, when the theme setting changed.
    void themeChanged(const QString &theme);

private:
    QWidget *createSyncPage(const QList<Source> &sources);
    QWidget *createWebhooksPage();
    QWidget *createExportPage();
    QWidget *createAppearancePage();
    bool validAddress() const;

    SyncScheduler *m_scheduler;
    QList<QPair<qint64, QComboBox *>> m_schedules;
    QCheckBox *m_webhooksEnabled = nullptr;
    QLineEdit *m_webhookAddress = nullptr;
    QSpinBox *m_webhookPort = nullptr;
    QComboBox *m_pageSize = nullptr;
    QComboBox *m_orientation = nullptr;
    QCheckBox *m_bom = nullptr;
    QCheckBox *m_noPersonal = nullptr;
    QComboBox *m_theme = nullptr;
    QString m_initialTheme;
};
