#pragma once

#include <QtGlobal>

#include <atomic>
#include <functional>

// How a running export reports and is stopped. Both are used from the export's own thread:
// progress must be thread-safe (queue it to the UI), cancel is read between rows.
struct ExportControl
{
    // done rows of total (-1 when unknown), called every few thousand rows and at the end.
    std::function<void(qint64 done, qint64 total)> progress;
    const std::atomic_bool *cancel = nullptr;

    bool cancelled() const { return cancel && cancel->load(std::memory_order_relaxed); }
    void report(qint64 done, qint64 total) const
    {
        if (progress)
            progress(done, total);
    }
};
