// ModuleRegistry with real modules: what p11-kit registers (OpenSC, SoftHSM2,
// the trust store), explicit paths from the command line and TOKENDESK_MODULES,
// files that are no module and a module whose C_Initialize fails; two tokens of
// one module used from several threads at once; and ObjectReader on a fake token
// whose two searches disagree.

#include "ModuleOptions.h"
#include "PeerProcess.h"
#include "SoftHsmTokens.h"
#include "backend/pkcs11/ModuleRegistry.h"
#include "backend/pkcs11/ObjectReader.h"
#include "backend/pkcs11/Pkcs11Session.h"

#include <QFile>
#include <QScopeGuard>
#include <QTest>
#include <QUrl>
#include <atomic>
#include <dlfcn.h>
#include <functional>
#include <thread>

using namespace tokendesk;

namespace {

const QString kFakeModule = QStringLiteral(TOKENDESK_FAKE_FAILING_PKCS11);
const QString kReorderingModule = QStringLiteral(TOKENDESK_FAKE_REORDERING_PKCS11);

ModuleRegistry::Options softhsmOnly()
{
    return testmodules::only(SoftHsmTokens::modulePath());
}

Pkcs11Token tokenLabelled(const ModuleRegistry& registry, const QString& label)
{
    const auto uri =
        Pkcs11Uri::parse(QStringLiteral("pkcs11:token=") + QString::fromLatin1(QUrl::toPercentEncoding(label)));
    if (!uri) {
        qFatal("bad label %s", qPrintable(label));
    }
    auto tokens = registry.findTokens(uri.value());
    if (!tokens || tokens.value().size() != 1) {
        qFatal("token %s: not exactly one", qPrintable(label));
    }
    return tokens.value().constFirst();
}

} // namespace

class TestPkcs11Modules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void brokenModulesAreEntries();
    void isolatedInitializeFailureIsTheModules();
    void scanWhenLoaded();
    void objectsInTheFullSearchsOrder();
    void twoTokensFromTwoThreads();
};

void TestPkcs11Modules::initTestCase()
{
    QVERIFY2(qEnvironmentVariableIsSet("SOFTHSM2_CONF"), "run inside the bench (testbench.sh exec)");
    for (const char* peer : {"pkcs11-tool", "openssl", "sh"}) {
        QVERIFY2(PeerProcess::which(QString::fromLatin1(peer)), peer); // a missing peer is a failure
    }
    QVERIFY(QFile::exists(SoftHsmTokens::modulePath()));
    QVERIFY(QFile::exists(kFakeModule));
}

// Isolated, a module whose C_Initialize fails is that failure, never "the module's process ended":
// p11-kit's client hangs up on a failed C_Initialize and the host then ends cleanly, which was
// taken for a death when the host was quicker than the check (1 report in 13). Many times over.
void TestPkcs11Modules::isolatedInitializeFailureIsTheModules()
{
    ModuleRegistry::Options options;
    options.registered = false;
    options.environment = false;
    options.nssDatabase.clear();
    options.paths = {kFakeModule};
    options.isolation = ModuleHost::Policy::All;
    for (int i = 0; i < 30; ++i) {
        const ModuleRegistry registry(options);
        QCOMPARE(registry.modules().size(), 1);
        const ModuleInfo& fake = registry.modules().constFirst();
        QVERIFY(fake.isolated);
        QVERIFY(fake.error);
        QCOMPARE(fake.error->kind, Pkcs11Error::Kind::Other);
        QCOMPARE(fake.error->codeName(), QStringLiteral("CKR_GENERAL_ERROR"));
        QCOMPARE(fake.error->function, QStringLiteral("C_Initialize"));
    }
}

void TestPkcs11Modules::brokenModulesAreEntries()
{
    SoftHsmTokens hsm;
    QVERIFY2(hsm.isValid(), qPrintable(hsm.errorString()));
    QVERIFY2(hsm.createToken("Survivor"), qPrintable(hsm.errorString()));
    const QString text = hsm.dir() + QStringLiteral("/not-a-module.so");
    {
        QFile file(text);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("module: this is a text file, not a library\n");
    }
    // Some from the command line, some from the environment; SoftHSM named
    // explicitly and registered with p11-kit (Debian's softhsm2.module).
    qputenv("TOKENDESK_MODULES", QFile::encodeName(QStringLiteral("/bin/true:") + kFakeModule));
    const auto restore = qScopeGuard([] { qunsetenv("TOKENDESK_MODULES"); });
    ModuleRegistry::Options options;
    options.paths = {text, SoftHsmTokens::modulePath(), QStringLiteral("/nonexistent/libnothing.so")};
    ModuleRegistry registry(options);

    const auto entry = [&](const QString& path) {
        const QString key = ModuleRegistry::canonicalPath(path);
        ModuleList found;
        for (const ModuleInfo& m : registry.modules()) {
            if (m.path == key) {
                found << m;
            }
        }
        return found;
    };
    for (const QString& notModule : {QStringLiteral("/bin/true"), text, QStringLiteral("/nonexistent/libnothing.so")}) {
        const ModuleList e = entry(notModule);
        QCOMPARE(e.size(), 1);
        QVERIFY2(e.constFirst().error, qPrintable(notModule));
        QCOMPARE(e.constFirst().error->kind, Pkcs11Error::Kind::ModuleNotLoaded);
        QCOMPARE(e.constFirst().error->function, QStringLiteral("p11_kit_module_load"));
        QVERIFY(!e.constFirst().error->detail.isEmpty());
        QVERIFY(!e.constFirst().registered);
    }
    const ModuleList fake = entry(kFakeModule);
    QCOMPARE(fake.size(), 1);
    QVERIFY(fake.constFirst().error);
    QCOMPARE(fake.constFirst().error->function, QStringLiteral("C_Initialize"));
    QCOMPARE(fake.constFirst().error->codeName(), QStringLiteral("CKR_GENERAL_ERROR"));
    QCOMPARE(fake.constFirst().name, QStringLiteral("fake_failing_pkcs11"));

    // SoftHSM once, under p11-kit's name; OpenSC and the trust module loaded too.
    const ModuleList softhsm = entry(SoftHsmTokens::modulePath());
    QCOMPARE(softhsm.size(), 1);
    QVERIFY(softhsm.constFirst().ok());
    QVERIFY(softhsm.constFirst().registered);
    QCOMPARE(softhsm.constFirst().name, QStringLiteral("softhsm2"));
    QCOMPARE(softhsm.constFirst().description, QStringLiteral("Implementation of PKCS11"));
    QCOMPARE(softhsm.constFirst().libraryVersion.toString(), QStringLiteral("2.6"));
    QVERIFY(softhsm.constFirst().uri.startsWith(QLatin1String("pkcs11:library-description=")));
    QVERIFY(!softhsm.constFirst().system);
    bool openscOk = false;
    bool trustIsSystem = false;
    for (const ModuleInfo& m : registry.modules()) {
        openscOk |= m.name == QLatin1String("opensc-pkcs11") && m.ok();
        trustIsSystem |= m.name == QLatin1String("p11-kit-trust") && m.ok() && m.system;
    }
    QVERIFY(openscOk);
    QVERIFY(trustIsSystem);
    QCOMPARE(int(registry.loaded().size()), int(std::count_if(registry.modules().cbegin(), registry.modules().cend(),
                                                              [](const ModuleInfo& m) { return m.ok(); })));

    // The failures hide nothing: SoftHSM's token and the trust store's are listed.
    const TokenScan scan = registry.scan();
    QStringList labels;
    for (const TokenInfo& t : scan.tokens) {
        labels << t.label;
    }
    QVERIFY2(labels.contains(QStringLiteral("Survivor")), qPrintable(labels.join(QLatin1Char(','))));
    QVERIFY2(labels.contains(QStringLiteral("System Trust")), qPrintable(labels.join(QLatin1Char(','))));
}

namespace {
QStringList labelsOf(const TokenScan& scan)
{
    QStringList labels;
    for (const TokenInfo& token : scan.tokens) {
        labels << token.label;
    }
    return labels;
}
} // namespace

// Options::scanWhenLoaded: each module's slots listed as it finished loading (what report reads),
// the same tokens scan() lists then. After a wrong PIN SoftHSM's token says so (CKF_USER_PIN_COUNT_LOW)
// in scan() and not in loadScan(), which is the list made at load. Without the option, loadScan()
// scans now.
void TestPkcs11Modules::scanWhenLoaded()
{
    SoftHsmTokens hsm;
    QVERIFY2(hsm.isValid(), qPrintable(hsm.errorString()));
    QVERIFY2(hsm.createToken("Early"), qPrintable(hsm.errorString()));
    ModuleRegistry::Options options = softhsmOnly();
    options.paths << kFakeModule; // fails C_Initialize: an entry, no scan
    options.scanWhenLoaded = true;
    const ModuleRegistry registry(options);
    QCOMPARE(int(registry.loaded().size()), 1);
    const TokenScan atLoad = registry.loadScan();
    QVERIFY(atLoad.errors.isEmpty());
    QCOMPARE(labelsOf(atLoad), labelsOf(registry.scan()));
    QVERIFY2(labelsOf(atLoad).contains(QStringLiteral("Early")), qPrintable(labelsOf(atLoad).join(QLatin1Char(','))));
    const auto early = [](const TokenScan& scan) {
        for (const TokenInfo& token : scan.tokens) {
            if (token.label == QLatin1String("Early")) {
                return token;
            }
        }
        return TokenInfo();
    };
    QVERIFY(!early(atLoad).userPin.countLow);

    const Pkcs11Token token = tokenLabelled(registry, QStringLiteral("Early"));
    auto session = Pkcs11Session::open(token.module(), token.info().slot.slotId);
    QVERIFY(session);
    QVERIFY(!session.value().login(Pkcs11Session::User::User, QByteArrayLiteral("not the PIN")));
    QVERIFY(early(registry.scan()).userPin.countLow);
    QVERIFY(!early(registry.loadScan()).userPin.countLow);

    options.scanWhenLoaded = false;
    const ModuleRegistry plain(options);
    QCOMPARE(labelsOf(plain.loadScan()), labelsOf(plain.scan()));
    QVERIFY(labelsOf(plain.loadScan()).contains(QStringLiteral("Early")));
}

// ObjectReader reads every class with one search for everything (fake_reordering_pkcs11, whose
// searches disagree as on a token another program changes): that search's order, a certificate it
// lists twice twice, none it does not list. In a public session a certificate takes one
// C_GetAttributeValue (its class with its attributes); logged in, every object's class is asked
// alone (a call more for each certificate) and a key is never asked for its CKA_VALUE (the fake's
// tripwire fails the read). One class asked for: its own search's list as it is.
void TestPkcs11Modules::objectsInTheFullSearchsOrder()
{
    ModuleRegistry::Options options = testmodules::only(kReorderingModule);
    options.isolation = ModuleHost::Policy::Off;
    const ModuleRegistry registry(options);
    QCOMPARE(int(registry.loaded().size()), 1);
    const Pkcs11Token token = tokenLabelled(registry, QStringLiteral("Fake Reordering"));
    void* const fake = ::dlopen(qPrintable(kReorderingModule), RTLD_NOW | RTLD_NOLOAD);
    QVERIFY(fake); // loaded in this process by the registry
    const auto closeFake = qScopeGuard([fake] { ::dlclose(fake); });
    using Counts = void (*)(unsigned long*, unsigned long*);
    const auto counts = reinterpret_cast<Counts>(::dlsym(fake, "fake_reordering_counts"));
    QVERIFY(counts);
    // Searches and C_GetAttributeValue calls `read` made.
    const auto callsOf = [counts](const std::function<void()>& read) {
        unsigned long searches = 0;
        unsigned long reads = 0;
        counts(&searches, &reads);
        read();
        unsigned long searchesAfter = 0;
        unsigned long readsAfter = 0;
        counts(&searchesAfter, &readsAfter);
        return std::make_pair(searchesAfter - searches, readsAfter - reads);
    };
    const auto labels = [](const ObjectList& objects) {
        QStringList out;
        for (const ObjectInfo& o : objects) {
            out << o.label;
        }
        return out;
    };
    const QStringList fullSearchsOrder{QStringLiteral("c3"), QStringLiteral("c1"), QStringLiteral("c5"),
                                       QStringLiteral("c2"), QStringLiteral("c2"), QStringLiteral("c4"),
                                       QStringLiteral("k1")};
    const auto checkObjects = [&](const ObjectList& objects) {
        QCOMPARE(labels(objects), fullSearchsOrder);
        for (const ObjectInfo& o : objects) {
            const bool key = o.label == QLatin1String("k1");
            QCOMPARE(o.objectClass, key ? ObjectInfo::Class::PrivateKey : ObjectInfo::Class::Certificate);
            // Each object's own attributes, whichever way it was read: nothing of k1's CKA_VALUE.
            QCOMPARE(o.value, key ? QByteArray() : QByteArray("not a certificate: ") + o.label.toLatin1());
            QCOMPARE(o.id, QByteArray(1, char(key ? 2 : o.label.mid(1).toInt())));
            QCOMPARE(o.sign, key ? std::optional<bool>(true) : std::nullopt);
        }
    };

    Result<ObjectList, Pkcs11Error> all = Pkcs11Error{};
    auto calls = callsOf([&] { all = token.objects(); });
    QVERIFY2(all, qPrintable(all ? QString() : all.error().codeName()));
    checkObjects(all.value());
    QCOMPARE(calls.first, 1UL);
    const unsigned long publicReads = calls.second;

    calls = callsOf([&] {
        all = token.withSession<ObjectList>([&](Pkcs11Session& session) -> Result<ObjectList, Pkcs11Error> {
            if (auto login = session.login(Pkcs11Session::User::User, QByteArray("1234")); !login) {
                return login.error();
            }
            const auto logout = qScopeGuard([&session] { (void)session.logout(); });
            return ObjectReader::read(session, token.info());
        });
    });
    QVERIFY2(all, qPrintable(all ? QString() : all.error().codeName()));
    checkObjects(all.value());
    QCOMPARE(calls.first, 1UL);
    QCOMPARE(calls.second, publicReads + 6); // a call more for each of the six certificates

    ObjectQuery certificates;
    certificates.classes = {ObjectInfo::Class::Certificate};
    Result<ObjectList, Pkcs11Error> only = Pkcs11Error{};
    calls = callsOf([&] { only = token.objects(certificates); });
    QVERIFY(only);
    QCOMPARE(calls, std::make_pair(1UL, 5UL)); // each of the five in one call
    QCOMPARE(labels(only.value()), (QStringList{QStringLiteral("c1"), QStringLiteral("c2"), QStringLiteral("c3"),
                                                QStringLiteral("c4"), QStringLiteral("c6")}));
}

void TestPkcs11Modules::twoTokensFromTwoThreads()
{
    SoftHsmTokens hsm;
    QVERIFY2(hsm.isValid(), qPrintable(hsm.errorString()));
    quint64 slotA = 0;
    quint64 slotB = 0;
    QVERIFY2(hsm.createToken("Thread A", &slotA), qPrintable(hsm.errorString()));
    QVERIFY2(hsm.createToken("Thread B", &slotB), qPrintable(hsm.errorString()));
    for (const quint64 slot : {slotA, slotB}) {
        for (const QString& id : {QStringLiteral("01"), QStringLiteral("02")}) {
            QVERIFY2(!hsm.writeCertificate(slot, id, QStringLiteral("c%1").arg(id), QString()).isEmpty(),
                     qPrintable(hsm.errorString()));
        }
    }
    ModuleRegistry registry(softhsmOnly());
    const Pkcs11Token a = tokenLabelled(registry, QStringLiteral("Thread A"));
    const Pkcs11Token b = tokenLabelled(registry, QStringLiteral("Thread B"));
    const ObjectList expectedA = a.objects().valueOr({});
    const ObjectList expectedB = b.objects().valueOr({});
    QCOMPARE(expectedA.size(), 2);
    QCOMPARE(expectedB.size(), 2);

    // Two workers on A (serialized by A's lock), one on B, one scanning: same answers every time.
    std::atomic<int> failures{0};
    const auto work = [&failures](const Pkcs11Token& token, const ObjectList& expected) {
        for (int i = 0; i < 25; ++i) {
            const auto objects = token.objects();
            if (!objects || objects.value() != expected) {
                ++failures;
            }
        }
    };
    std::thread first(work, a, expectedA);
    std::thread second(work, a, expectedA);
    std::thread third(work, b, expectedB);
    std::thread scanner([&] {
        for (int i = 0; i < 25; ++i) {
            if (registry.scan().tokens.size() != 3) {
                ++failures;
            }
        }
    });
    first.join();
    second.join();
    third.join();
    scanner.join();
    QCOMPARE(failures.load(), 0);
}

QTEST_GUILESS_MAIN(TestPkcs11Modules)
#include "tst_pkcs11_modules.moc"
