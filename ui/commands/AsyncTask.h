#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QThreadPool>
#include <QtConcurrent>
#include <functional>
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

/// The same for a task that tells how far it got: `task(report)` calls report(done, total) on its
/// thread; `progress(done, total)` runs on `context`'s thread (queued through the future), then
/// `callback(result)` once. Progress may be coalesced, never reordered; the last step is always told.
template<typename Task, typename Progress, typename Callback>
void runWithProgress(QObject* context, Task task, Progress progress, Callback callback,
                     QThreadPool* pool = QThreadPool::globalInstance())
{
    using Report = std::function<void(int, int)>;
    using Value = std::invoke_result_t<Task, const Report&>;
    auto* watcher = new QFutureWatcher<Value>(context);
    QObject::connect(
        watcher, &QFutureWatcherBase::progressValueChanged, context,
        [watcher, progress = std::move(progress)](int value) { progress(value, watcher->progressMaximum()); });
    QObject::connect(watcher, &QFutureWatcherBase::finished, context,
                     [watcher, callback = std::move(callback)]() mutable {
                         watcher->deleteLater();
                         callback(watcher->result());
                     });
    watcher->setFuture(QtConcurrent::run(pool, [task = std::move(task)](QPromise<Value>& promise) mutable {
        const Report report = [&promise](int done, int total) {
            promise.setProgressRange(0, total);
            promise.setProgressValue(done);
        };
        promise.addResult(task(report));
    }));
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
