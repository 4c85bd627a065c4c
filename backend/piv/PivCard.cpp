#include "PivCard.h"

#include "backend/common/Logging.h"
#include "backend/pcsc/CardChannel.h"

#include <QScopeGuard>
#include <openssl/crypto.h>

namespace tokendesk {

namespace {
constexpr quint16 kSwOk = 0x9000;
constexpr quint16 kSwBlocked = 0x6983;

quint16 statusWord(const QByteArray& response)
{
    if (response.size() < 2) {
        return 0;
    }
    return quint16((quint8(response.at(response.size() - 2)) << 8) | quint8(response.at(response.size() - 1)));
}

// VERIFY, P1 00, P2 80 (the PIV card application PIN), no data: asks for the status only.
QByteArray verifyStatusApdu()
{
    return QByteArray::fromHex("00200080");
}

void wipe(QByteArray& bytes)
{
    if (!bytes.isEmpty()) {
        OPENSSL_cleanse(bytes.data(), size_t(bytes.size()));
    }
    bytes.clear();
}

QByteArray selectApdu()
{
    const QByteArray aid = PivCard::applicationId();
    return QByteArray::fromHex("00A40400") + char(aid.size()) + aid + char(0x00);
}
/// A shared connection to the reader's card with a transaction begun (ended when it closes).
Result<CardChannel, PivError> openInTransaction(const PcscContext& context, const QString& reader)
{
    auto channel = CardChannel::open(context, reader, CardChannel::Mode::Shared);
    if (!channel) {
        return PivError{PivError::Kind::Pcsc, channel.error(), 0, -1};
    }
    if (auto begun = channel.value().beginTransaction(); !begun) {
        return PivError{PivError::Kind::Pcsc, begun.error(), 0, -1};
    }
    return std::move(channel).value();
}

Status<PivError> selectPiv(CardChannel& card)
{
    auto selected = card.transmit(selectApdu());
    if (!selected) {
        return PivError{PivError::Kind::Pcsc, selected.error(), 0, -1};
    }
    const quint16 sw = statusWord(selected.value());
    if (sw != kSwOk && (sw & 0xFF00) != 0x6100) {
        return PivError{PivError::Kind::NotPiv, std::nullopt, sw, -1};
    }
    return Done{};
}
} // namespace

QByteArray PivCard::applicationId()
{
    return QByteArray::fromHex("A000000308000010000100");
}

std::optional<PivPinStatus> PivCard::statusFromSw(quint16 sw)
{
    if (sw == kSwOk) {
        return PivPinStatus{PivPinStatus::State::Verified, -1};
    }
    if (sw == kSwBlocked) {
        return PivPinStatus{PivPinStatus::State::Blocked, 0};
    }
    if ((sw & 0xFFF0) == 0x63C0) {
        const int tries = sw & 0x000F;
        if (tries == 0) {
            return PivPinStatus{PivPinStatus::State::Blocked, 0};
        }
        return PivPinStatus{PivPinStatus::State::TriesLeft, tries};
    }
    return std::nullopt;
}

Result<PivPinStatus, PivError> PivCard::readPinStatus(const PcscContext& context, const QString& reader)
{
    auto channel = openInTransaction(context, reader);
    if (!channel) {
        return channel.error();
    }
    CardChannel& card = channel.value();
    auto answer = card.transmit(verifyStatusApdu());
    if (!answer) {
        return PivError{PivError::Kind::Pcsc, answer.error(), 0, -1};
    }
    quint16 sw = statusWord(answer.value());
    if (auto status = statusFromSw(sw)) {
        return *status;
    }
    // Another application is selected (6D 00, 6A 86, 6A 88, 69 82, ...): select PIV, then ask again.
    qCDebug(lcPcsc) << reader << "VERIFY status answered" << Qt::hex << sw << "- selecting the PIV application";
    if (auto selected = selectPiv(card); !selected) {
        return selected.error();
    }
    answer = card.transmit(verifyStatusApdu());
    if (!answer) {
        return PivError{PivError::Kind::Pcsc, answer.error(), 0, -1};
    }
    sw = statusWord(answer.value());
    if (auto status = statusFromSw(sw)) {
        return *status;
    }
    return PivError{PivError::Kind::UnexpectedAnswer, std::nullopt, sw, -1};
}

namespace {
/// Sends a command carrying secrets (traced without its data) with PIV selected, in one transaction.
Status<PivError> sendSecretCommand(const PcscContext& context, const QString& reader, QByteArray& apdu)
{
    const auto wipeApdu = qScopeGuard([&apdu] { wipe(apdu); });
    auto channel = openInTransaction(context, reader);
    if (!channel) {
        return channel.error();
    }
    CardChannel& card = channel.value();
    // Secrets go only to the PIV application: select it (a no-op when it already is selected).
    if (auto selected = selectPiv(card); !selected) {
        return selected.error();
    }
    // Reset under us (another program): PIV is no longer selected, so the secrets are not sent again.
    auto answer = card.transmit(apdu, CardChannel::Trace::RedactData, CardChannel::OnReset::Fail);
    if (!answer) {
        return PivError{PivError::Kind::Pcsc, answer.error(), 0, -1};
    }
    const quint16 sw = statusWord(answer.value());
    if (sw == kSwOk) {
        return Done{};
    }
    if ((sw & 0xFFF0) == 0x63C0) {
        return PivError{PivError::Kind::WrongSecret, std::nullopt, sw, sw & 0x000F};
    }
    if (sw == kSwBlocked) {
        return PivError{PivError::Kind::Blocked, std::nullopt, sw, 0};
    }
    if (sw == 0x6A80) {
        return PivError{PivError::Kind::Rejected, std::nullopt, sw, -1};
    }
    return PivError{PivError::Kind::UnexpectedAnswer, std::nullopt, sw, -1};
}

/// CLA INS 00 P2 10, then both values, each padded with FF to 8 bytes (SP 800-73-4
/// part 2, 2.4.3), written straight into the one buffer that is wiped after sending:
/// no temporary copy of a secret is left behind.
QByteArray secretCommand(char ins, char p2, const QByteArray& first, const QByteArray& second)
{
    constexpr qsizetype kValue = 8;
    QByteArray apdu(5 + 2 * kValue, char(0xFF));
    char* out = apdu.data();
    out[0] = 0x00;
    out[1] = ins;
    out[2] = 0x00;
    out[3] = p2;
    out[4] = char(2 * kValue);
    std::copy_n(first.constData(), std::min(first.size(), kValue), out + 5);
    std::copy_n(second.constData(), std::min(second.size(), kValue), out + 5 + kValue);
    return apdu;
}
} // namespace

Status<PivError> PivCard::changeReference(const PcscContext& context, const QString& reader, Reference reference,
                                          const QByteArray& current, const QByteArray& replacement)
{
    QByteArray apdu = secretCommand(char(0x24), char(reference), current, replacement);
    return sendSecretCommand(context, reader, apdu);
}

Status<PivError> PivCard::resetRetryCounter(const PcscContext& context, const QString& reader, const QByteArray& puk,
                                            const QByteArray& newPin)
{
    QByteArray apdu = secretCommand(char(0x2C), char(Reference::Pin), puk, newPin);
    return sendSecretCommand(context, reader, apdu);
}

} // namespace tokendesk
