#include "PcscContext.h"

#include "PcscStates.h"
#include "backend/common/Logging.h"

#include <QElapsedTimer>
#include <algorithm>
#include <vector>
#include <winscard.h>

namespace tokendesk {

namespace {
PcscError error(LONG rv, const char* function)
{
    return PcscError{static_cast<quint32>(rv), QString::fromLatin1(function)};
}
} // namespace

Result<PcscContext, PcscError> PcscContext::establish()
{
    SCARDCONTEXT ctx = 0;
    const LONG rv = SCardEstablishContext(SCARD_SCOPE_SYSTEM, nullptr, nullptr, &ctx);
    if (rv != SCARD_S_SUCCESS) {
        return error(rv, "SCardEstablishContext");
    }
    PcscContext context(static_cast<qintptr>(ctx));
    context.m_valid = true;
    return context;
}

PcscContext::PcscContext(PcscContext&& other) noexcept : m_handle(other.m_handle), m_valid(other.m_valid)
{
    other.m_valid = false;
}

PcscContext& PcscContext::operator=(PcscContext&& other) noexcept
{
    if (this != &other) {
        release();
        m_handle = other.m_handle;
        m_valid = other.m_valid;
        other.m_valid = false;
    }
    return *this;
}

PcscContext::~PcscContext()
{
    release();
}

void PcscContext::release()
{
    if (m_valid) {
        SCardReleaseContext(static_cast<SCARDCONTEXT>(m_handle));
        m_valid = false;
    }
}

Result<QStringList, PcscError> PcscContext::listReaders() const
{
    const auto ctx = static_cast<SCARDCONTEXT>(m_handle);
    // The list can grow between the two calls (a reader plugged in): retry then.
    for (int attempt = 0; attempt < 3; ++attempt) {
        DWORD size = 0;
        LONG rv = SCardListReaders(ctx, nullptr, nullptr, &size);
        if (rv == SCARD_E_NO_READERS_AVAILABLE) {
            return QStringList();
        }
        if (rv != SCARD_S_SUCCESS) {
            return error(rv, "SCardListReaders");
        }
        std::vector<char> buffer(size);
        rv = SCardListReaders(ctx, nullptr, buffer.data(), &size);
        if (rv == SCARD_E_INSUFFICIENT_BUFFER) {
            continue;
        }
        if (rv == SCARD_E_NO_READERS_AVAILABLE) {
            return QStringList();
        }
        if (rv != SCARD_S_SUCCESS) {
            return error(rv, "SCardListReaders");
        }
        // A multi-string: names separated by NUL, ended by an empty name.
        QStringList readers;
        for (const char* p = buffer.data(); p < buffer.data() + size && *p; p += qstrlen(p) + 1) {
            readers << QString::fromUtf8(p);
        }
        return readers;
    }
    return error(SCARD_E_INSUFFICIENT_BUFFER, "SCardListReaders");
}

Result<ReaderList, PcscError> PcscContext::readerStates(const QStringList& readers) const
{
    if (readers.isEmpty()) {
        return ReaderList();
    }
    PcscStates states(readers);
    const LONG rv = SCardGetStatusChange(static_cast<SCARDCONTEXT>(m_handle), 0, states.data(), states.count());
    // With every state UNAWARE the call returns at once; a timeout only means nothing moved.
    if (rv != SCARD_S_SUCCESS && rv != SCARD_E_TIMEOUT) {
        return error(rv, "SCardGetStatusChange");
    }
    return states.snapshot();
}

Result<ReaderInfo, PcscError> PcscContext::waitForChange(const ReaderInfo& known, int timeoutMs) const
{
    PcscStates states({known.name});
    states.restore({known});
    QElapsedTimer timer;
    timer.start();
    for (;;) {
        const qint64 left = std::max<qint64>(0, timeoutMs - timer.elapsed());
        const LONG rv = SCardGetStatusChange(static_cast<SCARDCONTEXT>(m_handle), static_cast<DWORD>(left),
                                             states.data(), states.count());
        if (rv == SCARD_E_TIMEOUT) {
            return known;
        }
        if (rv != SCARD_S_SUCCESS) {
            return error(rv, "SCardGetStatusChange");
        }
        const ReaderInfo now = states.snapshot().constFirst();
        // A flag that is not the card's (in use, exclusive) wakes the call too: wait on.
        if (!now.sameCardAs(known) || left == 0) {
            return now;
        }
        states.acknowledge();
    }
}

Result<ReaderList, PcscError> scanReaders()
{
    auto context = PcscContext::establish();
    if (!context) {
        return context.error();
    }
    auto readers = context.value().listReaders();
    if (!readers) {
        return readers.error();
    }
    qCDebug(lcPcsc) << "readers:" << readers.value();
    return context.value().readerStates(readers.value());
}

} // namespace tokendesk
