#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QThreadPool>
#include <QtConcurrent>
#include <type_traits>
#include <utility>

namespace tokendesk::AsyncTask {

/// Runs `task` on Qt's thread pool and then `callback` with its result on `context`'s thread
/// (the GUI thread for a widget or a command). The watcher is a child of `context`: when the
/// context is gone before the task ends, the callback is never called, and the task finishes
/// with the copies it captured. So a task captures values, never `this`; the callback may.
/// (KeePassXC src/core/AsyncTask.h, runThenCallback.) `pool`: where the task runs, for work that
/// must keep to one thread (see VirtualTokenJobs::pool).
template<typename Task, typename Callback>
void runThenCallback(QObject* context, Task task, Callback callback, QThreadPool* pool = QThreadPool::globalInstance())
{
    using Value = std::invoke_result_t<Task>;
    auto* watcher = new QFutureWatcher<Value>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context,
                     [watcher, callback = std::move(callback)]() mutable {
                         watcher->deleteLater();
                         if constexpr (std::is_void_v<Value>) {
                             callback();
                         } else {
                             callback(watcher->result());
                         }
                     });
    watcher->setFuture(QtConcurrent::run(pool, std::move(task)));
}

/// For a view that asks again whenever the selection moves: only the newest request's
/// callback runs; an older result that arrives later is dropped.
class Latest
{
public:
    template<typename Task, typename Callback>
    void run(QObject* context, Task task, Callback callback, QThreadPool* pool = QThreadPool::globalInstance())
    {
        const quint64 request = ++m_request;
        runThenCallback(
            context, std::move(task),
            [this, request, callback = std::move(callback)](auto&&... value) mutable {
                if (request == m_request) {
                    callback(std::forward<decltype(value)>(value)...);
                }
            },
            pool);
    }

private:
    quint64 m_request = 0;
};

} // namespace tokendesk::AsyncTask
