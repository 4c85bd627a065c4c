#include "TaskGuides.h"

namespace tokendesk {

namespace {
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
    // The menus' and entries' words as the menu bar shows them (without the & of the mnemonic).
    const GuideMenuEntry exportCertificate{tr("Certificate", "menu"), tr("Export certificate…", "menu entry")};
    const GuideMenuEntry report{tr("Help", "menu"), tr("Report for the helpdesk…", "menu entry")};
    const GuideMenuEntry changePin{tr("Token", "menu"), tr("Change PIN…", "menu entry")};
    const GuideMenuEntry unblockPin{tr("Token", "menu"), tr("Unblock PIN…", "menu entry")};
    const GuideMenuEntry changeSoPin{tr("Token", "menu"), tr("Change PUK / SO PIN…", "menu entry")};
    const GuideMenuEntry pair{tr("Pairing", "menu"), tr("Pair with account…", "menu entry")};
    const GuideMenuEntry checkCard{tr("Pairing", "menu"), tr("Check this card", "menu entry")};
    const GuideMenuEntry unpair{tr("Pairing", "menu"), tr("Unpair…", "menu entry")};
    const GuideMenuEntry directory{tr("Settings", "menu"), tr("Directory…", "menu entry")};
    const GuideMenuEntry importP12{tr("File", "menu"), tr("Import .p12…", "menu entry")};
    const GuideMenuEntry newToken{tr("Token", "menu"), tr("New Virtual Token…", "menu entry")};

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
