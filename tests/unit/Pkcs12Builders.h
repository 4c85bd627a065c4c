#pragma once

// PKCS#12 files that `openssl pkcs12 -export` cannot make, for tst_pkcs12reader: two keys in one file
// (through the OpenSSL API), and certificates in nested safeContentsBags (DER written by hand).

#include <QByteArray>
#include <QFile>
#include <QList>
#include <QString>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <utility>

struct Pkcs12Builders
{
    /// A file with two keys and their certificates, through the OpenSSL API (`openssl pkcs12` takes one key).
    static QByteArray twoKeys(const QList<std::pair<QString, QString>>& pairs, const QByteArray& password)
    {
        STACK_OF(PKCS12_SAFEBAG)* bags = nullptr;
        int n = 0;
        for (const auto& [keyName, certName] : pairs) {
            ++n;
            const QByteArray id = "id-" + QByteArray::number(n);
            const QByteArray name = "Key " + QByteArray::number(n) + " \xC3\xA9";
            BIO* kb = BIO_new_file(QFile::encodeName(keyName).constData(), "r");
            EVP_PKEY* key = PEM_read_bio_PrivateKey(kb, nullptr, nullptr, nullptr);
            BIO_free(kb);
            BIO* cb = BIO_new_file(QFile::encodeName(certName).constData(), "r");
            X509* cert = PEM_read_bio_X509(cb, nullptr, nullptr, nullptr);
            BIO_free(cb);
            PKCS12_SAFEBAG* certBag = PKCS12_add_cert(&bags, cert);
            PKCS12_SAFEBAG* keyBag = PKCS12_add_key(&bags, key, 0, 1000, NID_aes_128_cbc, password.constData());
            for (PKCS12_SAFEBAG* bag : {certBag, keyBag}) {
                PKCS12_add_friendlyname_utf8(bag, name.constData(), int(name.size()));
                PKCS12_add_localkeyid(bag, reinterpret_cast<unsigned char*>(const_cast<char*>(id.constData())),
                                      int(id.size()));
            }
            EVP_PKEY_free(key);
            X509_free(cert);
        }
        STACK_OF(PKCS7)* safes = nullptr;
        PKCS12_add_safe(&safes, bags, -1, 0, nullptr);
        sk_PKCS12_SAFEBAG_pop_free(bags, PKCS12_SAFEBAG_free);
        PKCS12* p12 = PKCS12_add_safes(safes, 0);
        sk_PKCS7_pop_free(safes, PKCS7_free);
        PKCS12_set_mac(p12, password.constData(), -1, nullptr, 0, 1000, EVP_sha256());
        unsigned char* der = nullptr;
        const int length = i2d_PKCS12(p12, &der);
        PKCS12_free(p12);
        const QByteArray bytes(reinterpret_cast<const char*>(der), length);
        OPENSSL_free(der);
        return bytes;
    }

    static QByteArray tlv(quint8 tag, const QByteArray& content)
    {
        QByteArray out(1, char(tag));
        const qsizetype n = content.size();
        if (n < 0x80) {
            out += char(n);
        } else if (n < 0x100) {
            out += '\x81';
            out += char(n);
        } else {
            out += '\x82';
            out += char(n >> 8);
            out += char(n & 0xFF);
        }
        return out + content;
    }

    /// A file without MAC or encryption whose certificate sits `depth` safeContentsBags deep.
    static QByteArray nested(const QByteArray& certDer, int depth)
    {
        const QByteArray data = QByteArray::fromHex("06092a864886f70d010701");               // id-data
        const QByteArray certBagId = QByteArray::fromHex("060b2a864886f70d010c0a0103");      // certBag
        const QByteArray x509Cert = QByteArray::fromHex("060a2a864886f70d01091601");         // x509Certificate
        const QByteArray safeContentsId = QByteArray::fromHex("060b2a864886f70d010c0a0106"); // safeContentsBag
        QByteArray bag = tlv(0x30, certBagId + tlv(0xA0, tlv(0x30, x509Cert + tlv(0xA0, tlv(0x04, certDer)))));
        for (int i = 0; i < depth; ++i) {
            bag = tlv(0x30, safeContentsId + tlv(0xA0, tlv(0x30, bag)));
        }
        const QByteArray safeContents = tlv(0x30, bag);
        const QByteArray authSafe = tlv(0x30, tlv(0x30, data + tlv(0xA0, tlv(0x04, safeContents))));
        return tlv(0x30, QByteArray::fromHex("020103") + tlv(0x30, data + tlv(0xA0, tlv(0x04, authSafe))));
    }
};
