#pragma once

#include <QMutex>
#include <QWaitCondition>

#include <deque>
#include <exception>
#include <functional>
#include <optional>
#include <thread>
#include <utility>

// Builds batches of rows on a thread of its own while the calling thread writes them, so
// that the random numbers and strings of a bulk step cost time on the second core rather
// than on the one SQLite writes with. The generating function runs once; it hands each batch
// to the sink it is given. The queue between the two is bounded, so a producer that is ahead
// waits instead of filling memory.
//
// Whatever the generating function throws reaches the writer from next(). Destroying the
// producer early (the writer failed) stops the generating function at its next batch and
// waits for its thread to end.
template<typename Batch> class DemoProducer
{
public:
    using Sink = std::function<void(Batch &&)>;

    template<typename Generate>
    DemoProducer(int capacity, Generate generate)
        : m_capacity(capacity)
        , m_thread([this, generate]() mutable { run(generate); })
    {
    }

    ~DemoProducer()
    {
        {
            const QMutexLocker locker(&m_mutex);
            m_cancelled = true;
        }
        m_changed.wakeAll();
        m_thread.join();
    }

    DemoProducer(const DemoProducer &) = delete;
    DemoProducer &operator=(const DemoProducer &) = delete;

    // The next batch, or nothing once the generating function has returned.
    std::optional<Batch> next()
    {
        QMutexLocker locker(&m_mutex);
        while (m_batches.empty() && !m_finished)
            m_changed.wait(&m_mutex);
        if (m_batches.empty()) {
            if (m_error)
                std::rethrow_exception(std::exchange(m_error, nullptr));
            return std::nullopt;
        }
        Batch batch = std::move(m_batches.front());
        m_batches.pop_front();
        locker.unlock();
        m_changed.wakeAll();
        return batch;
    }

    // Hands a written batch back for the producer's thread to free. The memory of its strings
    // came from that thread's allocator arena; freeing it there spares the writer the arena's
    // lock, contended while the producer allocates.
    void recycle(Batch &&batch)
    {
        const QMutexLocker locker(&m_mutex);
        m_spent.push_back(std::move(batch));
    }

private:
    // Thrown into the generating function when the writer has gone away.
    struct Cancelled
    {
    };

    template<typename Generate> void run(Generate &generate)
    {
        std::exception_ptr error;
        try {
            generate(Sink([this](Batch &&batch) { push(std::move(batch)); }));
        } catch (const Cancelled &) {
        } catch (...) {
            error = std::current_exception();
        }
        {
            const QMutexLocker locker(&m_mutex);
            m_finished = true;
            m_error = error;
        }
        m_changed.wakeAll();
    }

    void push(Batch &&batch)
    {
        std::deque<Batch> spent;
        {
            QMutexLocker locker(&m_mutex);
            while (int(m_batches.size()) >= m_capacity && !m_cancelled)
                m_changed.wait(&m_mutex);
            if (m_cancelled)
                throw Cancelled();
            m_batches.push_back(std::move(batch));
            spent.swap(m_spent);
        }
        m_changed.wakeAll();
    }

    const int m_capacity;
    QMutex m_mutex;
    QWaitCondition m_changed;
    std::deque<Batch> m_batches;
    std::deque<Batch> m_spent; // written, waiting to be freed on the producer's thread
    bool m_finished = false;
    bool m_cancelled = false;
    std::exception_ptr m_error;
    std::thread m_thread; // last: it starts once everything above exists
};
