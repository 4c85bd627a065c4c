#include "CertificateParseQueue.h"

#include "CertificateParser.h"

#include <exception>

namespace tokendesk {

CertificateParseQueue::CertificateParseQueue(unsigned threads)
    : m_threads(threads > 0 ? threads : std::max(2u, std::thread::hardware_concurrency()) - 1)
{}

CertificateParseQueue::~CertificateParseQueue()
{
    stop(false);
}

void CertificateParseQueue::add(const QByteArray& der)
{
    if (m_closed) {
        return;
    }
    // Handed over a batch at a time: a lock and a wake-up per certificate had the reading thread
    // in a futex call for each one, and waiting for the lock a worker held (docs/BENCHMARKS.md).
    m_batch.push_back(der);
    if (m_batch.size() >= kBatch) {
        handOver(true);
    }
}

void CertificateParseQueue::handOver(bool startWorkers)
{
    if (m_batch.empty()) {
        return;
    }
    if (startWorkers && m_workers.empty()) {
        for (unsigned i = 0; i < m_threads; ++i) {
            m_workers.emplace_back([this] { work(); });
        }
    }
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        for (QByteArray& der : m_batch) {
            m_queue.push_back(std::move(der));
        }
    }
    m_batch.clear();
    m_wake.notify_all();
}

CertificateParseQueue::Parsed CertificateParseQueue::results()
{
    stop(true);
    return std::move(m_parsed);
}

void CertificateParseQueue::work()
{
    for (;;) {
        QByteArray der;
        {
            std::unique_lock<std::mutex> lock(m_mutex);
            m_wake.wait(lock, [this] { return !m_queue.empty() || m_closed; });
            if (m_queue.empty()) {
                return; // closed, and nothing left
            }
            der = std::move(m_queue.front());
            m_queue.pop_front();
        }
        // Identical DER (a certificate on a token twice): parsed once when its first copy is done
        // (a copy taken meanwhile is parsed again). Looked up here, not in add(): hashing 1,000
        // DERs there took 0.9 ms of the thread that reads the module.
        {
            std::lock_guard<std::mutex> lock(m_parsedMutex);
            if (m_parsed.contains(der)) {
                continue;
            }
        }
        Result<CertificateInfo, X509Error> parsed = X509Error{};
        try {
            parsed = CertificateParser::parseDer(der);
        } catch (const std::exception&) {
            // Out of memory: this certificate is left to IdentityMatcher's own parse.
            continue;
        }
        Result<SharedOptional<CertificateInfo>, X509Error> shared =
            parsed ? Result<SharedOptional<CertificateInfo>, X509Error>(std::move(parsed).value())
                   : Result<SharedOptional<CertificateInfo>, X509Error>(parsed.error());
        std::lock_guard<std::mutex> lock(m_parsedMutex);
        m_parsed.insert(der, std::move(shared));
    }
}

void CertificateParseQueue::stop(bool wanted)
{
    if (!wanted) {
        m_batch.clear();
    } else {
        // The last batch to the workers; with none started (fewer than a batch in all: a card's few
        // certificates), queued for this thread, which parses it below.
        handOver(!m_workers.empty());
    }
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_closed = true;
        if (!wanted) {
            m_queue.clear();
        }
    }
    m_wake.notify_all();
    if (wanted) {
        work(); // the owner's core is free now: it takes what the workers have not started
    }
    for (std::thread& worker : m_workers) {
        worker.join();
    }
    m_workers.clear();
}

} // namespace tokendesk
