#pragma once

#include <QDateTime>
#include <QString>

namespace tokendesk {

/// The audit trail of pairing: one line per pair and unpair, to syslog (facility authpriv, as
/// `openlog("tokendesk", ...)`) and, when configured (Settings::PairingAuditLog), appended to a file.
/// A line holds the UTC time, the operator, the action, the login, the store and the certificate's
/// SHA-256; nothing secret is ever given to it.
class PairingAudit
{
public:
    enum class Action
    {
        Pair,
        Unpair,
    };

    struct Entry
    {
        Action action = Action::Pair;
        QString login;
        QString store;  ///< KIND:PATH
        QString sha256; ///< of the certificate, hex; empty for "all of a login's"
        int count = 1;  ///< entries removed, for unpair
    };

    /// `time=2026-12-04T10:00:00Z operator=root action=pair login=alice store=... sha256=...`:
    /// key=value pairs, values with white space or quotes quoted, control characters escaped.
    static QString format(const Entry& entry, const QString& operatorName, const QDateTime& utc);
    /// The user running TokenDesk, and who they are under sudo or pkexec: "root (sudo: alice)".
    static QString operatorName();
    /// Writes the line to syslog and to `auditFile` (PairingSources::Choice::auditLog; empty: none).
    /// A file that cannot be written is said in syslog (and returned false); the change it records
    /// is not undone. Any thread: nothing here reads the settings.
    static bool record(const Entry& entry, const QString& auditFile);
    /// Appends the line to `path` (created 0600), whole or not at all; false on failure.
    static bool appendToFile(const QString& path, const QString& line);
};

} // namespace tokendesk
