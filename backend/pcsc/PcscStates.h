#pragma once

// Internal to backend/pcsc: the only header besides the .cpp files that sees pcsc-lite types.

#include "ReaderInfo.h"

#include <QStringList>
#include <vector>
#include <winscard.h>

namespace tokendesk {

/// The SCARD_READERSTATE array for SCardGetStatusChange, owning the reader
/// names it points to, and its translation into ReaderInfo snapshots.
class PcscStates
{
public:
    /// Readers start UNAWARE, so the first call reports their state at once.
    explicit PcscStates(const QStringList& readers, bool withPnpNotification = false);

    SCARD_READERSTATE* data() { return m_states.data(); }
    DWORD count() const { return static_cast<DWORD>(m_states.size()); }

    /// Take what pcscd reported as the state we now know, so the next call
    /// blocks until something differs. Returns true when the reader list
    /// itself changed (PnP notification).
    bool acknowledge();

    /// Start from what an earlier snapshot knew, so no change is missed between two arrays.
    void restore(const ReaderList& known);

    ReaderList snapshot() const;
    static ReaderInfo toReaderInfo(const QString& name, DWORD eventState, const unsigned char* atr, DWORD atrLength);

private:
    QStringList m_names;
    std::vector<QByteArray> m_encodedNames;
    std::vector<SCARD_READERSTATE> m_states;
    bool m_pnp = false;
};

} // namespace tokendesk
