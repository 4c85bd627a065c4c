// A check of the test bench, not of TokenDesk: the bench's Secret Service (gnome-keyring on
// a private D-Bus) works through QtKeychain, and what QtKeychain stores is really in the
// keyring: secret-tool, a separate libsecret client, finds it.
//
// No TokenDesk code uses QtKeychain yet (backend/ links it, nothing includes it). The code this
// bench service is for, virtual tokens keeping their passwords in the keyring, comes with the
// virtual tokens; its own tests go beside it then. Until then this only proves that the bench
// can hold such tests.

#include "PeerProcess.h"

#include <QSignalSpy>
#include <QTest>
#include <QUuid>
#include <qt6keychain/keychain.h>

namespace {
const QString kService = QStringLiteral("org.tokendesk.test");

// Runs a QtKeychain job to completion; returns its error (QKeychain::NoError on success).
QKeychain::Error runJob(QKeychain::Job* job)
{
    QSignalSpy finished(job, &QKeychain::Job::finished);
    job->start();
    if (!finished.wait(15000)) {
        return QKeychain::OtherError;
    }
    return job->error();
}
} // namespace

class TestBenchSecretService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"), "the bench provides a session bus");
        QVERIFY2(qEnvironmentVariable("HOME").startsWith(qEnvironmentVariable("TOKENDESK_TESTBENCH_DIR")),
                 "the bench's keyring lives in the bench's HOME, never the user's");
    }

    void writeReadDelete()
    {
        const QString key = QUuid::createUuid().toString(QUuid::WithoutBraces);
        // Random bytes as the secret: whatever the test finds must have come from the keyring.
        const QByteArray secret = QUuid::createUuid().toByteArray(QUuid::Id128);

        QKeychain::WritePasswordJob write(kService);
        write.setAutoDelete(false);
        write.setInsecureFallback(false); // a secret never goes to a plain file
        write.setKey(key);
        write.setBinaryData(secret);
        QCOMPARE(runJob(&write), QKeychain::NoError);

        QKeychain::ReadPasswordJob read(kService);
        read.setAutoDelete(false);
        read.setKey(key);
        QCOMPARE(runJob(&read), QKeychain::NoError);
        QCOMPARE(read.binaryData(), secret);

        // Another client of the same Secret Service sees an item under our service and key.
        const PeerResult search =
            PeerProcess::run(QStringLiteral("secret-tool"),
                             {QStringLiteral("search"), QStringLiteral("--all"), QStringLiteral("user"), key});
        QVERIFY2(search.ok(), search.describe().constData());
        QVERIFY2(search.out.contains(kService.toUtf8()) || search.err.contains(kService.toUtf8()),
                 search.describe().constData());

        QKeychain::DeletePasswordJob remove(kService);
        remove.setAutoDelete(false);
        remove.setKey(key);
        QCOMPARE(runJob(&remove), QKeychain::NoError);

        QKeychain::ReadPasswordJob gone(kService);
        gone.setAutoDelete(false);
        gone.setKey(key);
        QCOMPARE(runJob(&gone), QKeychain::EntryNotFound);
    }
};

QTEST_GUILESS_MAIN(TestBenchSecretService)
#include "tst_bench_secretservice.moc"
