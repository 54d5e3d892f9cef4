#include "exporttask.h"

#include <QMessageBox>
#include <QProgressDialog>
#include <QtConcurrent>

ExportTask::ExportTask(QWidget *parent, const QString &label, const QString &path)
    : QObject(parent)
    , m_parent(parent)
    , m_path(path)
    , m_progress(new QProgressDialog(label, tr("Cancel"), 0, 0, parent))
{
    m_progress->setWindowTitle(tr("Exporting"));
    m_progress->setWindowModality(Qt::WindowModal);
    m_progress->setMinimumDuration(400);
    m_progress->setAutoClose(false);
    m_progress->setAutoReset(false);
    connect(m_progress, &QProgressDialog::canceled, this, &ExportTask::cancel);
    connect(&m_watcher, &QFutureWatcher<TableExport::Result>::finished, this,
            &ExportTask::onFinished);
}

ExportTask::~ExportTask()
{
    m_cancel->store(true);
    m_watcher.waitForFinished();
    delete m_progress;
}

void ExportTask::start(Work work)
{
    const std::shared_ptr<std::atomic_bool> cancel = m_cancel;
    QPointer<QProgressDialog> progress = m_progress;
    m_watcher.setFuture(QtConcurrent::run([work = std::move(work), cancel, progress] {
        ExportControl control;
        control.cancel = cancel.get();
        control.progress = [progress](qint64 done, qint64 total) {
            // Rows can pass two billion; the bar counts in thousands.
            QMetaObject::invokeMethod(
                progress,
                [progress, done, total] {
                    if (!progress)
                        return;
                    progress->setMaximum(total > 0 ? int(total / 1000) + 1 : 0);
                    progress->setValue(int(done / 1000));
                },
                Qt::QueuedConnection);
        };
        return work(control);
    }));
}

void ExportTask::cancel()
{
    m_cancel->store(true);
}

bool ExportTask::isRunning() const
{
    return m_watcher.isRunning();
}

void ExportTask::onFinished()
{
    const TableExport::Result result = m_watcher.result();
    m_progress->hide();
    if (result.status == TableExport::Status::Failed && m_parent)
        QMessageBox::warning(m_parent, tr("Export failed"),
                             tr("Nothing was written to %1.\n\n%2").arg(m_path, result.error));
    Q_EMIT finished(result);
    deleteLater();
}
