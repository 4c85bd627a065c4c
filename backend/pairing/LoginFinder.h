#pragma once

#include "Pairing.h"
#include "PairingError.h"
#include "StoreFactory.h"
#include "backend/x509/CertificateInfo.h"

#include <QList>
#include <QString>
#include <vector>

namespace tokendesk {

/// A mapper the answer did not come from, and why it was passed over.
struct MapperNote
{
    QString mapper;
    QString why;        ///< "not_managed", "no_mapfile", "not_local_file", or a store error's code name
    PairingError error; ///< when `why` is a store error
};

/// "Who logs in with this card?": the login pam_pkcs11 would find, and how.
struct LoginAnswer
{
    bool found = false;
    QString login;
    QString mapper;       ///< "digest", "subject", "opensc", "openssh"
    Pairing pairing;      ///< the entry that decided it: store, file, line
    int certificate = -1; ///< index into the certificates given
    /// Mappers before the deciding one (or all, when nothing was found) that TokenDesk cannot
    /// evaluate or could not read: pam_pkcs11 might find a login there first.
    QList<MapperNote> notes;
    /// A directory's lookup: the SSSD rule that applied and its filter (of the deciding certificate,
    /// or of the first certificate a rule matched when nobody was found).
    QString rule;
    QString filter;
    /// Accounts a directory's rule found that hold another certificate with the same serial
    /// number and issuer: not this card's, and not the answer.
    QList<Pairing> otherCertificate;
    /// True when a note stands before the answer: pam_pkcs11 may decide otherwise.
    bool uncertain() const { return !notes.isEmpty(); }
};

/// pam_pkcs11's lookup (pklogin_finder.c and mapper_mgr.c's find_user): for each certificate of
/// the card in order, each mapper of `use_mappers` in order; the first entry found wins. Stores
/// are read once per find(); a store that looks certificates up itself (a directory, by SSSD's
/// rules) is asked for each certificate instead.
class LoginFinder
{
public:
    explicit LoginFinder(std::vector<ConfiguredMapper> mappers) : m_mappers(std::move(mappers)) {}

    LoginAnswer find(const QList<CertificateInfo>& certificates) const;

private:
    std::vector<ConfiguredMapper> m_mappers;
};

} // namespace tokendesk
