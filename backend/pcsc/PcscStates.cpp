#include "PcscStates.h"

namespace tokendesk {

namespace {
// pcsc-lite's name for the pseudo reader that reports readers coming and going.
constexpr char kPnpNotification[] = "\\\\?PnP?\\Notification";
} // namespace

PcscStates::PcscStates(const QStringList& readers, bool withPnpNotification)
    : m_names(readers), m_pnp(withPnpNotification)
{
    m_encodedNames.reserve(static_cast<size_t>(readers.size()) + 1);
    for (const QString& name : readers) {
        m_encodedNames.push_back(name.toUtf8());
    }
    if (m_pnp) {
        m_encodedNames.emplace_back(kPnpNotification);
    }
    m_states.resize(m_encodedNames.size());
    for (size_t i = 0; i < m_states.size(); ++i) {
        m_states[i] = SCARD_READERSTATE{};
        m_states[i].szReader = m_encodedNames[i].constData();
        m_states[i].dwCurrentState = SCARD_STATE_UNAWARE;
    }
    if (m_pnp) {
        // pcsc-lite compares the reader count in the upper 16 bits with its own
        // and returns at once if a reader came or went before this call.
        m_states.back().dwCurrentState = static_cast<DWORD>(readers.size()) << 16;
    }
}

bool PcscStates::acknowledge()
{
    bool readersChanged = false;
    for (size_t i = 0; i < m_states.size(); ++i) {
        SCARD_READERSTATE& s = m_states[i];
        const bool isPnp = m_pnp && i + 1 == m_states.size();
        if (isPnp && (s.dwEventState & SCARD_STATE_CHANGED)) {
            readersChanged = true;
        }
        // A reader that vanished (SCARD_STATE_UNKNOWN) also means the list changed.
        if (!isPnp && (s.dwEventState & (SCARD_STATE_UNKNOWN | SCARD_STATE_IGNORE))) {
            readersChanged = true;
        }
        s.dwCurrentState = s.dwEventState & ~static_cast<DWORD>(SCARD_STATE_CHANGED);
    }
    return readersChanged;
}

void PcscStates::restore(const ReaderList& known)
{
    for (int i = 0; i < m_names.size(); ++i) {
        for (const ReaderInfo& info : known) {
            if (info.name != m_names.at(i)) {
                continue;
            }
            // Only the event counter is restored: pcscd reports a change at once
            // when its counter differs, so a card swapped while we re-listed is seen.
            DWORD state = static_cast<DWORD>(info.eventCount) << 16;
            state |= info.cardPresent() ? SCARD_STATE_PRESENT : SCARD_STATE_EMPTY;
            m_states[static_cast<size_t>(i)].dwCurrentState = state;
        }
    }
}

ReaderList PcscStates::snapshot() const
{
    ReaderList list;
    for (int i = 0; i < m_names.size(); ++i) {
        const SCARD_READERSTATE& s = m_states[static_cast<size_t>(i)];
        if (s.dwEventState & (SCARD_STATE_UNKNOWN | SCARD_STATE_IGNORE)) {
            continue; // gone since it was listed
        }
        list << toReaderInfo(m_names.at(i), s.dwEventState, s.rgbAtr, s.cbAtr);
    }
    return list;
}

ReaderInfo PcscStates::toReaderInfo(const QString& name, DWORD eventState, const unsigned char* atr, DWORD atrLength)
{
    ReaderInfo info;
    info.name = name;
    info.eventCount = static_cast<int>((eventState >> 16) & 0xFFFF);
    if (eventState & SCARD_STATE_UNAVAILABLE) {
        info.cardState = ReaderInfo::CardState::Unavailable;
    } else if (eventState & SCARD_STATE_MUTE) {
        info.cardState = ReaderInfo::CardState::Mute;
    } else if (eventState & SCARD_STATE_PRESENT) {
        info.cardState = ReaderInfo::CardState::Present;
    }
    if (info.cardPresent() && atrLength > 0 && atrLength <= MAX_ATR_SIZE) {
        info.atr = QByteArray(reinterpret_cast<const char*>(atr), static_cast<int>(atrLength));
    }
    info.inUse = (eventState & SCARD_STATE_INUSE) != 0;
    info.exclusive = (eventState & SCARD_STATE_EXCLUSIVE) != 0;
    return info;
}

} // namespace tokendesk
