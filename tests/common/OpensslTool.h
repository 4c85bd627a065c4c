#pragma once

// Test support for the x509 tests: makes keys and certificates with the `openssl` command line in a
// folder, and reads back what `openssl x509` says about them, to compare with CertificateParser.

#include <QDate>
#include <QDateTime>
#include <QDebug>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStringList>
#include <QTime>

struct ToolRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

class OpensslTool
{
public:
    explicit OpensslTool(const QString& dir) : m_dir(dir) {}

    QString path(const QString& name) const { return QDir(m_dir).filePath(name); }

    ToolRun run(const QStringList& arguments, const QByteArray& input = {}) const
    {
        QProcess p;
        p.setWorkingDirectory(m_dir);
        p.start(QStringLiteral("openssl"), arguments);
        if (!input.isEmpty()) {
            p.write(input);
        }
        p.closeWriteChannel();
        if (!p.waitForFinished(60000)) {
            p.kill();
            p.waitForFinished();
        }
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
                p.readAllStandardError()};
    }

    /// Runs and says why on failure.
    bool ok(const QStringList& arguments, QByteArray* out = nullptr, const QByteArray& input = {}) const
    {
        const ToolRun r = run(arguments, input);
        if (r.exitCode != 0) {
            qWarning().noquote() << "openssl" << arguments.join(QLatin1Char(' ')) << "failed:" << r.err;
            return false;
        }
        if (out) {
            *out = r.out;
        }
        return true;
    }

    bool write(const QString& name, const QByteArray& bytes) const
    {
        QFile f(path(name));
        return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
    }

    QByteArray read(const QString& name) const
    {
        QFile f(path(name));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    /// "rsa:2048", "ec:P-256", "ed25519", "ed448".
    bool key(const QString& name, const QString& spec) const
    {
        QStringList args{QStringLiteral("genpkey"), QStringLiteral("-out"), path(name)};
        if (spec.startsWith(QLatin1String("rsa:"))) {
            args << QStringLiteral("-algorithm") << QStringLiteral("RSA") << QStringLiteral("-pkeyopt")
                 << QStringLiteral("rsa_keygen_bits:") + spec.mid(4);
        } else if (spec.startsWith(QLatin1String("ec:"))) {
            args << QStringLiteral("-algorithm") << QStringLiteral("EC") << QStringLiteral("-pkeyopt")
                 << QStringLiteral("ec_paramgen_curve:") + spec.mid(3);
        } else {
            args << QStringLiteral("-algorithm") << spec.toUpper();
        }
        return ok(args);
    }

    /// A request configuration: `dn` lines for [dn] (used with prompt = no when not empty), `extensions`
    /// lines for [x], and the string mask that decides T61String/BMPString/UTF8String.
    static QByteArray config(const QByteArray& dn, const QByteArray& extensions,
                             const QByteArray& stringMask = "utf8only", bool utf8 = true)
    {
        QByteArray c = "[req]\ndistinguished_name = dn\nstring_mask = " + stringMask + "\n";
        if (utf8) {
            c += "utf8 = yes\n";
        }
        if (!dn.isEmpty()) {
            c += "prompt = no\n";
        }
        c += "[dn]\n" + dn + "\n[x]\n" + extensions + "\n";
        return c;
    }

    /// A self-signed certificate (PEM) with `openssl req -x509`; `subject` empty when config has a [dn].
    bool selfSigned(const QString& name, const QString& keyName, const QString& subject, const QByteArray& config,
                    const QStringList& extra = {}) const
    {
        if (!write(name + QStringLiteral(".cnf"), config)) {
            return false;
        }
        QStringList args{QStringLiteral("req"),         QStringLiteral("-x509"),
                         QStringLiteral("-key"),        path(keyName),
                         QStringLiteral("-config"),     path(name + QStringLiteral(".cnf")),
                         QStringLiteral("-extensions"), QStringLiteral("x"),
                         QStringLiteral("-out"),        path(name)};
        if (!subject.isEmpty()) {
            args << QStringLiteral("-subj") << subject;
        }
        return ok(args + extra);
    }

    /// A certificate signed by `ca` with `openssl x509 -req`.
    bool issue(const QString& name, const QString& keyName, const QString& subject, const QString& ca,
               const QString& caKey, const QByteArray& extensions, const QStringList& extra = {}) const
    {
        const QString cnf = path(name + QStringLiteral(".cnf"));
        const QString csr = path(name + QStringLiteral(".csr"));
        if (!write(name + QStringLiteral(".cnf"), config({}, extensions))) {
            return false;
        }
        return ok({QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-key"), path(keyName),
                   QStringLiteral("-config"), cnf, QStringLiteral("-subj"), subject, QStringLiteral("-out"), csr}) &&
               ok(QStringList{QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), csr,
                              QStringLiteral("-CA"), path(ca), QStringLiteral("-CAkey"), path(caKey),
                              QStringLiteral("-extfile"), cnf, QStringLiteral("-extensions"), QStringLiteral("x"),
                              QStringLiteral("-out"), path(name)} +
                  extra);
    }

    /// A certificate with any validity period (YYYYMMDDHHMMSSZ), through `openssl ca`; self-signed when
    /// `ca` is empty.
    bool issueWithDates(const QString& name, const QString& keyName, const QString& subject, const QString& ca,
                        const QString& caKey, const QString& start, const QString& end,
                        const QByteArray& extensions = "basicConstraints = CA:FALSE") const
    {
        const QString db = path(name + QStringLiteral(".db"));
        QDir().mkpath(db + QStringLiteral("/new"));
        QFile(db + QStringLiteral("/index.txt")).open(QIODevice::WriteOnly);
        const QByteArray cnf = "[ca]\ndefault_ca = d\n[d]\ndatabase = " + db.toUtf8() +
                               "/index.txt\nnew_certs_dir = " + db.toUtf8() + "/new\nserial = " + db.toUtf8() +
                               "/serial\ndefault_md = default\npolicy = p\nunique_subject = no\n"
                               "[p]\ncountryName = optional\norganizationName = optional\n"
                               "commonName = optional\nemailAddress = optional\n";
        QFile serial(db + QStringLiteral("/serial"));
        if (!serial.open(QIODevice::WriteOnly) || serial.write("1001\n") != 5) {
            return false;
        }
        serial.close();
        const QString caCnf = path(name + QStringLiteral(".ca.cnf"));
        const QString csr = path(name + QStringLiteral(".csr"));
        if (!write(name + QStringLiteral(".ca.cnf"), cnf + config({}, extensions))) {
            return false;
        }
        QStringList args{QStringLiteral("ca"),          QStringLiteral("-batch"),
                         QStringLiteral("-config"),     caCnf,
                         QStringLiteral("-in"),         csr,
                         QStringLiteral("-startdate"),  start,
                         QStringLiteral("-enddate"),    end,
                         QStringLiteral("-notext"),     QStringLiteral("-preserveDN"),
                         QStringLiteral("-extensions"), QStringLiteral("x"),
                         QStringLiteral("-out"),        path(name)};
        if (ca.isEmpty()) {
            args << QStringLiteral("-selfsign") << QStringLiteral("-keyfile") << path(keyName);
        } else {
            args << QStringLiteral("-cert") << path(ca) << QStringLiteral("-keyfile") << path(caKey);
        }
        return ok({QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-key"), path(keyName),
                   QStringLiteral("-config"), caCnf, QStringLiteral("-subj"), subject, QStringLiteral("-out"), csr}) &&
               ok(args);
    }

    /// The certificate in DER, as `openssl x509 -outform DER` writes it.
    QByteArray der(const QString& name) const
    {
        QByteArray out;
        ok({QStringLiteral("x509"), QStringLiteral("-in"), path(name), QStringLiteral("-outform"),
            QStringLiteral("DER")},
           &out);
        return out;
    }

    /// The output of `openssl x509 -noout ARGS` for a PEM file, continuation lines ("\\\n") joined.
    QString x509(const QString& name, const QStringList& arguments) const
    {
        QByteArray out;
        ok(QStringList{QStringLiteral("x509"), QStringLiteral("-in"), path(name), QStringLiteral("-noout")} + arguments,
           &out);
        return QString::fromUtf8(out).replace(QStringLiteral("\\\n"), QString());
    }

    /// The value of a "key=value" line, e.g. subject, serial, notAfter.
    QString x509Value(const QString& name, const QStringList& arguments) const
    {
        const QString text = x509(name, arguments).trimmed();
        return text.mid(text.indexOf(QLatin1Char('=')) + 1);
    }

    /// The body lines `openssl x509 -ext NAME` prints, trimmed; empty when the extension is absent.
    QStringList extension(const QString& name, const QString& extension, bool* critical = nullptr) const
    {
        QStringList lines = x509(name, {QStringLiteral("-ext"), extension}).split(QLatin1Char('\n'));
        QStringList body;
        for (int i = 0; i < lines.size(); ++i) {
            if (i == 0) {
                if (critical) {
                    *critical = lines.at(0).contains(QLatin1String("critical"));
                }
                continue;
            }
            if (!lines.at(i).trimmed().isEmpty()) {
                body << lines.at(i).trimmed();
            }
        }
        return body;
    }

    /// "Nov 22 13:20:09 2026 GMT" as `openssl x509 -dates` prints it.
    static QDateTime opensslDate(const QString& text)
    {
        static const QStringList months{QStringLiteral("Jan"), QStringLiteral("Feb"), QStringLiteral("Mar"),
                                        QStringLiteral("Apr"), QStringLiteral("May"), QStringLiteral("Jun"),
                                        QStringLiteral("Jul"), QStringLiteral("Aug"), QStringLiteral("Sep"),
                                        QStringLiteral("Oct"), QStringLiteral("Nov"), QStringLiteral("Dec")};
        const QStringList parts = text.simplified().split(QLatin1Char(' '));
        if (parts.size() != 5) {
            return {};
        }
        const QTime time = QTime::fromString(parts.at(2), QStringLiteral("HH:mm:ss"));
        return QDateTime(QDate(parts.at(3).toInt(), months.indexOf(parts.at(0)) + 1, parts.at(1).toInt()), time,
                         Qt::UTC);
    }

private:
    QString m_dir;
};
