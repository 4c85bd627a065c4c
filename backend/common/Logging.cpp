#include "Logging.h"

Q_LOGGING_CATEGORY(lcPcsc, "tokendesk.pcsc", QtInfoMsg)
Q_LOGGING_CATEGORY(lcApdu, "tokendesk.apdu", QtWarningMsg)
Q_LOGGING_CATEGORY(lcAtr, "tokendesk.atr", QtInfoMsg)
Q_LOGGING_CATEGORY(lcPkcs11, "tokendesk.pkcs11", QtInfoMsg)
