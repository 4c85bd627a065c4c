#include "TaskGuides.h"

namespace tokendesk {

namespace {
/// A menu's or entry's text as shown: "&Token" is "Token", "&&" one "&".
QString withoutMnemonic(const QString& text)
{
    QString result;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == QLatin1Char('&') && i + 1 < text.size()) {
            ++i;
        }
        result += text.at(i);
    }
    return result;
}

QString bold(const QString& text)
{
    // A menu path is read as one thing: it does not break across lines.
    return QStringLiteral("<b style=\"white-space:nowrap\">%1</b>").arg(text.toHtmlEscaped());
}
} // namespace

QString GuideMenuEntry::path() const
{
    return menu + QStringLiteral(" \u25B8 ") + entry;
}

QList<TaskGuide> TaskGuides::all()
{
    // The menus' and entries' own words, through their own translations (their classes' contexts),
    // so a guide says them as the menu bar does in every language.
    const auto menu = [](const char* menuSource) {
        return withoutMnemonic(QCoreApplication::translate("tokendesk::MainMenus", menuSource));
    };
    const auto entry = [](const QString& inMenu, const char* context, const char* source,
                          const char* comment = nullptr) {
        return GuideMenuEntry{inMenu, withoutMnemonic(QCoreApplication::translate(context, source, comment))};
    };
    const QString file = menu("&File");
    const QString certificate = menu("&Certificate");
    const QString token = menu("&Token");
    const QString pairing = menu("&Pairing");
    const QString settings = menu("&Settings");
    const QString help = menu("&Help");
    const GuideMenuEntry exportCertificate = entry(certificate, "tokendesk::MainWindow", "&Export certificate…");
    const GuideMenuEntry report = entry(help, "tokendesk::HelpActions", "&Report for the helpdesk…");
    const GuideMenuEntry changePin = entry(token, "tokendesk::MainWindow", "Change &PIN…");
    const GuideMenuEntry unblockPin = entry(token, "tokendesk::MainWindow", "&Unblock PIN…");
    const GuideMenuEntry changeSoPin = entry(token, "tokendesk::MainWindow", "Change P&UK / SO PIN…");
    const GuideMenuEntry pair = entry(pairing, "tokendesk::PairingActions", "&Pair with account…", "Pair the verb");
    const GuideMenuEntry checkCard = entry(pairing, "tokendesk::PairingActions", "C&heck this card");
    const GuideMenuEntry unpair = entry(pairing, "tokendesk::PairingActions", "&Unpair…");
    const GuideMenuEntry directory = entry(settings, "tokendesk::DirectoryActions", "&Directory…");
    const GuideMenuEntry importP12 = entry(file, "tokendesk::ImportP12Actions", "&Import .p12…");
    const GuideMenuEntry newToken = entry(token, "tokendesk::VirtualTokenActions", "&New Virtual Token…");

    QList<TaskGuide> guides;
    guides.append(
        {QStringLiteral("inspect-card"),
         tr("Inspect a card"),
         {tr("Insert the card into a reader. The reader appears under Readers on the left, the card under it."),
          tr("Select the card: its page names the card and breaks its ATR down byte by byte."),
          tr("Select the reader to see whether it has a PIN pad or a display."),
          tr("Under Tokens, select the card's token: its PIN state, and the certificates and keys it holds."),
          tr("Select a certificate for its validity, usages and chain; %1 saves it to a file.")
              .arg(bold(exportCertificate.path())),
          tr("For a helpdesk ticket, %1 shows all TokenDesk sees, to save or copy.").arg(bold(report.path()))},
         {exportCertificate, report}});
    guides.append(
        {QStringLiteral("pin"),
         tr("Change or unblock a PIN"),
         {tr("Insert the card and select its token under Tokens, or a certificate on it."),
          tr("The token page shows the PIN state, and on PIV cards the tries left."),
          tr("Choose %1, type the current PIN, then the new one twice.").arg(bold(changePin.path())),
          tr("A PIN locked by wrong tries is unblocked with the PUK: choose %1.").arg(bold(unblockPin.path())),
          tr("To change the PUK or SO PIN itself, choose %1.").arg(bold(changeSoPin.path())),
          tr("TokenDesk asks before a last try. With a PIN pad, type the PINs on the reader.")},
         {changePin, unblockPin, changeSoPin}});
    guides.append({QStringLiteral("pair"),
                   tr("Pair an account"),
                   {tr("Insert the user's card: its login certificate shows under Identities."),
                    tr("Select that identity (a certificate with its key)."),
                    tr("Choose %1 and type the account's login name.").arg(bold(pair.path())),
                    tr("A certificate unfit for login (expired, untrusted) is refused, and TokenDesk says why."),
                    tr("The pairing shows under Pairings; %1 tells who logs in with the inserted card.")
                        .arg(bold(checkCard.path())),
                    tr("To remove a pairing, select it and choose %1.").arg(bold(unpair.path())),
                    tr("For an LDAP directory that SSSD reads, set it up first with %1.").arg(bold(directory.path()))},
                   {pair, checkCard, unpair, directory}});
    guides.append(
        {QStringLiteral("import-p12"),
         tr("Import a .p12"),
         {tr("Choose %1, or drop the .p12 file onto the window.").arg(bold(importP12.path())),
          tr("Pick the file and type its password."),
          tr("Check what it holds: the certificate, its key and any CA certificates."),
          tr("Choose a virtual token, or make one in the wizard (or before, with %1).").arg(bold(newToken.path())),
          tr("Type the token's PIN. The import is all or nothing, proved by a signature."),
          tr("The certificate then shows under Identities, and browsers that load p11-kit can use it.")},
         {importP12, newToken}});
    return guides;
}

QString TaskGuides::html(const TaskGuide& guide)
{
    QString html = QStringLiteral("<h2>%1</h2>\n<ol>\n").arg(guide.title.toHtmlEscaped());
    for (const QString& step : guide.steps) {
        html += QStringLiteral("<li>%1</li>\n").arg(step);
    }
    html += QStringLiteral("</ol>\n");
    return html;
}

} // namespace tokendesk
