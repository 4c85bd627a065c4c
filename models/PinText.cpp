#include "PinText.h"

#include "ErrorText.h"

#include <QCoreApplication>
#include <QStringList>

namespace tokendesk {

namespace {
QString secretName(const PinError& error, bool piv)
{
    return error.soPin ? PinText::soName(piv) : QCoreApplication::translate("PinText", "PIN");
}
} // namespace

QString PinText::soName(bool piv)
{
    return piv ? QCoreApplication::translate("PinText", "PUK") : QCoreApplication::translate("PinText", "SO PIN");
}

PinSummary PinText::summary(const TokenInfo& token)
{
    if (token.userPin.locked) {
        return PinSummary::Locked;
    }
    if (token.userPin.finalTry) {
        return PinSummary::FinalTry;
    }
    if (token.userPin.countLow) {
        return PinSummary::CountLow;
    }
    if (token.soPin.locked) {
        return PinSummary::SoLocked;
    }
    if (token.userPin.toBeChanged) {
        return PinSummary::ToBeChanged;
    }
    return PinSummary::Ok;
}

QString PinText::summaryText(PinSummary summary)
{
    switch (summary) {
    case PinSummary::Ok:
        return {};
    case PinSummary::ToBeChanged:
        return QCoreApplication::translate("PinText", "PIN to be changed", "PIN the noun");
    case PinSummary::CountLow:
        return QCoreApplication::translate("PinText", "PIN: wrong PIN entered", "PIN the noun");
    case PinSummary::FinalTry:
        return QCoreApplication::translate("PinText", "PIN: final try", "PIN the noun");
    case PinSummary::Locked:
        return QCoreApplication::translate("PinText", "PIN locked", "PIN the noun");
    case PinSummary::SoLocked:
        return QCoreApplication::translate("PinText", "SO PIN locked", "PIN the noun");
    }
    return {};
}

QString PinText::flags(const PinFlags& flags)
{
    QStringList words;
    if (flags.locked) {
        words << QCoreApplication::translate("PinText", "locked");
    }
    if (flags.finalTry) {
        words << QCoreApplication::translate("PinText", "final try");
    }
    if (flags.countLow) {
        words << QCoreApplication::translate("PinText", "count low (a wrong PIN was entered)", "PIN the noun");
    }
    if (flags.toBeChanged) {
        words << QCoreApplication::translate("PinText", "to be changed");
    }
    return words.isEmpty() ? QCoreApplication::translate("PinText", "no problem reported")
                           : words.join(QStringLiteral(", "));
}

QString PinText::reportState(const PinFlags& flags)
{
    if (flags.locked) {
        return QCoreApplication::translate("PinText", "locked", "PIN state");
    }
    if (flags.finalTry) {
        return QCoreApplication::translate("PinText", "one try left", "PIN state");
    }
    if (flags.countLow) {
        return QCoreApplication::translate("PinText", "wrong PIN entered before", "PIN state");
    }
    return QCoreApplication::translate("PinText", "ok", "PIN state");
}

QString PinText::tries(const PinState& state)
{
    if (state.locked()) {
        return QCoreApplication::translate("PinText", "locked");
    }
    QString text;
    if (state.verified) {
        text = QCoreApplication::translate("PinText", "verified");
    } else if (state.triesLeft >= 0) {
        text = state.triesLeft == 1 ? QCoreApplication::translate("PinText", "1 try left")
                                    : QCoreApplication::translate("PinText", "%n tries left", nullptr, state.triesLeft);
    } else {
        text = QCoreApplication::translate("PinText", "tries left unknown");
    }
    if (state.finalTry()) {
        text += QCoreApplication::translate("PinText", " (final try: one more wrong entry locks it)");
    } else if (state.flags.countLow && !state.verified) {
        text += QCoreApplication::translate("PinText", " (a wrong entry was made)");
    }
    return text;
}

QString PinText::error(const PinError& error, bool piv)
{
    const QString secret = secretName(error, piv);
    switch (error.kind) {
    case PinError::Kind::Cancelled:
        return QCoreApplication::translate("PinText", "Cancelled: nothing was sent to the token.");
    case PinError::Kind::RuleViolation:
        switch (error.rule) {
        case PinError::Rule::TooShort: {
            const int least = static_cast<int>(error.minLength);
            return QCoreApplication::translate("PinText", "The new %1 is too short: at least %n character(s).", nullptr,
                                               least)
                .arg(secret);
        }
        case PinError::Rule::TooLong: {
            const int most = static_cast<int>(error.maxLength);
            return QCoreApplication::translate("PinText", "The new %1 is too long: at most %n character(s).", nullptr,
                                               most)
                .arg(secret);
        }
        case PinError::Rule::NotDigits:
            return QCoreApplication::translate("PinText", "The new %1 must be digits only.").arg(secret);
        case PinError::Rule::SameAsOld:
            return QCoreApplication::translate("PinText", "The new %1 is the same as the current one.").arg(secret);
        case PinError::Rule::None:
            break;
        }
        return QCoreApplication::translate("PinText", "The token refused the new %1.").arg(secret);
    case PinError::Kind::PinLocked:
        return QCoreApplication::translate("PinText",
                                           "The PIN is locked. Unblock it with the %1: tokendesk pin unblock URI.")
            .arg(PinText::soName(piv));
    case PinError::Kind::PukLocked:
        return QCoreApplication::translate(
                   "PinText", "The %1 is locked too. Only the card's issuer can reset or replace this card.")
            .arg(PinText::soName(piv));
    case PinError::Kind::WrongSecret:
        if (error.triesLeft == 0) {
            return QCoreApplication::translate("PinText", "Wrong %1. It is now locked.").arg(secret);
        }
        if (error.triesLeft > 0) {
            return QCoreApplication::translate("PinText", "Wrong %1: %n tries left.", nullptr, error.triesLeft)
                .arg(secret);
        }
        return QCoreApplication::translate("PinText", "Wrong %1.").arg(secret);
    case PinError::Kind::Token:
        return error.pkcs11 ? ErrorText::pkcs11(*error.pkcs11)
                            : QCoreApplication::translate("PinText", "The token failed.");
    case PinError::Kind::Card:
        return QCoreApplication::translate("PinText", "The card did not answer as a PIV card should (status %1).")
            .arg(error.piv ? QString::number(error.piv->sw, 16).toUpper() : QStringLiteral("?"));
    case PinError::Kind::NotSupported:
        return QCoreApplication::translate("PinText", "This token cannot do that.");
    }
    return {};
}

} // namespace tokendesk
