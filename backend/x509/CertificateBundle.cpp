#include "CertificateBundle.h"

#include "CertificateParser.h"
#include "NameRepair.h"

#include <QSet>

namespace tokendesk {

namespace {

bool isCertificateLabel(const QByteArray& label)
{
    return label == "CERTIFICATE" || label == "X509 CERTIFICATE" || label == "TRUSTED CERTIFICATE";
}

bool isBlank(const QByteArray& line)
{
    for (const char c : line) {
        if (c != ' ' && c != '\t' && c != '\r' && c != '\v' && c != '\f') {
            return false;
        }
    }
    return true;
}

/// The issuer and subject names of a certificate, as their DER TLVs, by walking the TBS:
/// [0] version (optional), serial, signature, issuer, validity, subject.
bool names(const QByteArray& der, QByteArray* issuer, QByteArray* subject)
{
    using Tlv = NameRepair::Tlv;
    Tlv certificate;
    Tlv tbs;
    if (NameRepair::read(der, 0, der.size(), &certificate) != NameRepair::Header::Ok || certificate.tag != 0x30 ||
        NameRepair::read(der, certificate.content, certificate.end(), &tbs) != NameRepair::Header::Ok ||
        tbs.tag != 0x30) {
        return false;
    }
    QList<Tlv> fields;
    qsizetype at = tbs.content;
    while (at < tbs.end() && fields.size() < 7) {
        Tlv field;
        if (NameRepair::read(der, at, tbs.end(), &field) != NameRepair::Header::Ok) {
            return false;
        }
        fields.append(field);
        at = field.end();
    }
    const int first = !fields.isEmpty() && fields.at(0).tag == 0xA0 ? 1 : 0;
    if (fields.size() < first + 5) {
        return false;
    }
    const Tlv& issuerTlv = fields.at(first + 2);
    const Tlv& subjectTlv = fields.at(first + 4);
    *issuer = der.mid(issuerTlv.offset, issuerTlv.end() - issuerTlv.offset);
    *subject = der.mid(subjectTlv.offset, subjectTlv.end() - subjectTlv.offset);
    return true;
}

} // namespace

Result<CertificateBundle, X509Error> CertificateBundle::read(const QByteArray& data)
{
    X509Error e;
    if (data.isEmpty()) {
        e.code = X509Error::Code::Empty;
        return e;
    }
    CertificateBundle bundle;
    if (!CertificateParser::looksLikePem(data)) {
        bundle.m_certificates.append(data); // DER: parseDer says what it is, bytes after it ignored
        return bundle;
    }
    bundle.readPem(data);
    if (bundle.m_certificates.isEmpty()) {
        e.code = bundle.m_brokenBlocks > 0 ? X509Error::Code::BadPem : X509Error::Code::NotACertificate;
        e.detail = QStringLiteral("no CERTIFICATE block");
        return e;
    }
    return bundle;
}

void CertificateBundle::readPem(const QByteArray& data)
{
    static const QByteArray begin("-----BEGIN ");
    static const QByteArray end("-----END ");
    static const QByteArray dashes("-----");
    bool inBlock = false;
    bool headers = false;
    QByteArray label;
    QByteArray body;
    qsizetype at = 0;
    while (at < data.size() && !m_truncated) {
        const qsizetype lineStart = at;
        qsizetype lineEnd = data.indexOf('\n', at);
        if (lineEnd < 0) {
            lineEnd = data.size();
        }
        QByteArray line = data.mid(at, lineEnd - at);
        at = lineEnd + 1;
        if (line.endsWith('\r')) {
            line.chop(1);
        }
        if (!inBlock) {
            if (line.startsWith(begin) && line.endsWith(dashes) && line.size() >= begin.size() + dashes.size()) {
                label = line.mid(begin.size(), line.size() - begin.size() - dashes.size());
                body.clear();
                headers = false;
                inBlock = true;
            } else if (!isBlank(line)) {
                m_skippedBytes += line.size();
            }
            continue;
        }
        if (line.startsWith(end)) {
            finishBlock(label, body, headers, line == end + label + dashes);
            inBlock = false;
        } else if (line.startsWith(begin)) {
            finishBlock(label, body, headers, false); // a block with no END: broken, and a new one starts
            at = lineStart;
            inBlock = false;
        } else if (line.contains(':')) {
            headers = true; // "Proc-Type: 4,ENCRYPTED" and friends: not a plain certificate
        } else {
            body += line;
        }
    }
    if (inBlock) {
        finishBlock(label, body, headers, false);
    }
}

void CertificateBundle::finishBlock(const QByteArray& label, const QByteArray& body, bool headers, bool ended)
{
    if (!isCertificateLabel(label) || headers) {
        ++m_otherBlocks;
        return;
    }
    QByteArray base64 = body;
    base64.replace(' ', QByteArray()).replace('\t', QByteArray());
    const auto decoded = QByteArray::fromBase64Encoding(base64, QByteArray::AbortOnBase64DecodingErrors);
    if (!ended || !decoded || decoded.decoded.isEmpty()) {
        ++m_brokenBlocks;
        return;
    }
    if (m_certificates.size() >= kMaxCertificates) {
        m_truncated = true;
        return;
    }
    m_certificates.append(decoded.decoded);
}

Result<CertificateInfo, X509Error> CertificateBundle::parse(qsizetype index) const
{
    return CertificateParser::parseDer(m_certificates.at(index));
}

QList<CertificateInfo> CertificateBundle::issuersOf(const CertificateInfo& leaf) const
{
    QByteArray wantedIssuer;
    QByteArray leafSubject;
    if (!names(leaf.der, &wantedIssuer, &leafSubject) || wantedIssuer == leafSubject) {
        return {}; // self-issued: no issuer to look for
    }
    // One pass over the names; then up the chain through the index.
    QMultiHash<QByteArray, qsizetype> bySubject;
    for (qsizetype i = 0; i < m_certificates.size(); ++i) {
        QByteArray issuer;
        QByteArray subject;
        if (m_certificates.at(i) != leaf.der && names(m_certificates.at(i), &issuer, &subject)) {
            bySubject.insert(subject, i);
        }
    }
    QList<CertificateInfo> result;
    QSet<QByteArray> taken{leaf.der};
    QList<QByteArray> wanted{wantedIssuer};
    QSet<QByteArray> looked;
    for (int depth = 0; depth < kMaxChainDepth && !wanted.isEmpty(); ++depth) {
        QList<QByteArray> next;
        for (const QByteArray& name : std::as_const(wanted)) {
            if (looked.contains(name)) {
                continue;
            }
            looked.insert(name);
            for (auto it = bySubject.constFind(name); it != bySubject.constEnd() && it.key() == name; ++it) {
                const QByteArray& der = m_certificates.at(it.value());
                if (taken.contains(der)) {
                    continue;
                }
                taken.insert(der);
                auto info = CertificateParser::parseDer(der);
                if (!info) {
                    continue;
                }
                QByteArray issuer;
                QByteArray subject;
                if (names(der, &issuer, &subject) && issuer != subject) {
                    next.append(issuer);
                }
                result.append(std::move(info).value());
            }
        }
        wanted = next;
    }
    return result;
}

} // namespace tokendesk
