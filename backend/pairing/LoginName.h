#pragma once

#include <QString>

namespace tokendesk {

/// What every store accepts as a login: what pam_pkcs11 can return and a home folder can be named
/// after. Not empty, at most 256 characters, not "." or "..", no "/", no white space, no control or
/// format characters (a newline would end a mapping line; a bidi control would disguise one).
class LoginName
{
public:
    static bool valid(const QString& login);
};

} // namespace tokendesk
