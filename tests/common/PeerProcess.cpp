#include "PeerProcess.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>

QByteArray PeerResult::describe() const
{
    QByteArray text;
    if (!started)
        text = "did not start";
    else if (!finished)
        text = "timed out";
    else
        text = "exit " + QByteArray::number(exitCode);
    text += "\n--- stdout:\n" + out + "\n--- stderr:\n" + err;
    return text;
}

PeerResult PeerProcess::run(const QString& program, const QStringList& args, const QByteArray& input,
                            const QProcessEnvironment& secretEnv, int timeoutMs)
{
    PeerResult result;
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const QStringList keys = secretEnv.keys();
    for (const QString& key : keys)
        env.insert(key, secretEnv.value(key));
    process.setProcessEnvironment(env);
    process.start(program, args);
    if (!process.waitForStarted(10000)) {
        result.err = process.errorString().toUtf8();
        return result;
    }
    result.started = true;
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    result.finished = process.waitForFinished(timeoutMs);
    if (!result.finished) {
        process.kill(); // our own child, by its pid
        process.waitForFinished(3000);
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

bool PeerProcess::which(const QString& program)
{
    return !QStandardPaths::findExecutable(program).isEmpty();
}

QString PeerProcess::pkcs11Module()
{
    for (const char* path :
         {"/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so", "/usr/lib/aarch64-linux-gnu/opensc-pkcs11.so",
          "/usr/lib/opensc-pkcs11.so", "/usr/lib64/opensc-pkcs11.so"}) {
        if (QFile::exists(QString::fromLatin1(path)))
            return QString::fromLatin1(path);
    }
    return QStringLiteral("/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so");
}
