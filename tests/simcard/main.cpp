// tokendesk-simcard: a PIV card simulator for TokenDesk's tests. It connects to a vpcd
// reader of pcscd as the card in that reader, so the real middleware (pcscd, OpenSC,
// pkcs11-tool, TokenDesk) talks to it as to a card. A test card: its state file holds the
// PIN, the PUK and the private keys in clear.

#include "PivCardState.h"
#include "SimCardRunner.h"

#include <QCommandLineParser>
#include <QStringList>
#include <cstdio>
#include <openssl/crypto.h>
#include <sys/stat.h>

using namespace simcard;

namespace {

// T=1 only (TD1 80, TD2 01), historical bytes "TokenDsk", TCK 0E.
const char* const defaultAtr = "3B888001546F6B656E44736B0E";

int fail(const std::string& message)
{
    std::fprintf(stderr, "tokendesk-simcard: %s\n", message.c_str());
    return 2;
}

std::string defaultSubject(std::uint8_t slot, const Bytes& guid)
{
    return "CN=TokenDesk Sim Card " + Tlv::toHex({slot}) + ",OU=" + Tlv::toHex(guid) + ",O=TokenDesk Test";
}

// "9a=rsa2048" or "9a=KEY.pem:CERT.pem"
bool parseSlot(const std::string& spec, const Bytes& guid, const std::string& subject, SlotKey& out, std::string& error)
{
    const auto eq = spec.find('=');
    const auto id = Tlv::fromHex(spec.substr(0, eq == std::string::npos ? 0 : eq));
    if (!id || id->size() != 1 || PivApplet::certObjectTag((*id)[0]) == 0) {
        error = "bad --slot " + spec + " (slots: 9a, 9c, 9d, 9e)";
        return false;
    }
    out.slot = (*id)[0];
    const std::string what = spec.substr(eq + 1);
    if (const auto type = SimCardKeys::parseType(QString::fromStdString(what).toLower().toStdString())) {
        out.type = *type;
        out.key = SimCardKeys::generate(*type);
        if (out.key)
            out.cert =
                SimCardKeys::selfSignedCert(out.key.get(), subject.empty() ? defaultSubject(out.slot, guid) : subject);
        if (!out.key || !out.cert) {
            error = "cannot make a key and certificate for " + spec;
            return false;
        }
        return true;
    }
    const auto colon = what.find(':');
    std::optional<std::string> keyPem = SimCardKeys::readFile(what.substr(0, colon));
    const auto certPem = colon == std::string::npos ? std::nullopt : SimCardKeys::readFile(what.substr(colon + 1));
    if (!keyPem || !certPem) {
        error = "bad --slot " + spec + " (key types: rsa2048, p256, p384; or KEY.pem:CERT.pem)";
        return false;
    }
    out.key = SimCardKeys::keyFromPem(*keyPem);
    OPENSSL_cleanse(keyPem->data(), keyPem->size());
    out.cert = SimCardKeys::certFromPem(*certPem);
    const auto type = out.key ? SimCardKeys::typeOf(out.key.get()) : std::nullopt;
    if (!type || !out.cert || !SimCardKeys::certMatchesKey(out.cert.get(), out.key.get())) {
        error = "--slot " + spec + ": not a matching rsa2048/p256/p384 key and certificate";
        return false;
    }
    out.type = *type;
    return true;
}

} // namespace

int main(int argc, char* argv[])
{
    QStringList args;
    for (int i = 0; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("PIV card simulator for vpcd (TokenDesk tests)"));
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help."));
    const QCommandLineOption port(QStringLiteral("port"), QStringLiteral("vpcd reader port."), QStringLiteral("N"));
    const QCommandLineOption host(QStringLiteral("host"), QStringLiteral("vpcd host."), QStringLiteral("HOST"),
                                  QStringLiteral("127.0.0.1"));
    const QCommandLineOption atr(QStringLiteral("atr"), QStringLiteral("ATR in hex."), QStringLiteral("HEX"),
                                 QString::fromLatin1(defaultAtr));
    const QCommandLineOption pin(QStringLiteral("pin"), QStringLiteral("PIN of a new card."), QStringLiteral("PIN"),
                                 QStringLiteral("123456"));
    const QCommandLineOption puk(QStringLiteral("puk"), QStringLiteral("PUK of a new card."), QStringLiteral("PUK"),
                                 QStringLiteral("12345678"));
    const QCommandLineOption pinTries(QStringLiteral("pin-tries"), QStringLiteral("PIN retries."), QStringLiteral("N"),
                                      QStringLiteral("3"));
    const QCommandLineOption pukTries(QStringLiteral("puk-tries"), QStringLiteral("PUK retries."), QStringLiteral("N"),
                                      QStringLiteral("3"));
    const QCommandLineOption slot(QStringLiteral("slot"),
                                  QStringLiteral("Key slot: 9a=rsa2048|p256|p384 or 9a=KEY.pem:CERT.pem (repeatable; "
                                                 "default 9a=rsa2048 and 9c=p256)."),
                                  QStringLiteral("SPEC"));
    const QCommandLineOption state(QStringLiteral("state"), QStringLiteral("State file (loaded if it exists)."),
                                   QStringLiteral("FILE"));
    const QCommandLineOption guid(QStringLiteral("guid"), QStringLiteral("GUID of a new card (32 hex digits)."),
                                  QStringLiteral("HEX32"));
    const QCommandLineOption subject(QStringLiteral("subject"), QStringLiteral("Subject of generated certificates."),
                                     QStringLiteral("DN"));
    const QCommandLineOption info(QStringLiteral("info"), QStringLiteral("Info file (JSON) for tests."),
                                  QStringLiteral("FILE"));
    const QCommandLineOption control(QStringLiteral("control"), QStringLiteral("Control socket path."),
                                     QStringLiteral("PATH"));
    const QCommandLineOption verbose(QStringLiteral("verbose"), QStringLiteral("Log links and APDU headers."));
    parser.addOptions(
        {help, port, host, atr, pin, puk, pinTries, pukTries, slot, state, guid, subject, info, control, verbose});
    if (!parser.parse(args))
        return fail(parser.errorText().toStdString());
    if (parser.isSet(help)) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        return 0;
    }

    SimCardOptions options;
    bool ok = false;
    const uint portNumber = parser.value(port).toUInt(&ok);
    if (!ok || portNumber == 0 || portNumber > 65535)
        return fail("--port N is required (1-65535)");
    options.port = static_cast<std::uint16_t>(portNumber);
    options.host = parser.value(host).toStdString();
    const auto atrBytes = Tlv::fromHex(parser.value(atr).toStdString());
    if (!atrBytes || atrBytes->size() < 2 || atrBytes->size() > 33)
        return fail("bad --atr");
    options.atr = *atrBytes;
    options.statePath = parser.value(state).toStdString();
    options.infoPath = parser.value(info).toStdString();
    options.controlPath = parser.value(control).toStdString();
    options.verbose = parser.isSet(verbose);

    PivCardState card;
    std::string error;
    struct stat st
    {};
    if (!options.statePath.empty() && ::stat(options.statePath.c_str(), &st) == 0) {
        if (!card.load(options.statePath, &error))
            return fail(error);
    } else {
        std::string pinValue = parser.value(pin).toStdString();
        std::string pukValue = parser.value(puk).toStdString();
        ok =
            card.initialize(pinValue, pukValue, parser.value(pinTries).toInt(), parser.value(pukTries).toInt(), &error);
        OPENSSL_cleanse(pinValue.data(), pinValue.size());
        OPENSSL_cleanse(pukValue.data(), pukValue.size());
        if (!ok)
            return fail(error);
        if (parser.isSet(guid)) {
            const auto value = Tlv::fromHex(parser.value(guid).toStdString());
            if (!value || value->size() != 16)
                return fail("--guid needs 32 hex digits");
            card.setGuid(*value);
        }
        QStringList specs = parser.values(slot);
        if (specs.isEmpty())
            specs = {QStringLiteral("9a=rsa2048"), QStringLiteral("9c=p256")};
        for (const QString& spec : std::as_const(specs)) {
            SlotKey key;
            if (!parseSlot(spec.toStdString(), card.guid(), parser.value(subject).toStdString(), key, error))
                return fail(error);
            card.setSlot(std::move(key));
        }
        if (!options.statePath.empty() && !card.save(options.statePath, &error))
            return fail(error);
    }

    SimCardRunner runner(std::move(options), card);
    return runner.run();
}
