#include "SoftHsmTokens.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>

const QString SoftHsmTokens::kUserPin = QStringLiteral("24681357");
const QString SoftHsmTokens::kSoPin = QStringLiteral("13572468");

namespace {

bool writeFile(const QString& path, const QByteArray& content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

// printf(1) octal escapes for any byte: how a non-UTF-8 label reaches pkcs11-tool's argv.
QByteArray octal(const QByteArray& bytes)
{
    QByteArray out;
    for (const char c : bytes) {
        out += '\\' + QByteArray::number(static_cast<unsigned char>(c), 8).rightJustified(3, '0');
    }
    return out;
}

// pkcs11-tool prints a label without its trailing blanks.
QByteArray withoutTrailingBlanks(QByteArray text)
{
    while (text.endsWith(' ')) {
        text.chop(1);
    }
    return text;
}

} // namespace

SoftHsmTokens::SoftHsmTokens()
{
    m_hadConf = qEnvironmentVariableIsSet("SOFTHSM2_CONF");
    m_previousConf = qgetenv("SOFTHSM2_CONF");
    if (!m_dir.isValid() || !QDir(m_dir.path()).mkpath(QStringLiteral("tokens")) ||
        !QDir(m_dir.path()).mkpath(QStringLiteral("xdg/pkcs11/modules"))) {
        m_error = QStringLiteral("cannot make the temporary folders");
        return;
    }
    const QByteArray conf = "directories.tokendir = " + QFile::encodeName(m_dir.filePath(QStringLiteral("tokens"))) +
                            "\nobjectstore.backend = file\nlog.level = ERROR\nslots.removable = false\n";
    const QByteArray module = "module: " + QFile::encodeName(modulePath()) + "\n";
    if (!writeFile(confPath(), conf) ||
        !writeFile(m_dir.filePath(QStringLiteral("xdg/pkcs11/modules/tokendesk-softhsm.module")), module)) {
        m_error = QStringLiteral("cannot write the configuration");
        return;
    }
    qputenv("SOFTHSM2_CONF", QFile::encodeName(confPath()));
    m_valid = true;
}

SoftHsmTokens::~SoftHsmTokens()
{
    if (m_hadConf) {
        qputenv("SOFTHSM2_CONF", m_previousConf);
    } else {
        qunsetenv("SOFTHSM2_CONF");
    }
}

QString SoftHsmTokens::confPath() const
{
    return m_dir.filePath(QStringLiteral("softhsm2.conf"));
}

QString SoftHsmTokens::modulePath()
{
    for (const char* path : {"/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
                             "/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so", "/usr/lib/softhsm/libsofthsm2.so"}) {
        if (QFile::exists(QString::fromLatin1(path))) {
            return QString::fromLatin1(path);
        }
    }
    return QStringLiteral("/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so");
}

QProcessEnvironment SoftHsmTokens::secrets() const
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("TD_PIN"), kUserPin);
    env.insert(QStringLiteral("TD_SO"), kSoPin);
    return env;
}

PeerResult SoftHsmTokens::tool(const QStringList& args)
{
    return PeerProcess::run(QStringLiteral("pkcs11-tool"), QStringList{QStringLiteral("--module"), modulePath()} + args,
                            {}, secrets());
}

PeerResult SoftHsmTokens::p11tool(const QStringList& args)
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("xdg")));
    return PeerProcess::run(QStringLiteral("p11tool"), args, {}, env);
}

QList<SoftHsmTokens::Listed> SoftHsmTokens::list()
{
    QList<Listed> slots;
    const PeerResult listing = tool({QStringLiteral("--list-slots")});
    if (!listing.ok()) {
        m_error = QString::fromUtf8(listing.describe());
        return slots;
    }
    static const QRegularExpression slotLine(QStringLiteral("^Slot \\d+ \\(0x([0-9a-f]+)\\)"));
    for (const QByteArray& line : listing.out.split('\n')) {
        const QRegularExpressionMatch m = slotLine.match(QString::fromLatin1(line));
        if (m.hasMatch()) {
            Listed slot;
            slot.slotId = m.captured(1).toULongLong(nullptr, 16);
            slots.append(slot);
            continue;
        }
        if (slots.isEmpty()) {
            continue;
        }
        const qsizetype colon = line.indexOf(':');
        const QByteArray key = line.left(colon).trimmed();
        const QByteArray value = colon < 0 ? QByteArray() : line.mid(colon + 2);
        Listed& slot = slots.last();
        if (key == "token label") {
            slot.label = value;
            slot.initialized = true;
        } else if (key == "token manufacturer") {
            slot.manufacturer = value;
        } else if (key == "token model") {
            slot.model = value;
        } else if (key == "token flags") {
            slot.flags = value;
        } else if (key == "serial num") {
            slot.serial = value;
        } else if (key == "pin min/max") {
            slot.pinLengths = value;
        }
    }
    return slots;
}

SoftHsmTokens::Listed SoftHsmTokens::listed(const QByteArray& label)
{
    const QList<Listed> slots = list();
    for (const Listed& slot : slots) {
        if (slot.initialized && slot.label == label) {
            return slot;
        }
    }
    return {};
}

bool SoftHsmTokens::createToken(const QByteArray& label, quint64* slotId)
{
    quint64 freeSlot = 0;
    bool found = false;
    for (const Listed& slot : list()) {
        if (!slot.initialized) {
            freeSlot = slot.slotId;
            found = true;
        }
    }
    if (!found) {
        m_error = QStringLiteral("SoftHSM has no free slot");
        return false;
    }
    // Through sh and printf, so that any byte reaches argv as it is.
    QProcessEnvironment env = secrets();
    env.insert(QStringLiteral("TD_LABEL"), QString::fromLatin1(octal(label)));
    const PeerResult init = PeerProcess::run(
        QStringLiteral("sh"),
        {QStringLiteral("-c"),
         QStringLiteral("exec pkcs11-tool --module \"$1\" --slot \"$2\" --init-token --so-pin env:TD_SO "
                        "--label \"$(printf \"$TD_LABEL\")\""),
         QStringLiteral("sh"), modulePath(), QString::number(freeSlot)},
        {}, env);
    if (!init.ok()) {
        m_error = QString::fromUtf8(init.describe());
        return false;
    }
    // SoftHSM gives an initialized token a slot id of its own.
    const Listed token = listed(withoutTrailingBlanks(label));
    if (!token.initialized) {
        m_error = QStringLiteral("the new token is not listed");
        return false;
    }
    const PeerResult pin = tool({QStringLiteral("--slot"), QString::number(token.slotId), QStringLiteral("--init-pin"),
                                 QStringLiteral("--login"), QStringLiteral("--login-type"), QStringLiteral("so"),
                                 QStringLiteral("--so-pin"), QStringLiteral("env:TD_SO"), QStringLiteral("--new-pin"),
                                 QStringLiteral("env:TD_PIN")});
    if (!pin.ok()) {
        m_error = QString::fromUtf8(pin.describe());
        return false;
    }
    if (slotId) {
        *slotId = token.slotId;
    }
    return true;
}

QByteArray SoftHsmTokens::makeCertificate(const QString& keyType, QString* keyPath)
{
    const QString tag = QString::number(++m_certificates);
    const QString key = m_dir.filePath(QStringLiteral("key%1.pem").arg(tag));
    const QString der = m_dir.filePath(QStringLiteral("cert%1.der").arg(tag));
    const QStringList keyArgs =
        keyType == QLatin1String("rsa")
            ? QStringList{QStringLiteral("-newkey"), QStringLiteral("rsa:2048")}
            : QStringList{QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                          QStringLiteral("ec_paramgen_curve:P-256")};
    const PeerResult req = PeerProcess::run(
        QStringLiteral("openssl"),
        QStringList{QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-nodes"), QStringLiteral("-days"),
                    QStringLiteral("30"), QStringLiteral("-subj"),
                    QStringLiteral("/CN=TokenDesk test %1/O=TokenDesk").arg(tag), QStringLiteral("-keyout"), key,
                    QStringLiteral("-outform"), QStringLiteral("DER"), QStringLiteral("-out"), der} +
            keyArgs);
    if (!req.ok()) {
        m_error = QString::fromUtf8(req.describe());
        return {};
    }
    if (keyPath) {
        *keyPath = key;
    }
    QFile file(der);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QByteArray SoftHsmTokens::writeCertificate(quint64 slotId, const QString& id, const QString& label,
                                           const QString& keyType)
{
    const QByteArray bytes = makeCertificate(keyType);
    if (bytes.isEmpty()) {
        return {};
    }
    const QString der = m_dir.filePath(QStringLiteral("cert%1.der").arg(m_certificates));
    const PeerResult write =
        tool({QStringLiteral("--slot"), QString::number(slotId), QStringLiteral("--login"), QStringLiteral("--pin"),
              QStringLiteral("env:TD_PIN"), QStringLiteral("--write-object"), der, QStringLiteral("--type"),
              QStringLiteral("cert"), QStringLiteral("--id"), id, QStringLiteral("--label"), label});
    if (!write.ok()) {
        m_error = QString::fromUtf8(write.describe());
        return {};
    }
    return bytes;
}

QByteArray SoftHsmTokens::writeIdentity(quint64 slotId, const QString& id, const QString& label, const QString& keyType)
{
    const QByteArray der = writeCertificate(slotId, id, label, keyType);
    if (der.isEmpty()) {
        return {};
    }
    // writeCertificate left the certificate's key beside it.
    const QString key = m_dir.filePath(QStringLiteral("key%1.pem").arg(m_certificates));
    const PeerResult write =
        tool({QStringLiteral("--slot"), QString::number(slotId), QStringLiteral("--login"), QStringLiteral("--pin"),
              QStringLiteral("env:TD_PIN"), QStringLiteral("--write-object"), key, QStringLiteral("--type"),
              QStringLiteral("privkey"), QStringLiteral("--id"), id, QStringLiteral("--label"), label,
              QStringLiteral("--usage-sign")});
    if (!write.ok()) {
        m_error = QString::fromUtf8(write.describe());
        return {};
    }
    // The public key too, as an import of a .p12 leaves it: a hint that the private key
    // (hidden until login) is there.
    const QString pub = m_dir.filePath(QStringLiteral("pub%1.pem").arg(m_certificates));
    const PeerResult extract =
        PeerProcess::run(QStringLiteral("openssl"), {QStringLiteral("pkey"), QStringLiteral("-in"), key,
                                                     QStringLiteral("-pubout"), QStringLiteral("-out"), pub});
    const PeerResult writePub =
        extract.ok() ? tool({QStringLiteral("--slot"), QString::number(slotId), QStringLiteral("--login"),
                             QStringLiteral("--pin"), QStringLiteral("env:TD_PIN"), QStringLiteral("--write-object"),
                             pub, QStringLiteral("--type"), QStringLiteral("pubkey"), QStringLiteral("--id"), id,
                             QStringLiteral("--label"), label})
                     : extract;
    if (!writePub.ok()) {
        m_error = QString::fromUtf8(writePub.describe());
        return {};
    }
    return der;
}

bool SoftHsmTokens::generateKeyPair(quint64 slotId, const QString& id, const QString& label, const QString& keyType)
{
    const PeerResult gen =
        tool({QStringLiteral("--slot"), QString::number(slotId), QStringLiteral("--login"), QStringLiteral("--pin"),
              QStringLiteral("env:TD_PIN"), QStringLiteral("--keypairgen"), QStringLiteral("--key-type"), keyType,
              QStringLiteral("--id"), id, QStringLiteral("--label"), label, QStringLiteral("--usage-sign")});
    if (!gen.ok()) {
        m_error = QString::fromUtf8(gen.describe());
        return false;
    }
    return true;
}
