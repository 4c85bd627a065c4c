// Snapshots for the token models' tests and the search benchmark: real
// certificates made by `openssl` in a temporary folder, parsed by
// CertificateParser, placed into TokenContents as TokenWatcher would.
#pragma once

#include "OpensslTool.h"
#include "backend/pkcs11/Identity.h"
#include "backend/x509/CertificateParser.h"

#include <QTemporaryDir>

class TokenFixtures
{
public:
    TokenFixtures() : m_tool(m_dir.path()) {}

    bool isValid() const { return m_dir.isValid(); }

    /// A CA-issued certificate (RSA 2048 or EC P-256) valid for `days` from now, parsed; a
    /// default-constructed one on failure.
    tokendesk::CertificateInfo certificate(const QString& name, const QString& subject, bool ec = false, int days = 365)
    {
        if (!m_ca) {
            m_ca = m_tool.key(QStringLiteral("ca.key"), QStringLiteral("ec:P-256")) &&
                   m_tool.selfSigned(QStringLiteral("ca.pem"), QStringLiteral("ca.key"),
                                     QStringLiteral("/CN=Fixture CA/O=TokenDesk Tests"),
                                     OpensslTool::config({}, "basicConstraints = critical,CA:TRUE\n"
                                                             "keyUsage = critical,keyCertSign,cRLSign\n"),
                                     {QStringLiteral("-days"), QStringLiteral("3650")});
        }
        const QString key = name + QStringLiteral(".key");
        const QString pem = name + QStringLiteral(".pem");
        if (!m_ca || !m_tool.key(key, ec ? QStringLiteral("ec:P-256") : QStringLiteral("rsa:2048")) ||
            !m_tool.issue(pem, key, subject, QStringLiteral("ca.pem"), QStringLiteral("ca.key"),
                          "basicConstraints = CA:FALSE\nkeyUsage = critical,digitalSignature\n"
                          "extendedKeyUsage = clientAuth,1.3.6.1.4.1.311.20.2.2\n"
                          "subjectAltName = email:someone@example.org\n",
                          {QStringLiteral("-days"), QString::number(days)})) {
            return {};
        }
        auto parsed = tokendesk::CertificateParser::parseDer(m_tool.der(pem));
        return parsed ? parsed.value() : tokendesk::CertificateInfo();
    }

    tokendesk::CertificateInfo caCertificate()
    {
        auto parsed = tokendesk::CertificateParser::parseDer(m_tool.der(QStringLiteral("ca.pem")));
        return parsed ? parsed.value() : tokendesk::CertificateInfo();
    }

    static tokendesk::TokenInfo token(const QString& module, const QString& serial, const QString& label)
    {
        tokendesk::TokenInfo t;
        t.modulePath = module;
        t.moduleName = module.section(QLatin1Char('/'), -1).section(QLatin1Char('.'), 0, 0);
        t.serial = serial;
        t.label = label;
        t.manufacturer = QStringLiteral("TokenDesk");
        t.model = QStringLiteral("Fixture");
        t.uri = QStringLiteral("pkcs11:model=Fixture;manufacturer=TokenDesk;serial=%1;token=%2").arg(serial, label);
        t.loginRequired = true;
        t.tokenInitialized = true;
        t.userPinInitialized = true;
        return t;
    }

    static tokendesk::ObjectInfo object(const tokendesk::TokenInfo& token, tokendesk::ObjectInfo::Class cls,
                                        const QByteArray& id, const QString& label)
    {
        tokendesk::ObjectInfo o;
        o.modulePath = token.modulePath;
        o.tokenSerial = token.serial;
        o.objectClass = cls;
        o.id = id;
        o.label = label;
        o.labelRaw = label.toUtf8();
        o.uri = token.uri + QStringLiteral(";id=%25") + QString::fromLatin1(id.toHex()) + QStringLiteral(";object=") +
                label + QStringLiteral(";type=") + tokendesk::ObjectInfo::className(cls);
        if (cls == tokendesk::ObjectInfo::Class::PrivateKey || cls == tokendesk::ObjectInfo::Class::PublicKey) {
            o.keyType = tokendesk::ObjectInfo::KeyType::Rsa;
            o.modulusBits = 2048;
        }
        return o;
    }

    static tokendesk::CertificateEntry entry(const tokendesk::TokenInfo& token, const tokendesk::CertificateInfo& info,
                                             const QByteArray& id, const QString& label,
                                             tokendesk::CertificateEntry::KeyState keyState)
    {
        tokendesk::CertificateEntry e;
        e.object = object(token, tokendesk::ObjectInfo::Class::Certificate, id, label);
        e.object.value = info.der;
        e.info = info;
        e.keyState = keyState;
        if (keyState == tokendesk::CertificateEntry::KeyState::Present) {
            e.privateKey = object(token, tokendesk::ObjectInfo::Class::PrivateKey, id, label);
        }
        return e;
    }

    /// The token's objects from its entries (certificates and their private keys), plus `extra`.
    static tokendesk::TokenContents contents(const tokendesk::TokenInfo& token,
                                             const QList<tokendesk::CertificateEntry>& entries,
                                             const tokendesk::ObjectList& extra = {})
    {
        tokendesk::TokenContents c;
        c.token = token;
        c.certificates = entries;
        for (const auto& e : entries) {
            c.objects.append(e.object);
            if (e.privateKey) {
                c.objects.append(*e.privateKey);
            }
        }
        c.objects += extra;
        return c;
    }

private:
    QTemporaryDir m_dir;
    OpensslTool m_tool;
    bool m_ca = false;
};
