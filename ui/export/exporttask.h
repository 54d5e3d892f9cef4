#pragma once

#include "export/exportcontrol.h"
#include "export/tableexport.h"

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>

#include <atomic>
#include <functional>
#include <memory>

class QProgressDialog;
class QWidget;

// One export running on a worker thread, with a progress dialog (shown only when it takes a
// moment) whose Cancel stops it; the file appears only if it completes. Deletes itself when
// done.
class ExportTask : public QObject
{
    Q_OBJECT
public:
    using Work = std::function<TableExport::Result(const ExportControl &control)>;

    ExportTask(QWidget *parent, const QString &label, const QString &path);
    ~ExportTask() override;

    void start(Work work);
    void cancel();
    bool isRunning() const;
    QProgressDialog *progressDialog() const { return m_progress; }

Q_SIGNALS:
    void finished(const TableExport::Result &result);

private:
    void onFinished();

    QPointer<QWidget> m_parent;
    QString m_path;
    QProgressDialog *m_progress;
    QFutureWatcher<TableExport::Result> m_watcher;
    std::shared_ptr<std::atomic_bool> m_cancel = std::make_shared<std::atomic_bool>(false);
};
