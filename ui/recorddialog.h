#pragma once

#include "search/globalsearch.h"

#include <QDialog>

// One feature, feedback item or work item shown whole: every field it has.
class RecordDialog : public QDialog
{
    Q_OBJECT
public:
    RecordDialog(const QString &title, const QList<QPair<QString, QString>> &fields,
                 QWidget *parent = nullptr);
};
