#pragma once

#include "PcscError.h"
#include "ReaderInfo.h"
#include "backend/common/Result.h"

#include <QStringList>

namespace tokendesk {

/// An established PC/SC context (RAII). pcsc-lite wants one context per
/// thread: a context belongs to the thread that established it, except for
/// cancel(), which is meant to be called from another thread.
class PcscContext
{
public:
    [[nodiscard]] static Result<PcscContext, PcscError> establish();

    PcscContext(PcscContext&& other) noexcept;
    PcscContext& operator=(PcscContext&& other) noexcept;
    PcscContext(const PcscContext&) = delete;
    PcscContext& operator=(const PcscContext&) = delete;
    ~PcscContext();

    /// The readers pcscd knows; an empty list (not an error) when there are none.
    [[nodiscard]] Result<QStringList, PcscError> listReaders() const;
    /// The current state of each reader, without waiting for a change.
    [[nodiscard]] Result<ReaderList, PcscError> readerStates(const QStringList& readers) const;
    /// The reader's state once it differs from `known` (a card inserted or removed),
    /// or as it is after `timeoutMs` when nothing moved.
    [[nodiscard]] Result<ReaderInfo, PcscError> waitForChange(const ReaderInfo& known, int timeoutMs) const;

    /// The opaque SCARDCONTEXT, for the pcsc/ classes that call pcsc-lite.
    qintptr handle() const { return m_handle; }

private:
    explicit PcscContext(qintptr handle) : m_handle(handle) {}
    void release();

    qintptr m_handle = 0;
    bool m_valid = false;
};

/// Readers and cards as they are now: establishes a context of its own, lists,
/// reads each state, releases. For `tokendesk report` and one-shot callers.
[[nodiscard]] Result<ReaderList, PcscError> scanReaders();

} // namespace tokendesk
