#pragma once

#include <QLoggingCategory>

// One category per area; enable with QT_LOGGING_RULES="tokendesk.pcsc.debug=true".
// APDU tracing (tokendesk.apdu) is off by default and never carries a secret.
Q_DECLARE_LOGGING_CATEGORY(lcPcsc)
Q_DECLARE_LOGGING_CATEGORY(lcApdu)
Q_DECLARE_LOGGING_CATEGORY(lcAtr)
Q_DECLARE_LOGGING_CATEGORY(lcPkcs11)
