// Runs a peer program (pkcs11-tool, opensc-tool, openssl, ...) for a test and keeps what it said.
#pragma once

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

struct PeerResult
{
    bool started = false;
    bool finished = false; // false: it ran past its timeout and was killed
    int exitCode = -1;
    QByteArray out;
    QByteArray err;

    bool ok() const { return started && finished && exitCode == 0; }
    // For QVERIFY2: the command's exit and both outputs.
    QByteArray describe() const;
};

class PeerProcess
{
public:
    // Runs program with args, writes input to its stdin and closes it. secretEnv adds variables
    // to the environment: how PINs reach peers that only read a terminal (pkcs11-tool and
    // pkcs15-tool take "--pin env:NAME"), so that no PIN appears on a command line.
    static PeerResult run(const QString& program, const QStringList& args, const QByteArray& input = {},
                          const QProcessEnvironment& secretEnv = {}, int timeoutMs = 30000);

    static bool which(const QString& program); // on PATH?

    static QString pkcs11Module(); // OpenSC's PKCS#11 module
};
