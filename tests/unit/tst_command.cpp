// The command base (ui/commands/): finished() exactly once, cancel only while the work can be
// given up (waiting for a token), the shared wait for an absent token, the async helper's
// callback on the GUI thread and never after its receiver is gone, and TokenActions refusing
// a second command on a busy token with a sentence instead of dropping it.

#include "backend/pkcs11/PinStatus.h"
#include "ui/PinFlow.h"
#include "ui/TokenActions.h"
#include "ui/commands/AsyncTask.h"
#include "ui/commands/TokenCommand.h"

#include <QSemaphore>
#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <atomic>

using namespace tokendesk;

namespace {
TokenInfo tokenInfo(const QString& label, const QByteArray& serial)
{
    TokenInfo token;
    token.label = label;
    token.serial = QString::fromLatin1(serial);
    token.serialRaw = serial;
    token.modulePath = QStringLiteral("/nonexistent/module.so");
    return token;
}

/// A command whose work is scripted by the test: finishes (twice, to prove once), or waits
/// for its token through TokenCommand's shared wait and counts the retries.
class ScriptedCommand : public TokenCommand
{
public:
    enum class Script
    {
        FinishTwice,
        WaitForToken,
    };
    ScriptedCommand(const TokenInfo& token, Script script) : TokenCommand(token, {}), m_script(script) {}

    QString title() const override { return QStringLiteral("Scripted"); }
    int runs = 0;

protected:
    void run() override
    {
        ++runs;
        if (m_script == Script::FinishTwice || runs > 1) {
            finish(true, QStringLiteral("first"));
            finish(false, QStringLiteral("second"));
            return;
        }
        waitFor(Pkcs11Error::tokenNotPresent(token().label, token().serial, QStringLiteral("C_GetTokenInfo")),
                [this] { run(); });
    }

private:
    Script m_script;
};

TokenContents contentsOf(const TokenInfo& token)
{
    TokenContents contents;
    contents.token = token;
    return contents;
}
} // namespace

class TestCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void finishedOnce()
    {
        ScriptedCommand command(tokenInfo(QStringLiteral("A"), "1"), ScriptedCommand::Script::FinishTwice);
        QSignalSpy finished(&command, &Command::finished);
        command.start();
        command.start(); // a second start does not run the work again
        QCOMPARE(command.runs, 1);
        QCOMPARE(finished.size(), 1);
        const auto result = finished.constFirst().at(0).value<CommandResult>();
        QVERIFY(result.succeeded());
        QCOMPARE(result.message, QStringLiteral("first"));
        QVERIFY(command.isFinished());
        command.cancel(); // nothing left to cancel
        QCOMPARE(finished.size(), 1);
    }

    void cancelWhileWaitingForTheToken()
    {
        const TokenInfo token = tokenInfo(QStringLiteral("Desk"), "42");
        ScriptedCommand command(token, ScriptedCommand::Script::WaitForToken);
        QSignalSpy waiting(&command, &TokenCommand::waitingForToken);
        QSignalSpy ended(&command, &TokenCommand::waitingEnded);
        QSignalSpy finished(&command, &Command::finished);
        QVERIFY(!command.canCancel()); // not started: nothing to give up
        command.start();
        QCOMPARE(waiting.size(), 1);
        QVERIFY2(waiting.constFirst().at(0).toString().contains(QStringLiteral("Desk")) &&
                     waiting.constFirst().at(0).toString().contains(QStringLiteral("42")),
                 qPrintable(waiting.constFirst().at(0).toString()));
        QCOMPARE(command.waitingFor(), token.key());
        QVERIFY(command.canCancel());
        QVERIFY(finished.isEmpty());

        command.cancel();
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.constFirst().at(0).value<CommandResult>().status, CommandResult::Status::Cancelled);
        QCOMPARE(ended.size(), 1);
        QVERIFY(command.waitingFor().isEmpty());
        // The token comes after the cancel: the work does not run again.
        command.tokenAppeared(contentsOf(token));
        QCOMPARE(command.runs, 1);
        QCOMPARE(finished.size(), 1);
    }

    void theTokenComesBack()
    {
        const TokenInfo token = tokenInfo(QStringLiteral("Desk"), "42");
        ScriptedCommand command(token, ScriptedCommand::Script::WaitForToken);
        QSignalSpy finished(&command, &Command::finished);
        QSignalSpy ended(&command, &TokenCommand::waitingEnded);
        command.start();
        command.tokenAppeared(contentsOf(tokenInfo(QStringLiteral("Other"), "43")));
        QCOMPARE(command.runs, 1);
        QVERIFY(ended.isEmpty());
        command.tokenAppeared(contentsOf(token));
        QCOMPARE(command.runs, 2);
        QCOMPARE(ended.size(), 1);
        QCOMPARE(finished.size(), 1);
        QVERIFY(finished.constFirst().at(0).value<CommandResult>().succeeded());
        QVERIFY(!command.canCancel());
    }

    void callbackOnTheGuiThread()
    {
        QObject context;
        QThread* ranOn = nullptr;
        int value = 0;
        AsyncTask::runThenCallback(
            &context, [] { return 7; },
            [&](int v) {
                ranOn = QThread::currentThread();
                value = v;
            });
        QTRY_COMPARE(value, 7);
        QCOMPARE(ranOn, QThread::currentThread());
    }

    void noCallbackAfterTheReceiverIsGone()
    {
        auto* context = new QObject;
        auto release = std::make_shared<QSemaphore>();
        auto done = std::make_shared<std::atomic_bool>(false);
        bool called = false;
        AsyncTask::runThenCallback(
            context,
            [release, done] {
                release->acquire();
                done->store(true);
                return 1;
            },
            [&called](int) { called = true; });
        delete context;
        release->release();
        QTRY_VERIFY(done->load());
        QTest::qWait(100); // a queued callback would have run by now
        QVERIFY(!called);
    }

    void aSecondCommandOnABusyTokenIsRefused()
    {
        TokenActions actions({}, nullptr);
        const TokenInfo token = tokenInfo(QStringLiteral("Desk"), "42");
        QSignalSpy refused(&actions, &TokenActions::refused);
        QSignalSpy busy(&actions, &TokenActions::busyChanged);
        QSignalSpy waiting(&actions, &TokenActions::waitingForToken);
        auto* first = new ScriptedCommand(token, ScriptedCommand::Script::WaitForToken);
        QSignalSpy firstFinished(first, &Command::finished);
        QVERIFY(actions.start(first));
        QVERIFY(actions.isBusy(token.key()));
        QCOMPARE(busy.size(), 1);
        QCOMPARE(waiting.size(), 1);
        QCOMPARE(actions.waitingFor(), token.key());

        // The second is refused with words naming what runs where, and the first goes on.
        QVERIFY(!actions.start(new ScriptedCommand(token, ScriptedCommand::Script::FinishTwice)));
        QCOMPARE(refused.size(), 1);
        const QString why = refused.constFirst().at(0).toString();
        QVERIFY2(why.contains(QStringLiteral("Scripted")) && why.contains(QStringLiteral("Desk")), qPrintable(why));
        QVERIFY(actions.isBusy(token.key()));
        QCOMPARE(actions.running(token.key()), first);
        QVERIFY(firstFinished.isEmpty());

        // Another token is free.
        const TokenInfo other = tokenInfo(QStringLiteral("Other"), "43");
        QVERIFY(actions.start(new ScriptedCommand(other, ScriptedCommand::Script::FinishTwice)));
        QVERIFY(!actions.isBusy(other.key()));

        actions.cancelWaiting();
        QCOMPARE(firstFinished.size(), 1);
        QVERIFY(!actions.isBusy(token.key()));
        QVERIFY(actions.waitingFor().isEmpty());
        QVERIFY(actions.start(new ScriptedCommand(token, ScriptedCommand::Script::FinishTwice)));
        QCOMPARE(refused.size(), 1);
    }

    void aLockedPinPointsToTheDialogNotTheCommandLine()
    {
        PinError locked;
        locked.kind = PinError::Kind::PinLocked;
        for (bool piv : {true, false}) {
            const QString text = PinFlow::errorText(locked, piv);
            QVERIFY2(text.contains(QStringLiteral("locked")), qPrintable(text));
            QVERIFY2(!text.contains(QStringLiteral("tokendesk")), qPrintable(text));
        }
    }
};

QTEST_MAIN(TestCommand)
#include "tst_command.moc"
