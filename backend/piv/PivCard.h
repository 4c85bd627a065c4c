#pragma once

#include "PivPinStatus.h"
#include "backend/common/Result.h"

#include <QByteArray>
#include <QString>

namespace tokendesk {

class PcscContext;

/// Direct PIV commands for what PKCS#11 hides: the PIN retry counter.
///
/// Everything here talks to the card over a shared PC/SC connection inside
/// one short transaction, and leaves the card as it was (SCARD_LEAVE_CARD), so
/// an OpenSC session on the same card keeps its state, a verified PIN included.
class PivCard
{
public:
    /// The PIV application identifier (NIST PIX, version 1.0, truncated as SELECT allows).
    static QByteArray applicationId();

    /// The PIN's tries left by VERIFY with no data (P2 = 80), which never
    /// spends a try: 63 CX = X tries left, 69 83 = blocked, 90 00 = verified.
    /// The PIV application is asked as it is first (OpenSC keeps it selected,
    /// and a SELECT may drop the PIN's verified state on some cards); only when
    /// the card says another application is selected is PIV selected first.
    [[nodiscard]] static Result<PivPinStatus, PivError> readPinStatus(const PcscContext& context,
                                                                      const QString& reader);

    enum class Reference
    {
        Pin = 0x80, ///< the PIV card application PIN
        Puk = 0x81, ///< the PIN unblocking key
    };

    /// CHANGE REFERENCE DATA: a new PIN (or PUK) given the current one. PIV
    /// values are 6 to 8 bytes, padded with FF to 8 here. WrongSecret with the
    /// tries left when the current one is wrong (that try is spent).
    [[nodiscard]] static Status<PivError> changeReference(const PcscContext& context, const QString& reader,
                                                          Reference reference, const QByteArray& current,
                                                          const QByteArray& replacement);
    /// RESET RETRY COUNTER: a new PIN, set with the PUK, which unblocks the PIN.
    /// WrongSecret with the PUK's tries left when the PUK is wrong.
    [[nodiscard]] static Status<PivError> resetRetryCounter(const PcscContext& context, const QString& reader,
                                                            const QByteArray& puk, const QByteArray& newPin);

    /// The status a VERIFY-without-data status word means; nullopt for words PIV does not define there.
    static std::optional<PivPinStatus> statusFromSw(quint16 sw);
};

} // namespace tokendesk
