// .p12 files for the import tests, made by the `openssl` command line (and `keytool` when asked)
// in a folder: a CA, client identities signed by it (RSA, EC P-256, P-384) with the clientAuth
// usage, a server certificate for 127.0.0.1, and their PKCS#12 exports. Passwords reach openssl
// as "env:NAME", never on a command line.
#pragma once

#include "PeerProcess.h"

#include <QDir>
#include <QFile>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

class P12Maker
{
public:
    explicit P12Maker(const QString& dir) : m_dir(dir) {}

    QString path(const QString& name) const { return QDir(m_dir).filePath(name); }
    QString error() const { return m_error; }

    /// ca.key / ca.pem: an RSA 2048 CA.
    bool makeCa()
    {
        return openssl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                        QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"), path("ca.key"),
                        QStringLiteral("-out"), path("ca.pem"), QStringLiteral("-days"), QStringLiteral("30"),
                        QStringLiteral("-subj"), QStringLiteral("/O=TokenDesk Test/CN=TokenDesk Test CA"),
                        QStringLiteral("-addext"), QStringLiteral("basicConstraints=critical,CA:TRUE"),
                        QStringLiteral("-addext"), QStringLiteral("keyUsage=critical,keyCertSign,cRLSign")});
    }

    /// NAME.key / NAME.pem signed by the CA. keyType: "rsa:2048", "P-256", "P-384".
    bool makeLeaf(const QString& name, const QString& keyType, const QString& commonName, bool server = false)
    {
        QStringList keyArgs = {QStringLiteral("genpkey"), QStringLiteral("-out"), path(name + ".key")};
        if (keyType.startsWith(QLatin1String("rsa"))) {
            keyArgs << QStringLiteral("-algorithm") << QStringLiteral("RSA") << QStringLiteral("-pkeyopt")
                    << QStringLiteral("rsa_keygen_bits:") + keyType.mid(4);
        } else {
            keyArgs << QStringLiteral("-algorithm") << QStringLiteral("EC") << QStringLiteral("-pkeyopt")
                    << QStringLiteral("ec_paramgen_curve:") + keyType;
        }
        const QString ext = path(name + ".ext");
        QFile extFile(ext);
        if (!extFile.open(QIODevice::WriteOnly)) {
            m_error = ext;
            return false;
        }
        extFile.write(server ? "basicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\n"
                               "extendedKeyUsage=serverAuth\nsubjectAltName=IP:127.0.0.1\n"
                             : "basicConstraints=CA:FALSE\nkeyUsage=digitalSignature\n"
                               "extendedKeyUsage=clientAuth\n");
        extFile.close();
        return openssl(keyArgs) &&
               openssl({QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-key"), path(name + ".key"),
                        QStringLiteral("-subj"), QStringLiteral("/O=TokenDesk Test/CN=") + commonName,
                        QStringLiteral("-out"), path(name + ".csr")}) &&
               openssl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), path(name + ".csr"),
                        QStringLiteral("-CA"), path("ca.pem"), QStringLiteral("-CAkey"), path("ca.key"),
                        QStringLiteral("-set_serial"), QString::number(++m_serial), QStringLiteral("-days"),
                        QStringLiteral("30"), QStringLiteral("-extfile"), ext, QStringLiteral("-out"),
                        path(name + ".pem")});
    }

    /// OUT from NAME.key and NAME.pem (with the CA as its chain when `chain`), protected with
    /// `password` (UTF-8 bytes, or empty); `extra` e.g. {"-legacy"} or {"-nomac"}.
    bool exportP12(const QString& name, const QString& out, const QByteArray& password, bool chain = true,
                   const QStringList& extra = {})
    {
        QStringList args = {QStringLiteral("pkcs12"),   QStringLiteral("-export"),
                            QStringLiteral("-inkey"),   path(name + ".key"),
                            QStringLiteral("-in"),      path(name + ".pem"),
                            QStringLiteral("-name"),    name,
                            QStringLiteral("-out"),     path(out),
                            QStringLiteral("-passout"), QStringLiteral("env:TD_P12_PASSWORD")};
        if (chain) {
            args << QStringLiteral("-certfile") << path("ca.pem");
        }
        args << extra;
        return openssl(args, password);
    }

    /// The key's public half in OpenSSH's form ("ssh-rsa AAAA..."), as ssh-keygen prints it.
    QByteArray sshPublicKey(const QString& name)
    {
        if (!openssl({QStringLiteral("pkey"), QStringLiteral("-in"), path(name + ".key"), QStringLiteral("-pubout"),
                      QStringLiteral("-out"), path(name + ".pub.pem")})) {
            return {};
        }
        const PeerResult r = PeerProcess::run(QStringLiteral("ssh-keygen"),
                                              {QStringLiteral("-i"), QStringLiteral("-m"), QStringLiteral("PKCS8"),
                                               QStringLiteral("-f"), path(name + ".pub.pem")});
        if (!r.ok()) {
            m_error = QString::fromUtf8(r.describe());
            return {};
        }
        return r.out.trimmed();
    }

    bool openssl(const QStringList& args, const QByteArray& password = {})
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("TD_P12_PASSWORD"), QString::fromUtf8(password));
        const PeerResult r = PeerProcess::run(QStringLiteral("openssl"), args, {}, env, 60000);
        if (!r.ok()) {
            m_error = QString::fromUtf8(r.describe());
            return false;
        }
        return true;
    }

private:
    QString m_dir;
    QString m_error;
    int m_serial = 100;
};
