#include "InfoPage.h"

#include "CopyField.h"
#include "models/NavigationModel.h"
#include "models/ReaderModel.h"
#include "models/TokenTreeModel.h"

namespace tokendesk {

InfoPage::InfoPage(const ReaderModel* readers, const TokenTreeModel* tokens, QWidget* parent)
    : QLabel(parent), m_readers(readers), m_tokens(tokens)
{
    setObjectName(QStringLiteral("infoPage"));
    setAlignment(Qt::AlignCenter);
    setWordWrap(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
}

bool InfoPage::accepts(const QModelIndex& index) const
{
    return index.isValid();
}

void InfoPage::showIndex(const QModelIndex& index)
{
    QString text = index.data().toString();
    const QString tip = index.data(Qt::ToolTipRole).toString();
    if (!tip.isEmpty()) {
        text += QStringLiteral("\n\n") + tip;
    }
    // A long word (a PKCS#11 URI in a key's or data object's tooltip) would widen the window to
    // its length: it gets the break points CopyField gives URIs.
    const QStringList words = text.split(QLatin1Char(' '));
    QStringList shown;
    for (const QString& word : words) {
        shown << (word.size() > 40 ? CopyField::breakable(word) : word);
    }
    setText(shown.join(QLatin1Char(' ')));
}

void InfoPage::showRoot(int root, const QString& noReaders)
{
    switch (root) {
    case NavigationModel::ReadersRoot:
        setText(m_readers->rowCount() == 0 ? noReaders
                                           : (m_readers->rowCount() == 1 ? tr("1 smart card reader connected.")
                                                                         : tr("%n smart card readers connected.",
                                                                              nullptr, m_readers->rowCount())));
        return;
    case NavigationModel::TokensRoot:
        setText(m_tokens->tokenCount() == 0
                    ? tr("No PKCS#11 token found.\nInsert a smart card, or add a module with --module.")
                    : (m_tokens->tokenCount() == 1
                           ? tr("1 token, grouped by PKCS#11 module.")
                           : tr("%n tokens, grouped by PKCS#11 module.", nullptr, m_tokens->tokenCount())));
        return;
    case NavigationModel::IdentitiesRoot:
        setText(tr("Certificates with a private key beside them, on every token."));
        return;
    case NavigationModel::PairingsRoot:
        setText(tr("Which certificate logs in as which account, in every store pam_pkcs11 reads (or the stores "
                   "set in the settings) and in the LDAP directory of Settings \u25B8 Directory\u2026\nTo add "
                   "one, select an identity of a card and choose Pair; a pairing's page has Unpair."));
        return;
    case NavigationModel::VirtualTokensRoot:
        setText(tr("Virtual tokens are SoftHSM2 tokens of your own, which browsers, GnuTLS and OpenSSL programs "
                   "and SSH can use like a smart card.\nMake one with Token \u25B8 New Virtual Token\u2026, or "
                   "import a .p12 file into one with File \u25B8 Import .p12\u2026 (or drop the file on this "
                   "window)."));
        return;
    default:
        setText({});
        return;
    }
}

} // namespace tokendesk
