#pragma once

#include "DirectoryOptions.h"
#include "LdapEntry.h"
#include "LdapUrl.h"
#include "backend/common/Result.h"
#include "backend/pairing/PairingError.h"

#include <QStringList>
#include <atomic>
#include <functional>
#include <memory>

typedef struct ldap LDAP;
struct ldapmsg;

namespace tokendesk {

/// One bound connection to a directory through OpenLDAP's libldap. Every call waits at most the
/// options' time-out and polls `cancel` while it waits; TLS (ldaps:// or StartTLS) always checks
/// the server's certificate and never falls back to plain text. Used by one thread at a time.
class LdapConnection
{
public:
    enum class Change
    {
        Add,     ///< add values to the attribute
        Replace, ///< the attribute's values become exactly these (none: the attribute goes)
    };

    /// Connects, sets up TLS and binds (simple bind with the bind DN and password, or anonymous).
    [[nodiscard]] static Result<std::unique_ptr<LdapConnection>, PairingError>
    open(const LdapUrl& url, const DirectoryAccess& access, const std::atomic_bool* cancel = nullptr);
    ~LdapConnection();
    LdapConnection(const LdapConnection&) = delete;
    LdapConnection& operator=(const LdapConnection&) = delete;

    /// A subtree search below `base` (one page; the server's size limit applies).
    [[nodiscard]] Result<QList<LdapEntry>, PairingError> search(const QString& base, const QString& filter,
                                                                const QStringList& attributes);
    /// Returns false to stop the search.
    using PageHandler = std::function<bool(QList<LdapEntry>&& page)>;
    /// A subtree search with the paged-results control (RFC 2696): `onPage` gets each page as it
    /// arrives. A server without the control sends everything as one page. `firstPageSize` (0:
    /// pageSize) asks for a smaller first page: the control's size may change from one request
    /// of a paged search to the next.
    [[nodiscard]] Status<PairingError> searchPaged(const QString& base, const QString& filter,
                                                   const QStringList& attributes, int pageSize,
                                                   const PageHandler& onPage, int firstPageSize = 0);
    /// Changes one attribute of `dn`; with `assertion` (an RFC 4515 filter) sent as the assertion
    /// control (RFC 4528, critical), so that the change is made only while the entry still matches:
    /// ChangedMeanwhile otherwise.
    [[nodiscard]] Status<PairingError> modify(const QString& dn, Change change, const QString& attribute,
                                              const QList<QByteArray>& values, const QString& assertion);

    /// RFC 4515 escaping of a value for a filter: * ( ) \ and NUL as \XX.
    static QString escapeFilterValue(const QString& value);
    /// The same for bytes, every byte as \XX (a certificate in a filter).
    static QString escapeFilterBytes(const QByteArray& value);

private:
    LdapConnection(LDAP* ld, const LdapUrl& url, const DirectoryAccess& access, const std::atomic_bool* cancel);
    /// An error for the failed call `rc` (with the handle's diagnostic message).
    PairingError error(int rc) const;
    /// Waits for message `id` (one response, or the whole result with all=true) until the
    /// time-out or a cancel; the message in *message. Abandons the operation on time-out or cancel.
    Status<PairingError> wait(int id, bool all, ::ldapmsg** message);

    LDAP* m_ld;
    LdapUrl m_url;
    QString m_bindDn;
    int m_timeoutMs;
    const std::atomic_bool* m_cancel;
};

} // namespace tokendesk
