#pragma once

#include <QByteArray>
#include <QList>

namespace tokendesk {

/// One "-----BEGIN X-----" ... "-----END X-----" block of a PEM file, by byte offsets into the file,
/// so that an edit can remove exactly its bytes and leave every other byte as it was.
struct PemBlock
{
    qsizetype begin = 0;   ///< offset of the BEGIN line
    qsizetype end = 0;     ///< offset after the END line's line end (or where the block was cut off)
    int line = 0;          ///< 1-based line of the BEGIN line
    QByteArray label;      ///< "CERTIFICATE", "PRIVATE KEY", ...
    bool complete = false; ///< an END line closed it
    /// The certificate as PEM_read_bio_X509 reads this block alone (DER); empty when it holds none.
    QByteArray der;
    /// OpenSSL's PEM reader fails on this block (bad base64, no END line, a CERTIFICATE that is not
    /// one): a loop of PEM_read_bio_X509, like pam_pkcs11's opensc mapper, stops here and never
    /// sees the blocks after it.
    bool stopsReading = false;

    QByteArray bytesOf(const QByteArray& data) const { return data.mid(begin, end - begin); }
};

/// PEM files cut into blocks with their exact byte ranges. OpenSSL parses the contents; the
/// boundaries are found here, because OpenSSL does not tell where in the file a block was.
class PemBlocks
{
public:
    /// The blocks of `data` in file order. A BEGIN line inside an open block ends that block (it is
    /// incomplete) and starts the next; text outside blocks belongs to none.
    static QList<PemBlock> split(const QByteArray& data);
    /// How many certificates a PEM_read_bio_X509 loop over the whole of `data` returns before it
    /// stops: what pam_pkcs11's opensc mapper compares.
    static int certificatesReadByOpenSsl(const QByteArray& data);
    /// A certificate block as PEM_write_bio_X509 writes it (64 columns, "\n" line ends); empty for
    /// DER that OpenSSL does not read.
    static QByteArray toPem(const QByteArray& der);
};

} // namespace tokendesk
