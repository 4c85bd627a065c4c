#pragma once

#include "backend/pcsc/PcscError.h"

#include <QCoreApplication>

namespace tokendesk {

/// Sentences for typed backend errors, for people. The backend only returns codes.
class ErrorText
{
    Q_DECLARE_TR_FUNCTIONS(ErrorText)
public:
    static QString pcsc(const PcscError& error);
};

} // namespace tokendesk
