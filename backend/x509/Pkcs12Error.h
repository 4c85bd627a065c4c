#pragma once

#include <QString>

namespace tokendesk {

/// Why a PKCS#12 (.p12, .pfx) file could not be read. The code is for the UI's sentence, the
/// detail (OpenSSL's error queue, a file error, what was found where) for logs: never a secret.
struct Pkcs12Error
{
    enum class Code
    {
        Unreadable,           ///< the file could not be opened or read
        TooLarge,             ///< larger than Pkcs12Reader::kMaxFileSize
        NotAFile,             ///< a folder, a device, a FIFO: not a regular file
        Empty,                ///< no bytes at all
        Corrupt,              ///< not PKCS#12 DER, truncated, or a broken structure inside
        WrongPassword,        ///< the MAC does not verify, or (without a MAC) the contents do not decrypt
        UnsupportedAlgorithm, ///< a cipher, MAC or key derivation not even the legacy provider has, or
                              ///< more iterations than we are willing to compute
        Internal,             ///< OpenSSL failed where it should not (out of memory, ...)
    };

    Code code = Code::Corrupt;
    QString detail;
    QString path; ///< for readFile

    /// "corrupt", "wrong_password", ...: for JSON and logs.
    QString codeName() const;

    bool operator==(const Pkcs12Error& o) const { return code == o.code && detail == o.detail && path == o.path; }
    bool operator!=(const Pkcs12Error& o) const { return !(*this == o); }
};

} // namespace tokendesk
