#include "TokenCardName.h"

#include "PrintableText.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace tokendesk {

namespace {

bool isOpenSc(const TokenInfo& token)
{
    return token.moduleName.startsWith(QLatin1String("opensc"), Qt::CaseInsensitive) ||
           QFileInfo(token.modulePath).fileName().startsWith(QLatin1String("opensc-pkcs11"), Qt::CaseInsensitive);
}

// OpenSC's drivers and PKCS#15 emulators as they name themselves in the token's manufacturer
// field (src/pkcs15init and src/libopensc/pkcs15-*.c), with the card family they stand for.
QString familyOf(const QString& driver)
{
    struct Family
    {
        const char* driver;
        const char* name;
    };
    static const Family families[] = {
        {"piv_II", QT_TRANSLATE_NOOP("TokenCardName", "PIV card")},
        {"PIV_II", QT_TRANSLATE_NOOP("TokenCardName", "PIV card")},
        {"CAC", QT_TRANSLATE_NOOP("TokenCardName", "CAC card")},
        {"Common Access Card (CAC)", QT_TRANSLATE_NOOP("TokenCardName", "CAC card")},
        {"OpenPGP project", QT_TRANSLATE_NOOP("TokenCardName", "OpenPGP card")},
        {"openpgp", QT_TRANSLATE_NOOP("TokenCardName", "OpenPGP card")},
        {"GIDS", QT_TRANSLATE_NOOP("TokenCardName", "GIDS card")},
        {"coolkey", QT_TRANSLATE_NOOP("TokenCardName", "CoolKey card")},
        {"Yubico", QT_TRANSLATE_NOOP("TokenCardName", "YubiKey (PIV)")},
    };
    for (const Family& family : families) {
        if (driver.compare(QLatin1String(family.driver), Qt::CaseInsensitive) == 0) {
            return QCoreApplication::translate("TokenCardName", family.name);
        }
    }
    return {};
}

} // namespace

std::optional<TokenCardName> tokenCardName(const TokenInfo& token)
{
    const QString driver = PrintableText::escape(token.manufacturer.trimmed());
    if (!isOpenSc(token) || !token.slot.removable || driver.isEmpty()) {
        return std::nullopt;
    }
    const QString family = familyOf(driver);
    TokenCardName name;
    name.name =
        family.isEmpty()
            ? QCoreApplication::translate("TokenCardName", "Card driven by OpenSC as \u201C%1\u201D").arg(driver)
            : family;
    name.source = QCoreApplication::translate("TokenCardName",
                                              "Named from OpenSC's \u201C%1\u201D driver, which reads the card's "
                                              "token; the ATR is not in the list of known cards.")
                      .arg(driver);
    return name;
}

} // namespace tokendesk
