#pragma once

#include <QDialog>

class QTextBrowser;

// Help ▸ About: the version, the Qt it was built with and runs on, and the libraries the
// application links with their licences.
class AboutDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AboutDialog(QWidget *parent = nullptr);

    struct Library
    {
        QString name;
        QString use;
        QString licence; // SPDX expression
        QString url;
    };
    // Every library linked into the executable (see the CMake files), Qt modules included.
    static QList<Library> libraries();

    QTextBrowser *librariesView() const { return m_libraries; }

private:
    QTextBrowser *m_libraries;
};
