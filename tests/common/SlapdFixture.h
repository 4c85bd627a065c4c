// The directory of the directory pairing tests: a private OpenLDAP slapd (tests/harness/slapd.sh)
// and the real peers that check it, ldapsearch, ldapmodify and `sssctl cert-eval-rule`.
//
// What OpenLDAP 2.5.13 (Debian 12) and SSSD 2.8.2 do with userCertificate, found against this
// fixture and asserted by tests/integration/tst_slapd_fixture.cpp:
//
// - Write values as userCertificate;binary (without ;binary: result 17). Reads return the stored
//   bytes exactly.
// - The equality rule is certificateExactMatch: it compares SERIAL NUMBER AND ISSUER ONLY.
//   * (userCertificate=<serial in decimal>$<issuer DN, RFC 4514 order>) finds the entry, e.g.
//     (userCertificate=12379813738877118345$CN=TokenDesk Card CA 1,OU=Card CA,O=Token Desk\, Inc.,C=DE);
//     so does RFC 4523's GSER form (userCertificate={ serialNumber 4660, issuer rdnSequence:"CN=x" }).
//     A hexadecimal serial (0x1234$...) finds nothing; attribute names are case-insensitive.
//   * The whole certificate, (userCertificate;binary=\30\82...) (SSSD's {cert!bin}), finds nothing,
//     with or without ;binary: never pair through it.
//   * Adding a certificate whose serial and issuer equal a stored one's (another key, other bytes)
//     fails with 20 (typeOrValueExists), so an entry cannot hold two certificates with the same
//     serial and issuer.
//   * A modify that deletes a value by naming a certificate deletes the stored certificate with the
//     same serial and issuer, whatever its other bytes: compare bytes first, then delete under an
//     assertion.
//   * Issuers whose DN holds non-ASCII characters (a UTF8String "Ünïcode Ltd") are found by no
//     serial$issuer form we tried (raw UTF-8, \C3\9C escapes, GSER, with or without the index).
// - entryCSN (and modifyTimestamp, modifiersName) changes on every modify. A modify sent with the
//   assertion control `ldapmodify -e 'assert=(entryCSN=<the value read>)'` fails with 122
//   (assertionFailed) once someone else has modified the entry: the way to read-compare-write.
// - Result codes (ldapmodify exits with them): 50 insufficientAccess (reader), 8
//   strongerAuthRequired (anonymous modify), 20, 122 above, 4 sizeLimitExceeded (a plain search
//   past 500 entries; paged searches, -E pr=N/noprompt, return all), 255 for no server or a TLS
//   failure (LDAPS without -o TLS_CACERT=ca.pem).
// - Use 127.0.0.1 in LDAPS URLs: for "localhost" libldap checks the server certificate against the
//   name that a reverse lookup of the peer gives (here "vm"), not against "localhost".
// - sssctl cert-eval-rule (see harness/sssctl-eval.sh) prints, for a certificate the match rule
//   accepts, "Certificate matches rule.", "Mapping filter:", an empty line and the filter indented
//   by four spaces; else "Certificate does not match rule." (exit 1). {serial_number...} is an
//   LDAPU1 template: LDAP:(...{serial_number!dec}...) is refused ("Failed to add mapping and
//   matching rules with error [22]"). The rule that works with OpenLDAP is
//       LDAPU1:(userCertificate={serial_number!dec}${issuer_dn!nss_ldap})
//   ({issuer_dn} alone is the same: nss_ldap is the default). Its issuer is in RFC 4514 order (most
//   specific RDN first), which is what OpenLDAP wants; with !nss_x500 (reversed) nothing is found.
//   Its escapes (\20 for spaces, \5c, for an escaped comma) are understood. But NSS names
//   emailAddress "E", which OpenLDAP does not know (it takes emailAddress, email or the OID): an
//   issuer DN with an e-mail address is never found through this rule.
// - slapd (without -d) returns before its listener thread calls listen(): a connect right after it
//   can be refused (strace; about one start in 30 here). slapd.sh start connects until both ports
//   accept, so once it has returned (and DIR/env exists) the directory answers. And a daemonized
//   slapd is reaped by init a second or two after it exits: stop waits for the zombie (~50 ms).
//
// Use: SlapdInstance::shared() in a test added with the LDAP flag (fixture slapd, DIR/env from
// TOKENDESK_SLAPD_DIR); SlapdInstance::startPrivate(tempDir) for a directory of the test's own,
// stopped by stop() or when its last copy goes. Peers get passwords through -y FILE only, and
// LDAPNOINIT=1 so that the host's ldap.conf and ~/.ldaprc play no part.
#pragma once

#include "PeerProcess.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QList>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <arpa/inet.h>
#include <memory>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

class SlapdInstance
{
public:
    enum class Bind
    {
        Anonymous,
        Reader,
        Writer
    };

    QString dir;      // what slapd.sh was given
    QString url;      // ldap://127.0.0.1:PORT
    QString ldapsUrl; // ldaps://127.0.0.1:PORT+1, server certificate from caFile
    QString base;     // ou=people,dc=tokendesk,dc=test
    QString suffix;   // dc=tokendesk,dc=test
    QString writerDn;
    QString writerPassword;
    QString writerPasswordFile;
    QString readerDn;
    QString readerPassword;
    QString readerPasswordFile;
    QString caFile;
    int port = 0;
    qint64 pid = 0;

    bool isValid() const { return port > 0 && pid > 0 && !url.isEmpty() && !writerPassword.isEmpty(); }

    // The DIR/env that slapd.sh start wrote: KEY='value' lines.
    static SlapdInstance fromDir(const QString& dir)
    {
        SlapdInstance s;
        QFile file(QDir(dir).filePath(QStringLiteral("env")));
        if (!file.open(QIODevice::ReadOnly))
            return s;
        s.dir = dir;
        const QList<QByteArray> lines = file.readAll().split('\n');
        for (const QByteArray& line : lines) {
            const int eq = line.indexOf('=');
            if (eq <= 0)
                continue;
            const QByteArray key = line.left(eq);
            const QString value = unquote(line.mid(eq + 1));
            if (key == "LDAP_URL")
                s.url = value;
            else if (key == "LDAPS_URL")
                s.ldapsUrl = value;
            else if (key == "BASE")
                s.base = value;
            else if (key == "SUFFIX")
                s.suffix = value;
            else if (key == "WRITER_DN")
                s.writerDn = value;
            else if (key == "READER_DN")
                s.readerDn = value;
            else if (key == "WRITER_PW_FILE")
                s.writerPasswordFile = value;
            else if (key == "READER_PW_FILE")
                s.readerPasswordFile = value;
            else if (key == "CA_FILE")
                s.caFile = value;
            else if (key == "PORT")
                s.port = value.toInt();
            else if (key == "PID")
                s.pid = value.toLongLong();
        }
        s.writerPassword = QString::fromUtf8(readFile(s.writerPasswordFile));
        s.readerPassword = QString::fromUtf8(readFile(s.readerPasswordFile));
        return s;
    }

    // The directory that the CTest fixture `slapd` started (tests with the LDAP flag).
    static SlapdInstance shared() { return fromDir(qEnvironmentVariable("TOKENDESK_SLAPD_DIR")); }

    static QString script()
    {
        const QString script = qEnvironmentVariable("TOKENDESK_SLAPD_SCRIPT");
        if (!script.isEmpty())
            return script;
        return qEnvironmentVariable("TOKENDESK_SOURCE_DIR") + QStringLiteral("/tests/harness/slapd.sh");
    }

    // A directory of the test's own in dir (for fault tests: stop it mid-operation). Port 0: two free
    // consecutive loopback ports are picked. users > 0: also user00001.. with a certificate each.
    // The copy returned and its copies stop the directory when the last of them goes (stop() does
    // it earlier); on failure the result is not valid and startOutput says why.
    static SlapdInstance startPrivate(QTemporaryDir& dir, int port = 0, int users = 0,
                                      PeerResult* startOutput = nullptr)
    {
        PeerResult run;
        for (int attempt = 0; attempt < 5; ++attempt) {
            const int chosen = port > 0 ? port : freePortPair();
            QStringList args{QStringLiteral("start"), dir.path(), QString::number(chosen)};
            if (users > 0)
                args << QString::number(users);
            run = PeerProcess::run(script(), args, {}, {}, 60000);
            if (run.ok() || port > 0)
                break; // a port picked here may have been taken in between: try another
        }
        if (startOutput)
            *startOutput = run;
        if (!run.ok())
            return {};
        SlapdInstance s = fromDir(dir.path());
        const QString path = s.dir;
        const qint64 pid = s.pid;
        s.m_owner = std::shared_ptr<void>(nullptr, [path, pid](void*) { stopDirectory(path, pid); });
        return s;
    }

    // Stops this directory's slapd (by the pid in its folder, never another process) and waits for
    // it to exit. The shared fixture's directory is the fixture's to stop: don't.
    bool stop()
    {
        m_owner.reset();
        return stopDirectory(dir, pid);
    }

    QStringList bindArgs(Bind bind) const
    {
        switch (bind) {
        case Bind::Writer:
            return {QStringLiteral("-x"), QStringLiteral("-D"), writerDn, QStringLiteral("-y"), writerPasswordFile};
        case Bind::Reader:
            return {QStringLiteral("-x"), QStringLiteral("-D"), readerDn, QStringLiteral("-y"), readerPasswordFile};
        case Bind::Anonymous:
            break;
        }
        return {QStringLiteral("-x")};
    }

    // The options every peer gets: the server, no wait past 5 s, and no ldap.conf or ~/.ldaprc of
    // the host (LDAPNOINIT) so that LDAPS trusts exactly what -o TLS_CACERT names.
    static QProcessEnvironment peerEnvironment()
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("LDAPNOINIT"), QStringLiteral("1"));
        return env;
    }

    // ldapsearch -LLL -o ldif-wrap=no against url (or serverUrl), with the given bind and arguments.
    PeerResult ldapsearch(const QStringList& args, Bind bind = Bind::Anonymous, const QString& serverUrl = {}) const
    {
        const QStringList common{QStringLiteral("-LLL"),
                                 QStringLiteral("-o"),
                                 QStringLiteral("ldif-wrap=no"),
                                 QStringLiteral("-o"),
                                 QStringLiteral("nettimeout=5"),
                                 QStringLiteral("-H"),
                                 serverUrl.isEmpty() ? url : serverUrl};
        return PeerProcess::run(QStringLiteral("ldapsearch"), common + bindArgs(bind) + args, {}, peerEnvironment());
    }

    // ldapmodify with LDIF on its standard input; its exit code is the LDAP result code.
    PeerResult ldapmodify(const QByteArray& ldif, Bind bind = Bind::Writer, const QStringList& extra = {}) const
    {
        const QStringList common{QStringLiteral("-o"), QStringLiteral("nettimeout=5"), QStringLiteral("-H"), url};
        return PeerProcess::run(QStringLiteral("ldapmodify"), common + bindArgs(bind) + extra, ldif, peerEnvironment());
    }

    QString userDn(const QString& uid) const { return QStringLiteral("uid=%1,%2").arg(uid, base); }

    // The values of one attribute of the user's entry (base64 values decoded), in the server's order.
    QList<QByteArray> values(const QString& uid, const QString& attribute, Bind bind = Bind::Anonymous) const
    {
        const PeerResult r = ldapsearch({QStringLiteral("-b"), userDn(uid), QStringLiteral("-s"),
                                         QStringLiteral("base"), QStringLiteral("(objectClass=*)"), attribute},
                                        bind);
        return r.ok() ? ldifValues(r.out, attribute.toUtf8()) : QList<QByteArray>{};
    }

    // The DER certificates in the user's userCertificate;binary.
    QList<QByteArray> certificates(const QString& uid, Bind bind = Bind::Anonymous) const
    {
        return values(uid, QStringLiteral("userCertificate;binary"), bind);
    }

    QByteArray entryCsn(const QString& uid) const
    {
        const QList<QByteArray> v = values(uid, QStringLiteral("entryCSN"));
        return v.isEmpty() ? QByteArray() : v.first();
    }

    static QByteArray modifyLdif(const QString& dn, const QByteArray& change)
    {
        return "dn: " + dn.toUtf8() + "\nchangetype: modify\n" + change + "\n";
    }

    PeerResult addCertificate(const QString& uid, const QByteArray& der, Bind bind = Bind::Writer,
                              const QStringList& extra = {}) const
    {
        return ldapmodify(modifyLdif(userDn(uid), "add: userCertificate;binary\nuserCertificate;binary:: " +
                                                      der.toBase64() + "\n-\n"),
                          bind, extra);
    }

    PeerResult deleteCertificate(const QString& uid, const QByteArray& der, Bind bind = Bind::Writer,
                                 const QStringList& extra = {}) const
    {
        return ldapmodify(modifyLdif(userDn(uid), "delete: userCertificate;binary\nuserCertificate;binary:: " +
                                                      der.toBase64() + "\n-\n"),
                          bind, extra);
    }

    // A change to the entry that is not a certificate: someone else's modify, for tests of
    // concurrent writes (it changes entryCSN).
    PeerResult modifyDescription(const QString& uid, const QString& text, Bind bind = Bind::Writer) const
    {
        return ldapmodify(
            modifyLdif(userDn(uid), "replace: description\ndescription:: " + text.toUtf8().toBase64() + "\n-\n"), bind);
    }

    // The uids of the entries under base that the filter finds; extra: e.g. -E pr=500/noprompt.
    QStringList searchFilter(const QString& filter, Bind bind = Bind::Anonymous, const QStringList& extra = {},
                             PeerResult* result = nullptr) const
    {
        const PeerResult r = ldapsearch(
            QStringList{QStringLiteral("-b"), base} + extra + QStringList{filter, QStringLiteral("uid")}, bind);
        if (result)
            *result = r;
        QStringList uids;
        const QList<QByteArray> v = ldifValues(r.out, "uid");
        for (const QByteArray& uid : v)
            uids << QString::fromUtf8(uid);
        return uids;
    }

    // Every value of attribute in ldapsearch -LLL output ("name: text", "name:: base64"; lines
    // that start with a space continue the previous one).
    static QList<QByteArray> ldifValues(const QByteArray& ldif, const QByteArray& attribute)
    {
        QList<QByteArray> lines;
        const QList<QByteArray> raw = ldif.split('\n');
        for (const QByteArray& line : raw) {
            if (line.startsWith(' ') && !lines.isEmpty())
                lines.last() += line.mid(1);
            else
                lines << line;
        }
        QList<QByteArray> found;
        for (const QByteArray& line : lines) {
            const int colon = line.indexOf(':');
            if (colon <= 0 || line.left(colon).compare(attribute, Qt::CaseInsensitive) != 0)
                continue;
            if (line.mid(colon + 1).startsWith(':'))
                found << QByteArray::fromBase64(line.mid(colon + 2).trimmed());
            else
                found << line.mid(colon + 1).trimmed();
        }
        return found;
    }

    // What `sssctl cert-eval-rule` maps the certificate to, through harness/sssctl-eval.sh (a mount
    // namespace with a throw-away sssd.conf; the host's /etc/sssd and /var/lib/sss/db are never
    // touched). Returns the filter line, e.g. "(userCertificate=4660$CN=Card\20CA)", or an empty
    // string when the match rule does not accept the certificate or a rule does not parse (run says
    // which). sssctl's output:
    //     Certificate matches rule.
    //     Mapping filter:
    //
    //         (userCertificate;binary=\30\82...)
    static QString sssctlEvalRule(const QByteArray& certPem, const QString& matchRule, const QString& mapRule,
                                  PeerResult* run = nullptr)
    {
        QTemporaryFile pem;
        if (!pem.open() || pem.write(certPem) != certPem.size() || !pem.flush())
            return {};
        const QString evalScript = QFileInfo(script()).dir().filePath(QStringLiteral("sssctl-eval.sh"));
        const PeerResult r = PeerProcess::run(evalScript, {pem.fileName(), matchRule, mapRule});
        if (run)
            *run = r;
        if (!r.ok())
            return {};
        const QList<QByteArray> lines = r.out.split('\n');
        for (int i = 0; i < lines.size(); ++i) {
            if (lines.at(i).trimmed() != "Mapping filter:")
                continue;
            for (int j = i + 1; j < lines.size(); ++j) {
                if (!lines.at(j).trimmed().isEmpty())
                    return QString::fromUtf8(lines.at(j).trimmed());
            }
        }
        return {};
    }

private:
    std::shared_ptr<void> m_owner; // set by startPrivate: stops the directory with the last copy

    static QByteArray readFile(const QString& path)
    {
        QFile f(path);
        return !path.isEmpty() && f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    // One shell word as slapd.sh writes it: 'single quoted', with '\'' for a quote inside.
    static QString unquote(const QByteArray& word)
    {
        QByteArray out;
        bool inQuote = false;
        for (int i = 0; i < word.size(); ++i) {
            const char c = word.at(i);
            if (c == '\'')
                inQuote = !inQuote;
            else if (c == '\\' && !inQuote && i + 1 < word.size())
                out += word.at(++i);
            else
                out += c;
        }
        return QString::fromUtf8(out);
    }

    static bool stopDirectory(const QString& dir, qint64 pid)
    {
        if (dir.isEmpty())
            return false;
        if (QFile::exists(QDir(dir).filePath(QStringLiteral("slapd.pid"))))
            return PeerProcess::run(script(), {QStringLiteral("stop"), dir}).ok();
        // The folder went first (a QTemporaryDir destroyed before the last copy): still by pid, and
        // only if that pid runs our slapd.conf.
        QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
        if (pid > 0 && cmdline.open(QIODevice::ReadOnly) &&
            cmdline.readAll().contains(QDir(dir).filePath(QStringLiteral("slapd.conf")).toUtf8()))
            ::kill(static_cast<pid_t>(pid), SIGTERM);
        return true;
    }

    // Two consecutive free loopback ports (LDAP, LDAPS): bind to port 0, then check port+1.
    static int freePortPair()
    {
        for (int attempt = 0; attempt < 20; ++attempt) {
            const int first = bindLoopback(0);
            if (first <= 0 || first >= 65535)
                continue;
            if (bindLoopback(first) == first && bindLoopback(first + 1) == first + 1)
                return first;
        }
        return 0;
    }

    // Binds a loopback TCP socket to port (0: any) and closes it; returns the port or -1.
    static int bindLoopback(int port)
    {
        const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (fd < 0)
            return -1;
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        addr.sin_port = htons(static_cast<quint16>(port));
        socklen_t length = sizeof addr;
        int result = -1;
        if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
            ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &length) == 0)
            result = ntohs(addr.sin_port);
        ::close(fd);
        return result;
    }
};
