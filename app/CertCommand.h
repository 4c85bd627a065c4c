#pragma once

#include "backend/x509/CertificateInfo.h"
#include "backend/x509/ChainVerifier.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QStringList>
#include <QTextStream>

namespace tokendesk {

/// `tokendesk cert show FILE [--json]` and `tokendesk cert export FILE -o OUT [--der]`, for certificate
/// files (PEM or DER; the first certificate). The chain is checked against the system trust store,
/// with the other certificates of the file as intermediates.
class CertCommand
{
    Q_DECLARE_TR_FUNCTIONS(CertCommand)
public:
    struct Options
    {
        QStringList arguments; ///< "show FILE" or "export FILE"
        QString output;        ///< -o
        bool der = false;      ///< --der
        bool json = false;
    };

    /// 0, 1 for an error about the certificate or the files, 2 for a usage error.
    static int run(const Options& options, QTextStream& out, QTextStream& err);

    static QJsonObject toJson(const CertificateInfo& info, const ChainResult& chain, const QDateTime& now);
    static void printText(const CertificateInfo& info, const ChainResult& chain, const QDateTime& now,
                          QTextStream& out);

    /// "valid", "expired", "not_yet_valid", "expires_soon".
    static QString validityCode(CertificateValidity validity);
    /// "trusted", "untrusted_root", "missing_issuer", ...
    static QString chainStatusCode(ChainStatus status);

private:
    static int show(const QString& path, bool json, QTextStream& out, QTextStream& err);
    static int exportTo(const QString& path, const QString& output, bool der, bool json, QTextStream& out,
                        QTextStream& err);
};

} // namespace tokendesk
