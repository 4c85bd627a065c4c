#pragma once

#include "backend/common/AtomicFile.h"
#include "backend/pcsc/PcscError.h"
#include "backend/pkcs11/Pkcs11Error.h"

#include <QCoreApplication>

namespace tokendesk {

/// Sentences for typed backend errors, for people. The backend only returns codes.
class ErrorText
{
    Q_DECLARE_TR_FUNCTIONS(ErrorText)
public:
    static QString pcsc(const PcscError& error);
    static QString pkcs11(const Pkcs11Error& error);
    /// Why a file was not written; the path shown escaped (PrintableText).
    static QString file(const FileError& error);
};

} // namespace tokendesk
