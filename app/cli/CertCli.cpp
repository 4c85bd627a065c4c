#include "CertCli.h"

#include "app/CertCommand.h"
#include "app/CertTestCommand.h"

#include <QCoreApplication>

namespace tokendesk {

namespace {
QCommandLineOption outputOption()
{
    return QCommandLineOption(
        {QStringLiteral("o"), QStringLiteral("output")},
        QCoreApplication::translate("CommandLine", "export: write the certificate to FILE (- for standard output)."),
        QStringLiteral("FILE"));
}

QCommandLineOption derOption()
{
    return QCommandLineOption(QStringLiteral("der"),
                              QCoreApplication::translate("CommandLine", "export: DER instead of PEM."));
}

QCommandLineOption finalTryOption()
{
    return QCommandLineOption(
        QStringLiteral("final-try"),
        QCoreApplication::translate("CommandLine", "test: allow the last try of a PIN that comes from stdin."));
}
} // namespace

QString CertCli::name() const
{
    return QStringLiteral("cert");
}

void CertCli::addOptions(QCommandLineParser& parser)
{
    parser.addOption(outputOption());
    parser.addOption(derOption());
    parser.addOption(finalTryOption());
    parser.addOption(moduleOption());
    parser.addPositionalArgument(
        QStringLiteral("show|export|test"),
        QCoreApplication::translate(
            "CommandLine",
            "show FILE|URI: the certificate's details; export FILE|URI -o OUT; test URI: sign and verify."));
    parser.addPositionalArgument(
        QStringLiteral("FILE|URI"),
        QCoreApplication::translate("CommandLine",
                                    "A certificate file, PEM or DER, or a PKCS#11 URI (pkcs11:...) of certificates on "
                                    "a token. show: a URI naming several certificates shows them all (with --json, as "
                                    "{\"certificates\": [...]}); export wants a URI naming one."));
}

int CertCli::run(const QCommandLineParser& parser, CliContext& context)
{
    const QStringList arguments = parser.positionalArguments();
    if (arguments.value(0) == QLatin1String("test")) {
        if (arguments.size() != 2) {
            return usage(context, QCoreApplication::translate("CommandLine", "cert test takes one PKCS#11 URI."));
        }
        CertTestCommand::Options options;
        options.uri = arguments.at(1);
        options.modules = parser.values(moduleOption());
        options.json = context.json;
        options.allowFinalTry = parser.isSet(finalTryOption());
        return CertTestCommand::run(options, context.out, context.err);
    }
    CertCommand::Options options;
    options.arguments = arguments;
    options.output = parser.value(outputOption());
    options.der = parser.isSet(derOption());
    options.json = context.json;
    options.modules = parser.values(moduleOption());
    return CertCommand::run(options, context.out, context.err);
}

} // namespace tokendesk
