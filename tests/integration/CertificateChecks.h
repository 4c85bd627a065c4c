// Checks for the certificates `tokendesk report` and `tokendesk cert show URI` print: every field
// against what `openssl x509` says of the same DER, and a run of the tokendesk binary.
#pragma once

#include "OpensslTool.h"
#include "PeerProcess.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

namespace certchecks {

inline PeerResult runTokendesk(const QStringList& args)
{
    return PeerProcess::run(qEnvironmentVariable("TOKENDESK_BINARY"), args, {}, {}, 60000);
}

inline QJsonObject json(const PeerResult& run)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(run.out, &error);
    if (error.error != QJsonParseError::NoError) {
        qWarning("%s", run.describe().constData());
    }
    return doc.object();
}

/// The certificates of `report --json` on the token with this serial, by SHA-256 (hex).
inline QHash<QString, QJsonObject> certificatesOf(const QJsonObject& report, const QString& tokenSerial)
{
    QHash<QString, QJsonObject> found;
    const QJsonArray array = report.value(QStringLiteral("certificates")).toArray();
    for (const QJsonValue& v : array) {
        const QJsonObject o = v.toObject();
        if (o.value(QStringLiteral("token_serial")).toString() == tokenSerial) {
            found.insert(o.value(QStringLiteral("sha256")).toString(), o);
        }
    }
    return found;
}

inline QString plainHex(const QString& colonHex)
{
    return QString(colonHex).remove(QLatin1Char(':')).toLower();
}

inline QString sha256Hex(const QByteArray& der)
{
    return QString::fromLatin1(QCryptographicHash::hash(der, QCryptographicHash::Sha256).toHex());
}

/// Writes the DER as NAME.pem in the tool's folder, for `openssl x509 -in`.
inline bool writePem(const OpensslTool& ssl, const QString& name, const QByteArray& der)
{
    return ssl.write(name + QStringLiteral(".der"), der) &&
           ssl.ok({QStringLiteral("x509"), QStringLiteral("-inform"), QStringLiteral("DER"), QStringLiteral("-in"),
                   ssl.path(name + QStringLiteral(".der")), QStringLiteral("-out"), ssl.path(name)});
}

/// The certificate's JSON equals what `openssl x509` says of its DER (written as `pem`).
inline void compareWithOpenssl(const QJsonObject& cert, const OpensslTool& ssl, const QString& pem)
{
    const QStringList nameopt{QStringLiteral("-nameopt"), QStringLiteral("RFC2253,-esc_msb")};
    QCOMPARE(cert.value(QStringLiteral("subject")).toString(),
             ssl.x509Value(pem, QStringList{QStringLiteral("-subject")} + nameopt));
    QCOMPARE(cert.value(QStringLiteral("issuer")).toString(),
             ssl.x509Value(pem, QStringList{QStringLiteral("-issuer")} + nameopt));
    QCOMPARE(cert.value(QStringLiteral("serial")).toString(), ssl.x509Value(pem, {QStringLiteral("-serial")}));
    QCOMPARE(cert.value(QStringLiteral("sha256")).toString(),
             plainHex(ssl.x509Value(pem, {QStringLiteral("-fingerprint"), QStringLiteral("-sha256")})));
    QCOMPARE(cert.value(QStringLiteral("sha1")).toString(),
             plainHex(ssl.x509Value(pem, {QStringLiteral("-fingerprint"), QStringLiteral("-sha1")})));
    QCOMPARE(cert.value(QStringLiteral("not_after")).toString(),
             OpensslTool::opensslDate(ssl.x509Value(pem, {QStringLiteral("-enddate")})).toString(Qt::ISODate));
    QCOMPARE(cert.value(QStringLiteral("not_before")).toString(),
             OpensslTool::opensslDate(ssl.x509Value(pem, {QStringLiteral("-startdate")})).toString(Qt::ISODate));
    // The key as `openssl x509 -text` prints it: "Public-Key: (2048 bit)", "ASN1 OID: prime256v1".
    const QString text = ssl.x509(pem, {QStringLiteral("-text")});
    const QJsonObject key = cert.value(QStringLiteral("key")).toObject();
    QVERIFY2(text.contains(QStringLiteral("Public-Key: (%1 bit)").arg(key.value(QStringLiteral("bits")).toInt())),
             qPrintable(text));
    if (key.value(QStringLiteral("algorithm")).toString() == QLatin1String("ec")) {
        QVERIFY2(text.contains(QStringLiteral("ASN1 OID: ") + key.value(QStringLiteral("curve")).toString()),
                 qPrintable(text));
    } else {
        QCOMPARE(key.value(QStringLiteral("algorithm")).toString(), QStringLiteral("rsa"));
        QVERIFY(text.contains(QStringLiteral("rsaEncryption")));
    }
}

} // namespace certchecks
