// TokenDesk: smart cards, tokens and certificates on Linux.
// `tokendesk` opens the window; `tokendesk COMMAND` runs a command for scripts.

#include "CommandLine.h"
#include "UnixSignalWatcher.h"
#include "backend/AppServices.h"
#include "backend/atr/SmartcardList.h"
#include "backend/common/FileName.h"
#include "backend/common/Settings.h"
#include "backend/pcsc/ReaderMonitor.h"
#include "backend/vtoken/SoftHsmConfig.h"
#include "models/PrintableText.h"
#include "models/ReaderModel.h"
#include "ui/MainWindow.h"
#include "ui/SingleInstance.h"
#include "ui/TrayNotifier.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>
#include <csignal>
#include <cstdio>
#include <unistd.h>

using namespace tokendesk;

namespace {

void installTranslations(QCoreApplication& app)
{
    // Parented to the application so they live as long as it.
    auto* qtTranslator = new QTranslator(&app);
    if (qtTranslator->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qtTranslator);
    }
    auto* translator = new QTranslator(&app);
    if (translator->load(QLocale(), QStringLiteral("tokendesk"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        QCoreApplication::installTranslator(translator);
    }
}

int runGui(QApplication& app, const QString& file)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Smart cards, tokens and certificates."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption moduleOption(
        QStringLiteral("module"),
        QApplication::translate("main", "Also load this PKCS#11 module (repeatable); TOKENDESK_MODULES does the same."),
        QStringLiteral("path"));
    parser.addOption(moduleOption);
    parser.process(app);

    // A TokenDesk already runs in this environment: it gets the file and raises its window.
    SingleInstance instance;
    if (instance.handOff(file.isEmpty() ? QStringList() : QStringList{file})) {
        return 0;
    }

    // Card names from the list the user chose (Settings), else pcsc-tools' list.
    SmartcardList smartcardList;
    const QString chosenList = Settings::instance().value(Settings::Key::SmartcardListPath).toString();
    smartcardList.load(chosenList.isEmpty() ? SmartcardList::defaultPath() : chosenList);

    // The services outlive the window; they stop their threads when they go.
    AppServices services;
    ReaderModel readers;
    readers.setSmartcardList(&smartcardList);
    MainWindow window(&readers, &services);
    TrayNotifier notifier(&smartcardList);

    const ReaderMonitor* monitor = services.readerMonitor();
    QObject::connect(monitor, &ReaderMonitor::readersChanged, &readers, &ReaderModel::setReaders);
    QObject::connect(monitor, &ReaderMonitor::readersChanged, &notifier, &TrayNotifier::setReaders);
    QObject::connect(monitor, &ReaderMonitor::serviceStateChanged, &window, &MainWindow::setServiceState);
    ModuleRegistry::Options modules;
    modules.paths = parser.values(moduleOption);
    // Before SoftHSM2 is loaded: it reads its configuration once (virtual tokens, docs/VTOKENS.md).
    SoftHsmConfig::prepareForWindow();
    services.startTokens(modules);
    services.startReaders();

    window.show();
    if (!instance.listen()) {
        std::fprintf(stderr, "tokendesk: %s\n", qPrintable(PrintableText::escape(instance.errorString())));
    }
    QObject::connect(&instance, &SingleInstance::activated, &window, [&window](const QStringList& files) {
        window.setWindowState((window.windowState() & ~Qt::WindowMinimized) | Qt::WindowActive);
        window.show();
        window.raise();
        window.activateWindow();
        for (const QString& path : files) {
            window.openFile(path);
        }
    });
    // Ended by a signal as by Quit: the services stop, the instance's socket goes.
    UnixSignalWatcher signals({SIGINT, SIGTERM});
    QObject::connect(&signals, &UnixSignalWatcher::received, &app, &QCoreApplication::quit);
    if (!file.isEmpty()) {
        window.openFile(file);
    }
    const int rc = app.exec();
    services.stop();
    return rc;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication::setApplicationName(QStringLiteral("tokendesk"));
    QCoreApplication::setOrganizationName(QStringLiteral("TokenDesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TOKENDESK_VERSION));

    const QString first = argc > 1 ? FileName::fromBytes(QByteArray(argv[1])) : QString();
    if (first == QLatin1String("--help") || first == QLatin1String("-h") || first == QLatin1String("help")) {
        QCoreApplication app(argc, argv);
        installTranslations(app);
        std::fputs(CommandLine::usage().toLocal8Bit().constData(), stdout);
        return 0;
    }
    // Only a command, an option of the window's (Qt's own: -platform, -style) or a file to open
    // starts something; a typo is told, not answered with a window.
    if (argc > 1 && !CommandLine::isCommand(first) && !first.startsWith(QLatin1Char('-')) &&
        ::access(argv[1], F_OK) != 0) {
        QCoreApplication app(argc, argv);
        installTranslations(app);
        std::fputs(QCoreApplication::translate("main", "tokendesk: unknown command \"%1\".\n")
                       .arg(PrintableText::escape(first))
                       .toLocal8Bit()
                       .constData(),
                   stderr);
        std::fputs(CommandLine::usage().toLocal8Bit().constData(), stderr);
        return 2;
    }
    if (argc > 1 && CommandLine::isCommand(first)) {
        QCoreApplication app(argc, argv);
        installTranslations(app);
        // Not QCoreApplication::arguments(): it decodes through the locale, and a file name that is
        // not UTF-8 would come back as another name. FileName keeps every byte.
        QStringList arguments;
        for (int i = 0; i < argc; ++i) {
            arguments << FileName::fromBytes(QByteArray(argv[i]));
        }
        return CommandLine::run(arguments);
    }
    QApplication app(argc, argv);
    QApplication::setApplicationDisplayName(QStringLiteral("TokenDesk"));
    QApplication::setDesktopFileName(QStringLiteral("org.tokendesk.TokenDesk"));
    installTranslations(app);
    // `tokendesk FILE` (the desktop file's Exec, so a double click on a .p12 or a certificate): the
    // window with the import wizard or the certificate on it (MainWindow::openFile), which say why
    // when the file cannot be read. QApplication has taken its own options (-platform ...) out of
    // argv by now; the window's own (--module=PATH) are no file. The name keeps its bytes (FileName).
    const bool fileGiven = argc == 2 && argv[1][0] != '-';
    return runGui(app, fileGiven ? FileName::fromBytes(QByteArray(argv[1])) : QString());
}
