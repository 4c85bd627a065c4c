#pragma once

#include "CertificateInfo.h"
#include "X509Error.h"
#include "backend/common/Result.h"
#include "backend/common/SharedOptional.h"

#include <QByteArray>
#include <QHash>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <vector>

namespace tokendesk {

/// Parses DER certificates (CertificateParser::parseDer) on worker threads while
/// the caller goes on, e.g. while a token's objects are still being read: the
/// read waits on the module, the parse on the CPU. With OpenSSL 3.0 the parse is
/// ~0.2 ms a certificate (docs/BENCHMARKS.md), so a token of 1,000 costs less
/// when both overlap.
///
/// One owner thread calls add() and results(); the workers are joined by results() or the
/// destructor. add() collects 16 DERs before the workers get them; fewer in all (a card's few
/// certificates) are parsed by the owner in results(), no thread started. Identical DER is
/// parsed once, unless a copy is taken while the first is still being parsed (then again, to the
/// same result).
///
/// While the owner adds, it is the one reading the module, which is what everything waits for:
/// the workers leave it a core (one fewer than the cores, at least one). A worker per core took
/// turns with it, and the read of 1,000 certificates from SoftHSM2 took 23 ms in some runs and
/// 40 to 52 ms in others (docs/BENCHMARKS.md). Once the owner waits in results(), it parses too.
class CertificateParseQueue
{
public:
    /// By DER; each CertificateInfo shared with the entries made of it (never empty when OK).
    using Parsed = QHash<QByteArray, Result<SharedOptional<CertificateInfo>, X509Error>>;

    /// `threads` workers (0: one fewer than the cores, at least one), started with the first batch.
    explicit CertificateParseQueue(unsigned threads = 0);
    ~CertificateParseQueue();
    CertificateParseQueue(const CertificateParseQueue&) = delete;
    CertificateParseQueue& operator=(const CertificateParseQueue&) = delete;

    void add(const QByteArray& der);
    /// Parses what is left beside the workers until everything added is parsed; the results by
    /// DER. The queue is done afterwards (add() ignores more).
    Parsed results();

private:
    /// How many add() collects before the workers get them (and at the end, what is left).
    static constexpr size_t kBatch = 16;

    /// Moves the collected DERs to the workers' queue, starting the workers the first time when
    /// `startWorkers`.
    void handOver(bool startWorkers);
    void work();
    /// Closes the queue and joins the workers: what is still queued is parsed first, on this thread
    /// too, when the results are wanted; dropped when not (the destructor, after a failed read).
    void stop(bool wanted);

    unsigned m_threads;
    std::vector<std::thread> m_workers;
    std::vector<QByteArray> m_batch; // owner thread only
    std::mutex m_mutex;              // m_queue, m_closed
    std::condition_variable m_wake;
    std::deque<QByteArray> m_queue;
    std::mutex m_parsedMutex; // m_parsed
    Parsed m_parsed;
    bool m_closed = false;
};

} // namespace tokendesk
