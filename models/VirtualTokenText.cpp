#include "VirtualTokenText.h"

#include "ErrorText.h"
#include "PrintableText.h"

#include <QJsonArray>

namespace tokendesk {

namespace {
QString shown(const QString& text)
{
    return PrintableText::escape(text);
}
} // namespace

QString VirtualTokenText::error(const VirtualTokenError& e)
{
    using Code = VirtualTokenError::Code;
    switch (e.code) {
    case Code::ModuleMissing:
        return tr("SoftHSM2 is not installed (the package softhsm2): virtual tokens need it.");
    case Code::ConfigUnreadable:
        return tr("The SoftHSM2 configuration %1 cannot be read: %2.").arg(shown(e.path), e.detail);
    case Code::ConfigUnwritable:
        return tr("The SoftHSM2 configuration for this user cannot be made at %1: %2.").arg(shown(e.path), e.detail);
    case Code::NoTokenDirectory:
        return tr("The SoftHSM2 configuration %1 names no token folder (directories.tokendir).").arg(shown(e.path));
    case Code::BadLabel:
        return tr("\"%1\" cannot name a token: a label has 1 to 32 bytes, no control characters and no blanks at "
                  "either end.")
            .arg(shown(e.detail));
    case Code::LabelTaken:
        return tr("A virtual token is already called \"%1\": choose another name, or import into it.")
            .arg(shown(e.detail));
    case Code::NotFound:
        return tr("There is no virtual token \"%1\".").arg(shown(e.detail));
    case Code::NoFreeSlot:
        return tr("SoftHSM2 offers no free slot for a new token.");
    case Code::SecretService:
        return tr("The Secret Service (the desktop's keyring) did not keep the token's SO PIN: %1. Unlock the "
                  "keyring and try again.")
            .arg(e.detail);
    case Code::SoPinMissing:
        return tr("The SO PIN of \"%1\" is not in the keyring (TokenDesk did not make this token): its PIN cannot "
                  "be reset here.")
            .arg(shown(e.detail));
    case Code::ToolFailed:
        return tr("softhsm2-util failed: %1").arg(shown(e.detail));
    case Code::Pkcs11:
        break;
    }
    return e.pkcs11 ? ErrorText::pkcs11(*e.pkcs11) : tr("The token failed.");
}

QString VirtualTokenText::error(const Pkcs12Error& e)
{
    using Code = Pkcs12Error::Code;
    const QString file = e.path.isEmpty() ? tr("The file") : shown(e.path);
    switch (e.code) {
    case Code::Unreadable:
        return tr("%1 cannot be read: %2.").arg(file, e.detail);
    case Code::TooLarge:
        return tr("%1 is larger than any PKCS#12 file: not imported.").arg(file);
    case Code::NotAFile:
        return tr("%1 is not a regular file.").arg(file);
    case Code::Empty:
        return tr("%1 is empty.").arg(file);
    case Code::Corrupt:
        return tr("%1 is not a PKCS#12 (.p12, .pfx) file, or it is damaged or cut short.").arg(file);
    case Code::WrongPassword:
        return tr("Wrong password for this PKCS#12 file.");
    case Code::UnsupportedAlgorithm:
        return tr("The file is protected with an algorithm this system's OpenSSL cannot use (%1).").arg(e.detail);
    case Code::Internal:
        break;
    }
    return tr("OpenSSL failed to read the file: %1").arg(e.detail);
}

QString VirtualTokenText::error(const ImportError& e)
{
    using Code = ImportError::Code;
    switch (e.code) {
    case Code::Pkcs12:
        return e.pkcs12 ? error(*e.pkcs12) : tr("The file cannot be read.");
    case Code::NoPrivateKey:
        return tr("The file holds no private key, only certificates: there is no identity to import.");
    case Code::KeyWithoutCertificate:
        return tr("A private key in the file (%1) does not match any of its certificates: nothing was imported.")
            .arg(shown(e.detail));
    case Code::UnsupportedKey:
        return tr("TokenDesk imports RSA and EC keys; this file holds a key of another type (%1).")
            .arg(shown(e.detail));
    case Code::AlreadyOnToken:
        return tr("The token already holds the certificate of %1: nothing was imported.").arg(shown(e.detail));
    case Code::IdInUse:
        return tr("Another key on the token has the ID this key would get (%1): nothing was imported.").arg(e.detail);
    case Code::Token:
        return e.token ? error(*e.token) : tr("The virtual token failed.");
    case Code::Pkcs11:
        return e.pkcs11 ? ErrorText::pkcs11(*e.pkcs11) : tr("The token failed.");
    case Code::NotVerified:
        return tr("The imported key's signature did not verify with its certificate (%1): the import was undone.")
            .arg(e.detail);
    case Code::Cancelled:
        break;
    }
    return tr("Cancelled: nothing was imported.");
}

QString VirtualTokenText::error(const BrowserError& e)
{
    using Code = BrowserError::Code;
    switch (e.code) {
    case Code::NoHome:
        return tr("There is no home folder to look for browsers in.");
    case Code::ToolMissing:
        return tr("%1 is not installed (the package libnss3-tools): NSS databases cannot be changed without it.")
            .arg(shown(e.detail));
    case Code::ToolFailed:
        return tr("NSS's tool failed on %1: %2").arg(shown(e.path), shown(e.detail));
    case Code::TimedOut:
        return tr("NSS's tool did not finish in time on %1 and was stopped.").arg(shown(e.path));
    case Code::NotAnNssDatabase:
        return tr("%1 holds no NSS database (cert9.db, key4.db).").arg(shown(e.path));
    case Code::UnsafePath:
        return tr("%1 is an unusual path (control characters or \"..\"): TokenDesk does not change it.")
            .arg(shown(e.path));
    case Code::CannotCreate:
        return tr("The NSS database %1 cannot be made: %2").arg(shown(e.path), shown(e.detail));
    case Code::ProxyMissing:
        break;
    }
    return tr("p11-kit-proxy is not installed at %1 (the package p11-kit-modules).").arg(shown(e.detail));
}

QString VirtualTokenText::programName(const ProgramView& view)
{
    switch (view.kind) {
    case ProgramView::Kind::P11Kit:
        return tr("GnuTLS, OpenSSL and p11-kit programs");
    case ProgramView::Kind::NssDatabase:
        return tr("Chromium and other NSS programs (~/.pki/nssdb)");
    case ProgramView::Kind::FirefoxProfile:
        break;
    }
    return tr("Firefox profile %1").arg(shown(view.name));
}

QString VirtualTokenText::programState(const ProgramView& view)
{
    QString state;
    if (view.sees) {
        state = tr("sees the virtual tokens");
    } else if (!view.exists) {
        state = view.kind == ProgramView::Kind::NssDatabase ? tr("no NSS database yet: does not see them")
                                                            : tr("the profile folder is missing");
    } else if (view.kind == ProgramView::Kind::P11Kit) {
        state = tr("does not see them: SoftHSM2 is not registered with p11-kit");
    } else {
        state = tr("does not see them: p11-kit-proxy is not registered");
    }
    if (view.kind == ProgramView::Kind::FirefoxProfile && view.inUse) {
        state += tr("; Firefox is running with it: restart Firefox to use it");
    }
    if (!view.writable && view.kind != ProgramView::Kind::P11Kit) {
        state += tr(" (an unusual path: not changed here)");
    }
    return state;
}

QString VirtualTokenText::warning(const ImportPlan::Warning& w)
{
    using Code = ImportPlan::Warning::Code;
    switch (w.code) {
    case Code::Expired:
        return tr("The certificate of %1 has expired.").arg(shown(w.detail));
    case Code::NotYetValid:
        return tr("The certificate of %1 is not valid yet.").arg(shown(w.detail));
    case Code::ExpiresSoon:
        return tr("The certificate of %1 expires within %n days.", nullptr, CertificateInfo::kExpiresSoonDays)
            .arg(shown(w.detail));
    case Code::WeakEncryption:
        return tr("The file is protected with old, weak encryption (%1); the token will keep the key safe, but "
                  "the file should be deleted or re-made.")
            .arg(w.detail);
    case Code::NotCa:
        break;
    }
    return tr("%1 is in the chain but is no CA certificate.").arg(shown(w.detail));
}

QString VirtualTokenText::legacyPasswordNote()
{
    return tr("The password opened the file only the way OpenSSL before 1.1 read non-ASCII passwords: the file "
              "was made by an old tool. The token does not mind.");
}

QString VirtualTokenText::warningCode(ImportPlan::Warning::Code code)
{
    using Code = ImportPlan::Warning::Code;
    switch (code) {
    case Code::Expired:
        return QStringLiteral("expired");
    case Code::NotYetValid:
        return QStringLiteral("not_yet_valid");
    case Code::ExpiresSoon:
        return QStringLiteral("expires_soon");
    case Code::WeakEncryption:
        return QStringLiteral("weak_encryption");
    case Code::NotCa:
        break;
    }
    return QStringLiteral("not_ca");
}

QString VirtualTokenText::objectType(ImportedObject::Type type)
{
    switch (type) {
    case ImportedObject::Type::PrivateKey:
        return tr("private key");
    case ImportedObject::Type::PublicKey:
        return tr("public key");
    case ImportedObject::Type::Certificate:
        break;
    case ImportedObject::Type::CaCertificate:
        return tr("CA certificate");
    }
    return tr("certificate");
}

QJsonObject VirtualTokenText::json(const ImportResult& result)
{
    QJsonArray objects;
    for (const ImportedObject& object : result.objects) {
        objects.append(QJsonObject{{QStringLiteral("type"), ImportedObject::typeName(object.type)},
                                   {QStringLiteral("uri"), object.uri},
                                   {QStringLiteral("label"), object.label},
                                   {QStringLiteral("id"), QString::fromLatin1(object.id.toHex())}});
    }
    QJsonArray verified;
    for (const IdentityTestResult& test : result.verifications) {
        verified.append(
            QJsonObject{{QStringLiteral("mechanism"), test.mechanism}, {QStringLiteral("verified"), test.verified}});
    }
    return QJsonObject{{QStringLiteral("token"), QJsonObject{{QStringLiteral("label"), result.token.label},
                                                             {QStringLiteral("serial"), result.token.serial},
                                                             {QStringLiteral("uri"), result.token.uri},
                                                             {QStringLiteral("created"), result.tokenCreated}}},
                       {QStringLiteral("objects"), objects},
                       {QStringLiteral("verified"), verified}};
}

} // namespace tokendesk
