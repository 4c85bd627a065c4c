#include "PinReport.h"

#include "models/PinText.h"

namespace tokendesk {

namespace {
QJsonValue count(int value)
{
    return value < 0 ? QJsonValue() : QJsonValue(value);
}
} // namespace

QJsonObject PinReport::pinJson(const PinState& state)
{
    return QJsonObject{{QStringLiteral("tries_left"), count(state.locked() ? 0 : state.triesLeft)},
                       {QStringLiteral("low"), state.flags.countLow},
                       {QStringLiteral("final_try"), state.finalTry()},
                       {QStringLiteral("locked"), state.locked()},
                       {QStringLiteral("to_be_changed"), state.flags.toBeChanged},
                       {QStringLiteral("verified"), state.verified}};
}

QJsonObject PinReport::statusJson(const TokenPinStatus& status)
{
    return QJsonObject{{QStringLiteral("token"), QJsonObject{{QStringLiteral("label"), status.token.label},
                                                             {QStringLiteral("serial"), status.token.serial},
                                                             {QStringLiteral("uri"), status.token.uri}}},
                       {QStringLiteral("pin"), pinJson(status.user)},
                       {QStringLiteral("so_pin"), pinJson(status.so)},
                       {QStringLiteral("piv"), status.piv},
                       {QStringLiteral("protected_path"), status.protectedPath},
                       {QStringLiteral("min_length"), count(int(status.minLength))},
                       {QStringLiteral("max_length"), count(int(status.maxLength))}};
}

QString PinReport::errorCode(const PinError& error)
{
    switch (error.kind) {
    case PinError::Kind::Cancelled:
        return QStringLiteral("cancelled");
    case PinError::Kind::RuleViolation:
        switch (error.rule) {
        case PinError::Rule::TooShort:
            return QStringLiteral("pin_too_short");
        case PinError::Rule::TooLong:
            return QStringLiteral("pin_too_long");
        case PinError::Rule::NotDigits:
            return QStringLiteral("pin_not_digits");
        case PinError::Rule::SameAsOld:
            return QStringLiteral("pin_same_as_old");
        case PinError::Rule::None:
            break;
        }
        return QStringLiteral("pin_invalid");
    case PinError::Kind::PinLocked:
        return QStringLiteral("pin_locked");
    case PinError::Kind::PukLocked:
        return QStringLiteral("puk_locked");
    case PinError::Kind::WrongSecret:
        return error.soPin ? QStringLiteral("puk_incorrect") : QStringLiteral("pin_incorrect");
    case PinError::Kind::Token:
        return error.pkcs11 ? Pkcs11Error::kindName(error.pkcs11->kind) : QStringLiteral("token_error");
    case PinError::Kind::Card:
        return QStringLiteral("card_error");
    case PinError::Kind::NotSupported:
        return QStringLiteral("not_supported");
    }
    return QStringLiteral("error");
}

QJsonObject PinReport::errorJson(const PinError& error, bool piv)
{
    return QJsonObject{{QStringLiteral("code"), errorCode(error)},
                       {QStringLiteral("message"), PinText::error(error, piv)},
                       {QStringLiteral("tries_left"), count(error.triesLeft)}};
}

void PinReport::printStatusText(const TokenPinStatus& status, QTextStream& out)
{
    const auto line = [&out](const QString& name, const PinState& state) {
        out << name << ": " << PinText::tries(state) << '\n';
    };
    out << tr("Token: %1 (serial %2)").arg(status.token.label, status.token.serial) << '\n';
    line(tr("PIN"), status.user);
    line(PinText::soName(status.piv), status.so);
}

} // namespace tokendesk
