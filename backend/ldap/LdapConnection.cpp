#include "LdapConnection.h"

#include "AttributeList.h"
#include "backend/common/SigpipeGuard.h"

#include <QFileInfo>
#include <arpa/inet.h>
#include <chrono>
#include <fcntl.h>
#include <ldap.h>
#include <mutex>
#include <netdb.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

namespace tokendesk {

namespace {

using Clock = std::chrono::steady_clock;
constexpr int kPollMs = 100; // how often a wait looks at the cancel flag

timeval toTimeval(int ms)
{
    return timeval{ms / 1000, (ms % 1000) * 1000};
}

QString diagnostic(LDAP* ld)
{
    char* message = nullptr;
    if (ld && ldap_get_option(ld, LDAP_OPT_DIAGNOSTIC_MESSAGE, &message) == LDAP_OPT_SUCCESS && message) {
        const QString text = QString::fromUtf8(message);
        ldap_memfree(message);
        return text;
    }
    return {};
}

/// Whether a TCP connection to host:port is accepted within `timeoutMs`: tells "no server" from
/// "a server whose TLS we refused" when libldap says only "Can't contact LDAP server" for both.
bool tcpAccepts(const QString& host, int port, int timeoutMs)
{
    addrinfo hints{};
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* found = nullptr;
    if (getaddrinfo(host.toUtf8().constData(), QByteArray::number(port).constData(), &hints, &found) != 0) {
        return false;
    }
    bool accepted = false;
    for (addrinfo* a = found; a && !accepted; a = a->ai_next) {
        const int fd = socket(a->ai_family, a->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, a->ai_protocol);
        if (fd < 0) {
            continue;
        }
        if (connect(fd, a->ai_addr, a->ai_addrlen) == 0) {
            accepted = true;
        } else if (errno == EINPROGRESS) {
            pollfd p{fd, POLLOUT, 0};
            int soError = 0;
            socklen_t length = sizeof soError;
            accepted = poll(&p, 1, timeoutMs) == 1 && getsockopt(fd, SOL_SOCKET, SO_ERROR, &soError, &length) == 0 &&
                       soError == 0;
        }
        close(fd);
    }
    freeaddrinfo(found);
    return accepted;
}

/// libldap's global state is set up on first use; do that once, before threads race to it.
void initializeLibrary()
{
    static std::once_flag once;
    std::call_once(once, [] {
        int version = 0;
        ldap_get_option(nullptr, LDAP_OPT_PROTOCOL_VERSION, &version);
    });
}

LdapEntry readEntry(LDAP* ld, LDAPMessage* message)
{
    LdapEntry entry;
    if (char* dn = ldap_get_dn(ld, message)) {
        entry.dn = QString::fromUtf8(dn);
        ldap_memfree(dn);
    }
    BerElement* ber = nullptr;
    for (char* name = ldap_first_attribute(ld, message, &ber); name; name = ldap_next_attribute(ld, message, ber)) {
        QList<QByteArray> values;
        if (berval** list = ldap_get_values_len(ld, message, name)) {
            for (berval** v = list; *v; ++v) {
                values.append(QByteArray((*v)->bv_val, qsizetype((*v)->bv_len)));
            }
            ldap_value_free_len(list);
        }
        entry.attributes.emplace_back(QString::fromUtf8(name), std::move(values));
        ldap_memfree(name);
    }
    if (ber) {
        ber_free(ber, 0);
    }
    return entry;
}

} // namespace

LdapConnection::LdapConnection(LDAP* ld, const LdapUrl& url, const DirectoryAccess& access,
                               const std::atomic_bool* cancel)
    : m_ld(ld), m_url(url), m_bindDn(access.options.bindDn), m_timeoutMs(access.options.operationTimeoutMs),
      m_cancel(cancel)
{}

LdapConnection::~LdapConnection()
{
    const SigpipeGuard guard;
    ldap_unbind_ext_s(m_ld, nullptr, nullptr);
}

Result<std::unique_ptr<LdapConnection>, PairingError>
LdapConnection::open(const LdapUrl& url, const DirectoryAccess& access, const std::atomic_bool* cancel)
{
    initializeLibrary();
    const SigpipeGuard guard;
    const DirectoryOptions& o = access.options;
    if (!o.caFile.isEmpty() && !QFileInfo(o.caFile).isReadable()) {
        PairingError e = PairingError::make(PairingError::Code::TlsFailure, url.text,
                                            QStringLiteral("cannot read the CA file %1").arg(o.caFile));
        return e;
    }
    if (!o.bindDn.isEmpty() && access.password.isEmpty()) {
        // RFC 4513 5.1.2: a DN with an empty password is an unauthenticated bind, which a server
        // either refuses with an obscure answer or, worse, accepts as anonymous.
        PairingError e = PairingError::make(PairingError::Code::PasswordNeeded, url.text);
        e.privilege = o.bindDn;
        return e;
    }
    LDAP* ld = nullptr;
    if (ldap_initialize(&ld, url.server.toUtf8().constData()) != LDAP_SUCCESS || !ld) {
        return PairingError::make(PairingError::Code::BadStoreSpec, QString(), url.text);
    }
    std::unique_ptr<LdapConnection> connection(new LdapConnection(ld, url, access, cancel));
    const int version = LDAP_VERSION3;
    ldap_set_option(ld, LDAP_OPT_PROTOCOL_VERSION, &version);
    ldap_set_option(ld, LDAP_OPT_REFERRALS, LDAP_OPT_OFF);
    ldap_set_option(ld, LDAP_OPT_RESTART, LDAP_OPT_ON);
    // With a network time-out but without an asynchronous connect, libldap 2.5 runs the ldaps://
    // handshake on a non-blocking socket without polling: a server that accepts and never answers
    // spins a core until it hangs up. Asynchronous, the handshake waits in poll() within the time-out.
    ldap_set_option(ld, LDAP_OPT_CONNECT_ASYNC, LDAP_OPT_ON);
    const timeval network = toTimeval(o.connectTimeoutMs);
    ldap_set_option(ld, LDAP_OPT_NETWORK_TIMEOUT, &network);
    const timeval operation = toTimeval(o.operationTimeoutMs); // for the synchronous StartTLS
    ldap_set_option(ld, LDAP_OPT_TIMEOUT, &operation);
    // The server's certificate is always checked, whatever ldap.conf or LDAPTLS_REQCERT say.
    const int demand = LDAP_OPT_X_TLS_DEMAND;
    ldap_set_option(ld, LDAP_OPT_X_TLS_REQUIRE_CERT, &demand);
    if (!o.caFile.isEmpty()) {
        ldap_set_option(ld, LDAP_OPT_X_TLS_CACERTFILE, o.caFile.toUtf8().constData());
    }
    const int serverSide = 0;
    if (const int rc = ldap_set_option(ld, LDAP_OPT_X_TLS_NEWCTX, &serverSide); rc != LDAP_OPT_SUCCESS) {
        return PairingError::make(PairingError::Code::TlsFailure, url.text, diagnostic(ld));
    }
    const Clock::time_point started = Clock::now();
    // libldap says "Can't contact LDAP server" (or "Connect error") for a refused certificate too:
    // a server that accepts TCP but not our TLS is a TLS failure; one that took the whole time, a
    // time-out; one that does not accept, unreachable.
    const auto classify = [&](PairingError e) {
        if (e.code != PairingError::Code::DirectoryUnreachable) {
            return e;
        }
        const int elapsed = int(std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started).count());
        if (elapsed >= o.connectTimeoutMs) {
            e.code = PairingError::Code::DirectoryTimeout;
        } else if ((url.ldaps || o.startTls) && tcpAccepts(url.host, url.port, o.connectTimeoutMs)) {
            e.code = PairingError::Code::TlsFailure;
            e.detail = QStringLiteral("the server's certificate is not trusted, or TLS failed");
        }
        return e;
    };
    if (o.startTls && !url.ldaps) {
        const int rc = ldap_start_tls_s(ld, nullptr, nullptr);
        if (rc != LDAP_SUCCESS) {
            PairingError e = classify(connection->error(rc));
            if (e.code == PairingError::Code::DirectoryError) {
                e.code = PairingError::Code::TlsFailure; // the server refused StartTLS
            }
            return e;
        }
    }
    // The bind (anonymous: empty DN and password) makes the connection.
    berval credentials{ber_len_t(access.password.size()), const_cast<char*>(access.password.bytes().constData())};
    int id = -1;
    const QByteArray dn = o.bindDn.toUtf8();
    const int sent = ldap_sasl_bind(ld, dn.constData(), LDAP_SASL_SIMPLE, &credentials, nullptr, nullptr, &id);
    if (sent != LDAP_SUCCESS) {
        return classify(connection->error(sent));
    }
    LDAPMessage* reply = nullptr;
    if (auto waited = connection->wait(id, true, &reply); !waited) {
        return classify(waited.error());
    }
    int rc = LDAP_OTHER;
    char* message = nullptr;
    ldap_parse_result(ld, reply, &rc, nullptr, &message, nullptr, nullptr, 1);
    if (rc != LDAP_SUCCESS) {
        PairingError e = connection->error(rc);
        if (message && *message) {
            e.detail = QString::fromUtf8(message);
        }
        ldap_memfree(message);
        return e;
    }
    ldap_memfree(message);
    return connection;
}

PairingError LdapConnection::error(int rc) const
{
    PairingError e = PairingError::make(PairingError::Code::DirectoryError, m_url.text, diagnostic(m_ld));
    e.ldapResult = rc;
    if (e.detail.isEmpty()) {
        e.detail = QString::fromUtf8(ldap_err2string(rc));
    }
    switch (rc) {
    case LDAP_SERVER_DOWN:
    case LDAP_CONNECT_ERROR:
        e.code = PairingError::Code::DirectoryUnreachable;
        e.detail = QString::fromUtf8(ldap_err2string(rc));
        break;
    case LDAP_TIMEOUT:
    case LDAP_TIMELIMIT_EXCEEDED:
        e.code = PairingError::Code::DirectoryTimeout;
        break;
    case LDAP_INVALID_CREDENTIALS:
        e.code = PairingError::Code::InvalidCredentials;
        break;
    case LDAP_INSUFFICIENT_ACCESS:
    case LDAP_STRONG_AUTH_REQUIRED: // what OpenLDAP answers an anonymous write
        e.code = PairingError::Code::AccessDenied;
        e.privilege = m_bindDn;
        break;
    case LDAP_TYPE_OR_VALUE_EXISTS:
        e.code = PairingError::Code::SameSerialAndIssuer;
        break;
    case LDAP_ASSERTION_FAILED:
        e.code = PairingError::Code::ChangedMeanwhile;
        break;
    default:
        break;
    }
    return e;
}

Status<PairingError> LdapConnection::wait(int id, bool all, LDAPMessage** message)
{
    const Clock::time_point deadline = Clock::now() + std::chrono::milliseconds(m_timeoutMs);
    for (;;) {
        if (m_cancel && m_cancel->load()) {
            ldap_abandon_ext(m_ld, id, nullptr, nullptr);
            return PairingError::make(PairingError::Code::Cancelled, m_url.text);
        }
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
        if (left <= 0) {
            ldap_abandon_ext(m_ld, id, nullptr, nullptr);
            PairingError e = PairingError::make(PairingError::Code::DirectoryTimeout, m_url.text);
            e.ldapResult = LDAP_TIMEOUT;
            return e;
        }
        timeval slice = toTimeval(int(std::min<long long>(left, kPollMs)));
        LDAPMessage* reply = nullptr;
        const int rc = ldap_result(m_ld, id, all ? LDAP_MSG_ALL : LDAP_MSG_ONE, &slice, &reply);
        if (rc == 0) {
            continue;
        }
        if (rc < 0) {
            int code = LDAP_SERVER_DOWN;
            ldap_get_option(m_ld, LDAP_OPT_RESULT_CODE, &code);
            return error(code);
        }
        *message = reply;
        return Done{};
    }
}

Result<QList<LdapEntry>, PairingError> LdapConnection::search(const QString& base, const QString& filter,
                                                              const QStringList& attributes)
{
    QList<LdapEntry> entries;
    const auto collect = [&entries](QList<LdapEntry>&& page) {
        entries.append(std::move(page));
        return true;
    };
    if (auto done = searchPaged(base, filter, attributes, 0, collect); !done) {
        return done.error();
    }
    return entries;
}

Status<PairingError> LdapConnection::searchPaged(const QString& base, const QString& filter,
                                                 const QStringList& attributes, int pageSize, const PageHandler& onPage,
                                                 int firstPageSize)
{
    const SigpipeGuard guard;
    int size = firstPageSize > 0 && pageSize > 0 ? qMin(firstPageSize, pageSize) : pageSize;
    AttributeList names(attributes);
    const QByteArray baseUtf8 = base.toUtf8();
    const QByteArray filterUtf8 = filter.toUtf8();
    // One request of the search: the page after `cookie` (none: the first).
    const auto request = [&](const QByteArray& cookie, int* id) -> Status<PairingError> {
        LDAPControl* page = nullptr;
        if (pageSize > 0) {
            berval cookieValue{ber_len_t(cookie.size()), const_cast<char*>(cookie.constData())};
            // Not critical: a server without paging answers with everything at once.
            if (ldap_create_page_control(m_ld, size, &cookieValue, 0, &page) != LDAP_SUCCESS) {
                return error(LDAP_NO_MEMORY);
            }
        }
        LDAPControl* controls[] = {page, nullptr};
        const int sent = ldap_search_ext(m_ld, baseUtf8.constData(), LDAP_SCOPE_SUBTREE, filterUtf8.constData(),
                                         names.get(), 0, page ? controls : nullptr, nullptr, nullptr, 0, id);
        if (page) {
            ldap_control_free(page);
        }
        if (sent != LDAP_SUCCESS) {
            return error(sent);
        }
        return Done{};
    };
    int id = -1;
    if (auto sent = request(QByteArray(), &id); !sent) {
        return sent.error();
    }
    for (;;) {
        QList<LdapEntry> entries;
        QByteArray cookie;
        for (bool more = true; more;) {
            LDAPMessage* reply = nullptr;
            if (auto waited = wait(id, false, &reply); !waited) {
                return waited.error();
            }
            const int type = ldap_msgtype(reply);
            if (type == LDAP_RES_SEARCH_ENTRY) {
                entries.append(readEntry(m_ld, reply));
            } else if (type == LDAP_RES_SEARCH_RESULT) {
                more = false;
                int rc = LDAP_OTHER;
                char* message = nullptr;
                LDAPControl** replyControls = nullptr;
                ldap_parse_result(m_ld, reply, &rc, nullptr, &message, nullptr, &replyControls, 0);
                if (rc != LDAP_SUCCESS) {
                    PairingError e = error(rc);
                    if (message && *message) {
                        e.detail = QString::fromUtf8(message);
                    }
                    ldap_memfree(message);
                    ldap_controls_free(replyControls);
                    ldap_msgfree(reply);
                    return e;
                }
                ldap_memfree(message);
                if (LDAPControl* response = ldap_control_find(LDAP_CONTROL_PAGEDRESULTS, replyControls, nullptr)) {
                    ber_int_t estimate = 0;
                    berval next{0, nullptr};
                    if (ldap_parse_pageresponse_control(m_ld, response, &estimate, &next) == LDAP_SUCCESS &&
                        next.bv_val) {
                        cookie = QByteArray(next.bv_val, qsizetype(next.bv_len));
                        ber_memfree(next.bv_val);
                    }
                }
                ldap_controls_free(replyControls);
            }
            ldap_msgfree(reply);
        }
        // The next page is asked for before this one is handed on: the server reads it while the
        // caller works on this one.
        size = pageSize;
        int next = -1;
        if (!cookie.isEmpty()) {
            if (auto sent = request(cookie, &next); !sent) {
                return sent.error();
            }
        }
        if (!onPage(std::move(entries))) {
            if (next >= 0) {
                ldap_abandon_ext(m_ld, next, nullptr, nullptr);
            }
            return Done{};
        }
        if (next < 0) {
            return Done{};
        }
        id = next;
    }
}

Status<PairingError> LdapConnection::modify(const QString& dn, Change change, const QString& attribute,
                                            const QList<QByteArray>& values, const QString& assertion)
{
    const SigpipeGuard guard;
    QByteArray name = attribute.toUtf8();
    std::vector<berval> storage;
    storage.reserve(size_t(values.size()));
    for (const QByteArray& v : values) {
        storage.push_back(berval{ber_len_t(v.size()), const_cast<char*>(v.constData())});
    }
    std::vector<berval*> pointers;
    for (berval& b : storage) {
        pointers.push_back(&b);
    }
    pointers.push_back(nullptr);
    LDAPMod mod{};
    mod.mod_op = (change == Change::Add ? LDAP_MOD_ADD : LDAP_MOD_REPLACE) | LDAP_MOD_BVALUES;
    mod.mod_type = name.data();
    mod.mod_bvalues = pointers.data();
    LDAPMod* mods[] = {&mod, nullptr};
    LDAPControl* control = nullptr;
    if (!assertion.isEmpty()) {
        QByteArray filter = assertion.toUtf8();
        if (const int rc = ldap_create_assertion_control(m_ld, filter.data(), 1, &control); rc != LDAP_SUCCESS) {
            return error(rc);
        }
    }
    LDAPControl* controls[] = {control, nullptr};
    int id = -1;
    const int sent = ldap_modify_ext(m_ld, dn.toUtf8().constData(), mods, control ? controls : nullptr, nullptr, &id);
    if (control) {
        ldap_control_free(control);
    }
    if (sent != LDAP_SUCCESS) {
        return error(sent);
    }
    LDAPMessage* reply = nullptr;
    if (auto waited = wait(id, true, &reply); !waited) {
        return waited.error();
    }
    int rc = LDAP_OTHER;
    char* message = nullptr;
    ldap_parse_result(m_ld, reply, &rc, nullptr, &message, nullptr, nullptr, 1);
    if (rc != LDAP_SUCCESS) {
        PairingError e = error(rc);
        if (message && *message) {
            e.detail = QString::fromUtf8(message);
        }
        ldap_memfree(message);
        return e;
    }
    ldap_memfree(message);
    return Done{};
}

QString LdapConnection::escapeFilterValue(const QString& value)
{
    QString out;
    for (const QChar c : value) {
        switch (c.unicode()) {
        case '*':
            out += QLatin1String("\\2a");
            break;
        case '(':
            out += QLatin1String("\\28");
            break;
        case ')':
            out += QLatin1String("\\29");
            break;
        case '\\':
            out += QLatin1String("\\5c");
            break;
        case 0:
            out += QLatin1String("\\00");
            break;
        default:
            out += c;
        }
    }
    return out;
}

QString LdapConnection::escapeFilterBytes(const QByteArray& value)
{
    QString out;
    out.reserve(value.size() * 3);
    for (const char byte : value) {
        out += QLatin1Char('\\') + QString::number(quint8(byte), 16).rightJustified(2, QLatin1Char('0'));
    }
    return out;
}

} // namespace tokendesk
