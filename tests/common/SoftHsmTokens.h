// SoftHSM2 tokens of one test, in a token folder of their own: SOFTHSM2_CONF
// points at this object's config in a temporary folder while it lives (for
// this process and the peers it starts), so no two tests share a token.
// Tokens, PINs and objects are made with pkcs11-tool; PINs reach it as
// "env:NAME" and never appear on a command line.
#pragma once

#include "PeerProcess.h"

#include <QByteArray>
#include <QList>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

class SoftHsmTokens
{
public:
    // What `pkcs11-tool -L` says about one slot (the bytes as printed).
    struct Listed
    {
        quint64 slotId = 0;
        bool initialized = false;
        QByteArray label;
        QByteArray manufacturer;
        QByteArray model;
        QByteArray serial;
        QByteArray flags;
        QByteArray pinLengths; // "4/255"
    };

    static const QString kUserPin;
    static const QString kSoPin;

    SoftHsmTokens();
    ~SoftHsmTokens();
    SoftHsmTokens(const SoftHsmTokens&) = delete;
    SoftHsmTokens& operator=(const SoftHsmTokens&) = delete;

    bool isValid() const { return m_valid; }
    QString dir() const { return m_dir.path(); }
    QString confPath() const;
    static QString modulePath();

    // A new token in the free slot, labelled with these bytes (UTF-8 or not),
    // with kSoPin and kUserPin. Returns its slot id; on failure sets error().
    bool createToken(const QByteArray& label, quint64* slotId = nullptr);
    // A key pair and its self-signed certificate, made by openssl in this object's folder
    // (not written to any token): the DER, and the key file's path in *keyPath.
    QByteArray makeCertificate(const QString& keyType, QString* keyPath = nullptr);
    // A self-signed certificate (openssl), written to the token; its DER.
    QByteArray writeCertificate(quint64 slotId, const QString& id, const QString& label, const QString& keyType);
    // A key pair made by openssl, its self-signed certificate, private and public key all
    // written under `id`: an identity whose key matches its certificate. Its DER.
    QByteArray writeIdentity(quint64 slotId, const QString& id, const QString& label, const QString& keyType);
    // A key pair generated on the token (pkcs11-tool --keypairgen).
    bool generateKeyPair(quint64 slotId, const QString& id, const QString& label, const QString& keyType);

    QList<Listed> list();
    Listed listed(const QByteArray& label);

    // pkcs11-tool with this module, and the PINs in the environment as TD_PIN and TD_SO.
    PeerResult tool(const QStringList& args);
    // p11tool with a p11-kit user config that registers SoftHSM (XDG_CONFIG_HOME in our folder).
    PeerResult p11tool(const QStringList& args);

    QString errorString() const { return m_error; }

private:
    QProcessEnvironment secrets() const;

    QTemporaryDir m_dir;
    QByteArray m_previousConf;
    bool m_hadConf = false;
    bool m_valid = false;
    int m_certificates = 0;
    QString m_error;
};
