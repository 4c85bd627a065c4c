#pragma once

#include "backend/x509/CertificateInfo.h"

#include <QCoreApplication>
#include <QStringList>
#include <QTextStream>

namespace tokendesk {

/// `tokendesk cert show FILE|URI [--json]` and `tokendesk cert export FILE|URI -o OUT [--der]`: certificate
/// files (PEM or DER; the first certificate) or certificates on tokens, named by a PKCS#11 URI (an
/// argument starting with "pkcs11:"). The chain is checked against the system trust store, with the
/// other certificates of the file, or of the token, as intermediates.
class CertCommand
{
    Q_DECLARE_TR_FUNCTIONS(CertCommand)
public:
    struct Options
    {
        QStringList arguments; ///< "show FILE|URI" or "export FILE|URI"
        QStringList modules;   ///< --module: PKCS#11 modules besides p11-kit's, for URIs
        QString output;        ///< -o
        bool der = false;      ///< --der
        bool json = false;
    };

    /// 0, 1 for an error about the certificate or the files, 2 for a usage error.
    static int run(const Options& options, QTextStream& out, QTextStream& err);

private:
    static int show(const QString& path, bool json, QTextStream& out, QTextStream& err);
    static int showUri(const QString& uri, const Options& options, QTextStream& out, QTextStream& err);
    static int exportUri(const QString& uri, const Options& options, QTextStream& out, QTextStream& err);
    static int writeCertificate(const CertificateInfo& info, const QString& output, bool der, bool json,
                                QTextStream& out, QTextStream& err);
    static int exportTo(const QString& path, const QString& output, bool der, bool json, QTextStream& out,
                        QTextStream& err);
};

} // namespace tokendesk
