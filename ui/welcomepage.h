#pragma once

#include <QWidget>

class Banner;
class QLabel;
class QProgressBar;
class QPushButton;

// The first-run page: explore the demo workspace, start a new one, or open one.
class WelcomePage : public QWidget
{
    Q_OBJECT
public:
    explicit WelcomePage(QWidget *parent = nullptr);

    void showError(const QString &message);
    // While the demo workspace is being generated the choices are disabled.
    void setDemoProgress(const QString &step, int percent);
    void setBusy(bool busy);

Q_SIGNALS:
    void demoRequested();
    void newRequested();
    void openRequested();

private:
    QPushButton *addChoice(const QString &title, const QString &detail, const QString &shortcut);

    Banner *m_banner;
    QWidget *m_choices;
    QProgressBar *m_progress;
    QLabel *m_progressLabel;
};
