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
    if (m_closed || m_seen.contains(der)) {
        return;
    }
    m_seen.insert(der, true);
    if (m_workers.empty()) {
        for (unsigned i = 0; i < m_threads; ++i) {
            m_workers.emplace_back([this] { work(); });
        }
    }
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_queue.push_back(der);
    }
    m_wake.notify_one();
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
        std::lock_guard<std::mutex> lock(m_mutex);
        m_parsed.insert(der, std::move(shared));
    }
}

void CertificateParseQueue::stop(bool wanted)
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_closed = true;
        if (!wanted) {
            m_queue.clear();
        }
    }
    m_wake.notify_all();
    if (wanted && !m_workers.empty()) {
        work(); // the owner's core is free now: it takes what the workers have not started
    }
    for (std::thread& worker : m_workers) {
        worker.join();
    }
    m_workers.clear();
}

} // namespace tokendesk
