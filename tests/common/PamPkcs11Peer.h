// pam_pkcs11's own lookup as the real peer: a pam_pkcs11.conf of the test's own (OpenSC's module,
// cert_policy none, the mappers and files the test names) and `pklogin_finder config_file=...`,
// which prints the login pam_pkcs11 finds for the card in the bench's reader, or nothing.
#pragma once

#include "PeerProcess.h"

#include <QFile>
#include <QPair>
#include <QStringList>

namespace pampeer {

/// A mapper of the test configuration: its name and, for file mappers, its mapping file.
struct Mapper
{
    QString name;    ///< "digest", "subject", "opensc", "openssh"
    QString mapfile; ///< a path; empty for the per-user mappers
    QString extra;   ///< more items for its block, e.g. "algorithm = \"sha256\";"
};

/// Writes pam_pkcs11.conf to `path` with `mappers` in use_mappers order. False when it cannot.
inline bool writeConfig(const QString& path, const QList<Mapper>& mappers)
{
    QStringList names;
    QString blocks;
    for (const Mapper& m : mappers) {
        names.append(m.name);
        // The per-user mappers are loadable modules in Debian's package, the others built in.
        const bool loadable = m.name == QLatin1String("opensc") || m.name == QLatin1String("openssh");
        const QString module = loadable ? QStringLiteral("/lib/x86_64-linux-gnu/pam_pkcs11/%1_mapper.so").arg(m.name)
                                        : QStringLiteral("internal");
        blocks += QStringLiteral("  mapper %1 {\n    debug = false;\n    module = %2;\n").arg(m.name, module);
        if (!m.mapfile.isEmpty()) {
            blocks += QStringLiteral("    mapfile = file://%1;\n").arg(m.mapfile);
        }
        if (!m.extra.isEmpty()) {
            blocks += QStringLiteral("    %1\n").arg(m.extra);
        }
        blocks += QStringLiteral("  }\n");
    }
    const QString text = QStringLiteral("pam_pkcs11 {\n"
                                        "  nullok = false;\n"
                                        "  debug = false;\n"
                                        "  use_pkcs11_module = opensc;\n"
                                        "  pkcs11_module opensc {\n"
                                        "    module = %1;\n"
                                        "    slot_num = 0;\n"
                                        "    cert_policy = none;\n"
                                        "  }\n"
                                        "  use_mappers = %2;\n"
                                        "%3"
                                        "}\n")
                             .arg(PeerProcess::pkcs11Module(), names.join(QStringLiteral(", ")), blocks);
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(text.toUtf8()) > 0;
}

/// pklogin_finder on `configPath`: it prints the login and exits 0, or prints nothing and exits 1.
inline PeerResult runFinder(const QString& configPath)
{
    return PeerProcess::run(QStringLiteral("pklogin_finder"), {QStringLiteral("config_file=") + configPath}, {}, {},
                            60000);
}

/// The login pklogin_finder prints (empty when it finds none), or a null QString when it failed
/// to run at all; `diagnostics` gets its stderr.
inline QString findLogin(const QString& configPath, QString* diagnostics = nullptr)
{
    const PeerResult r = runFinder(configPath);
    if (diagnostics) {
        *diagnostics = QString::fromUtf8(r.err);
    }
    if (!r.started) {
        return QString();
    }
    const QString login = QString::fromUtf8(r.out).trimmed();
    return login.isNull() ? QStringLiteral("") : login;
}

} // namespace pampeer
