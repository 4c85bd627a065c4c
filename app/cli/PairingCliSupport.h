#pragma once

#include "CliCommand.h"
#include "backend/pairing/PairingError.h"
#include "backend/pairing/PairingSources.h"
#include "backend/pairing/StoreFactory.h"
#include "backend/pkcs11/UriResolver.h"
#include "backend/x509/CertificateInfo.h"

#include <QCommandLineParser>
#include <optional>
#include <vector>

namespace tokendesk {

/// What `pair`, `unpair`, `pairings` and `whois` share: their options, the stores they name, the
/// certificate they name (a file or a pkcs11: URI), and how a pairing error is said.
class PairingCliSupport
{
public:
    static QCommandLineOption storeOption();
    static QCommandLineOption pamConfigOption();
    /// --store, --pam-config and the directory's --bind-dn, --ca-file, --starttls, --sssd-conf.
    static void addStoreOptions(QCommandLineParser& parser);
    static QCommandLineOption userOption();
    static QCommandLineOption certOption();
    static QCommandLineOption forceOption();

    /// The stores --store and --pam-config choose; the settings' where they are not given. A
    /// directory is reached anonymously (the settings' options otherwise).
    static PairingSources::Choice choice(const QCommandLineParser& parser);
    /// choice(), with the directory options of the command line and, with --bind-dn, the bind
    /// password read from the terminal (no echo) or the first line of stdin. Empty after the error
    /// was said (no password given), its exit code in *exit.
    static std::optional<PairingSources::Choice> choiceWithDirectory(const QCommandLineParser& parser,
                                                                     CliContext& context, int* exit);
    /// The mappers and stores of --store / --pam-config (else the settings, else pam_pkcs11's);
    /// empty after the error was said, its exit code in *exit.
    static std::optional<std::vector<ConfiguredMapper>> mappers(const QCommandLineParser& parser, CliContext& context,
                                                                int* exit);

    /// A certificate named by --cert, with what its chain may go through.
    struct NamedCertificate
    {
        CertificateInfo info;
        QList<CertificateInfo> fileIssuers; ///< a file's other certificates that may issue it
        QList<Pkcs11Token> tokens;          ///< a URI's tokens (their CA certificates are intermediates)
    };
    /// A PEM or DER file (its first certificate), or a URI naming one certificate. Empty after the
    /// error was said, its exit code in *exit.
    static std::optional<NamedCertificate> certificate(const QString& source, const QStringList& modules,
                                                       CliContext& context, int* exit);
    /// Every readable certificate on the tokens present now (for "card present" marks).
    static QList<CertificateInfo> presentCertificates(const QStringList& modules);

    /// Says `error` (PairingText's sentence, the code in JSON) and returns 1.
    static int fail(CliContext& context, const PairingError& error);
};

} // namespace tokendesk
