#pragma once

#include <QFrame>

class QLabel;

// An inline message strip at the top of a page: errors and notices in plain words,
// never a modal box.
class Banner : public QFrame
{
    Q_OBJECT
public:
    enum class Kind { Info, Error };

    explicit Banner(QWidget *parent = nullptr);

    void showMessage(const QString &text, Kind kind);
    QString text() const;

private:
    QLabel *m_label;
};
