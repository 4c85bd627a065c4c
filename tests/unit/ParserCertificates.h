#pragma once

// The certificates tst_certificateparser and tst_publickeyshortcut read: one of every key type
// and extension TokenDesk shows, made with the `openssl` command line in the test's folder.

#include "OpensslTool.h"

#include <QStringList>

namespace parsercerts {

inline const QByteArray kFullExtensions = "subjectAltName = DNS:www.example.org, email:alice@example.org, "
                                          "URI:https://example.org/alice, IP:192.0.2.7, IP:2001:db8::1, "
                                          "otherName:1.3.6.1.4.1.311.20.2.3;UTF8:alice@EXAMPLE.ORG, dirName:dir_sect\n"
                                          "extendedKeyUsage = clientAuth, 1.3.6.1.4.1.311.20.2.2\n"
                                          "keyUsage = critical, digitalSignature, nonRepudiation, keyEncipherment\n"
                                          "basicConstraints = critical, CA:FALSE\n"
                                          "certificatePolicies = 1.2.3.4.5, 2.5.29.32.0\n"
                                          "authorityInfoAccess = OCSP;URI:http://ocsp.example.org, "
                                          "caIssuers;URI:http://ca.example.org/ca.crt\n"
                                          "crlDistributionPoints = URI:http://crl.example.org/ca.crl\n"
                                          "subjectKeyIdentifier = hash\n"
                                          "[dir_sect]\nCN = Dir Name\nO = Acme\n";

inline QStringList names()
{
    return {QStringLiteral("rsa.pem"),   QStringLiteral("smime.pem"),    QStringLiteral("ca384.pem"),
            QStringLiteral("leaf.pem"),  QStringLiteral("ed25519.pem"),  QStringLiteral("ed448.pem"),
            QStringLiteral("dates.pem"), QStringLiteral("negative.pem"), QStringLiteral("unknown.pem"),
            QStringLiteral("t61.pem"),   QStringLiteral("bmp.pem"),      QStringLiteral("v1.pem")};
}

/// Makes the keys and every certificate in names(); false (with openssl's words logged) if one fails.
inline bool make(const OpensslTool& ssl)
{
    bool ok = true;
    ok = ok && ssl.key(QStringLiteral("rsa.key"), QStringLiteral("rsa:2048"));
    ok = ok && ssl.key(QStringLiteral("p256.key"), QStringLiteral("ec:P-256"));
    ok = ok && ssl.key(QStringLiteral("p384.key"), QStringLiteral("ec:P-384"));
    ok = ok && ssl.key(QStringLiteral("ed25519.key"), QStringLiteral("ed25519"));
    ok = ok && ssl.key(QStringLiteral("ed448.key"), QStringLiteral("ed448"));

    const QString serial40 = QStringLiteral("0x") + QStringLiteral("AB").repeated(40);
    ok = ok &&
         ssl.selfSigned(QStringLiteral("rsa.pem"), QStringLiteral("rsa.key"),
                        QStringLiteral("/C=DE/O=Acme GmbH/CN=Alice Example"), OpensslTool::config({}, kFullExtensions),
                        {QStringLiteral("-days"), QStringLiteral("365"), QStringLiteral("-set_serial"), serial40});
    ok = ok &&
         ssl.selfSigned(
             QStringLiteral("smime.pem"), QStringLiteral("p256.key"), QStringLiteral("/emailAddress=alice@example.org"),
             OpensslTool::config({}, "subjectAltName = email:alice@example.org\nextendedKeyUsage = emailProtection\n"
                                     "keyUsage = digitalSignature, keyAgreement\n"),
             {QStringLiteral("-days"), QStringLiteral("100")});
    ok = ok && ssl.selfSigned(
                   QStringLiteral("ca384.pem"), QStringLiteral("p384.key"), QStringLiteral("/O=Acme/CN=Acme Root CA"),
                   OpensslTool::config({}, "basicConstraints = critical, CA:TRUE, pathlen:2\n"
                                           "keyUsage = critical, keyCertSign, cRLSign\nsubjectKeyIdentifier = hash\n"),
                   {QStringLiteral("-days"), QStringLiteral("3650")});
    ok = ok && ssl.issue(QStringLiteral("leaf.pem"), QStringLiteral("p256.key"), QStringLiteral("/CN=Leaf"),
                         QStringLiteral("ca384.pem"), QStringLiteral("p384.key"),
                         "basicConstraints = CA:FALSE\nextendedKeyUsage = serverAuth, clientAuth\n"
                         "subjectKeyIdentifier = hash\nauthorityKeyIdentifier = keyid\n",
                         {QStringLiteral("-days"), QStringLiteral("200")});
    ok = ok &&
         ssl.selfSigned(QStringLiteral("ed25519.pem"), QStringLiteral("ed25519.key"),
                        QStringLiteral("/CN=Ed25519 Card"), OpensslTool::config({}, "basicConstraints = CA:FALSE\n"),
                        {QStringLiteral("-days"), QStringLiteral("10")});
    ok = ok && ssl.selfSigned(QStringLiteral("ed448.pem"), QStringLiteral("ed448.key"), QStringLiteral("/CN=Ed448"),
                              OpensslTool::config({}, "basicConstraints = CA:FALSE\n"),
                              {QStringLiteral("-days"), QStringLiteral("10")});
    ok = ok && ssl.issueWithDates(QStringLiteral("dates.pem"), QStringLiteral("p256.key"), QStringLiteral("/CN=Dates"),
                                  {}, {}, QStringLiteral("19600101000000Z"), QStringLiteral("20600101120000Z"));
    ok = ok && ssl.selfSigned(QStringLiteral("negative.pem"), QStringLiteral("p256.key"), QStringLiteral("/CN=Neg"),
                              OpensslTool::config({}, "basicConstraints = CA:FALSE\n"),
                              {QStringLiteral("-days"), QStringLiteral("5"), QStringLiteral("-set_serial"),
                               QStringLiteral("-4660")});
    ok = ok && ssl.selfSigned(QStringLiteral("unknown.pem"), QStringLiteral("p256.key"), QStringLiteral("/CN=Odd"),
                              OpensslTool::config({}, "1.2.3.4.5.6.7 = ASN1:UTF8String:hello\n"
                                                      "1.2.3.4.5.6.8 = critical,ASN1:BOOLEAN:TRUE\n"),
                              {QStringLiteral("-days"), QStringLiteral("5")});
    // T61String: the Latin-1 byte of "Café" with the "nombstr" mask; BMPString: "Zoë €" with "pkix".
    ok = ok && ssl.selfSigned(QStringLiteral("t61.pem"), QStringLiteral("p256.key"), {},
                              OpensslTool::config("CN = Caf\xe9\nO = T61", {}, "nombstr", false),
                              {QStringLiteral("-days"), QStringLiteral("5")});
    ok = ok && ssl.selfSigned(QStringLiteral("bmp.pem"), QStringLiteral("p256.key"), {},
                              OpensslTool::config("CN = Zo\xc3\xab \xe2\x82\xac\n", {}, "pkix", true),
                              {QStringLiteral("-days"), QStringLiteral("5")});
    // Version 1: no extensions at all.
    ok = ok && ssl.ok({QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-key"),
                       ssl.path(QStringLiteral("p256.key")), QStringLiteral("-subj"), QStringLiteral("/CN=V1"),
                       QStringLiteral("-out"), ssl.path(QStringLiteral("v1.csr"))});
    ok = ok && ssl.ok({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
                       ssl.path(QStringLiteral("v1.csr")), QStringLiteral("-key"), ssl.path(QStringLiteral("p256.key")),
                       QStringLiteral("-days"), QStringLiteral("30"), QStringLiteral("-out"),
                       ssl.path(QStringLiteral("v1.pem"))});
    return ok;
}

} // namespace parsercerts
