// TokenDesk's window (`tokendesk` with no command, or with a file): the only part that loads
// Qt Widgets. `tokendesk` (app/main.cpp, Qt Core only) execs it, keeping the process and its
// arguments; installed in libexec, beside `tokendesk` in a build folder (docs/ARCHITECTURE.md).

#include "UnixSignalWatcher.h"
#include "backend/AppServices.h"
#include "backend/atr/SmartcardList.h"
#include "backend/common/FileName.h"
#include "backend/common/Settings.h"
#include "backend/pcsc/ReaderMonitor.h"
#include "backend/pkcs11/ModuleHost.h"
#include "backend/vtoken/SoftHsmConfig.h"
#include "models/Language.h"
#include "models/PrintableText.h"
#include "models/ReaderModel.h"
#include "ui/LanguageMenu.h"
#include "ui/MainWindow.h"
#include "ui/SingleInstance.h"
#include "ui/TrayNotifier.h"

#include <QApplication>
#include <QCommandLineParser>
#include <csignal>
#include <cstdio>

using namespace tokendesk;

namespace {

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
    const QCommandLineOption inProcessOption(
        QStringLiteral("in-process"),
        QApplication::translate("main", "Load PKCS#11 modules into this process instead of one child process each."));
    parser.addOption(inProcessOption);
    parser.process(app);
    // Ended by a signal as by Quit: the services stop, the instance's socket goes. Watched from
    // the start: a SIGTERM once the instance's socket is there (tst_singleinstance sends one then)
    // killed the window outright, leaving the socket behind, when it came before this line.
    // (One seen by a local event loop before exec() is remembered: quit() outside exec() does nothing.)
    UnixSignalWatcher signals({SIGINT, SIGTERM});
    bool signalled = false;
    QObject::connect(&signals, &UnixSignalWatcher::received, &app, [&signalled] {
        signalled = true;
        QCoreApplication::quit();
    });

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
    // Settings ▸ Language, registered with the window's menus (parented to them).
    new LanguageMenu(window.menus());
    TrayNotifier notifier(&smartcardList);

    const ReaderMonitor* monitor = services.readerMonitor();
    QObject::connect(monitor, &ReaderMonitor::readersChanged, &readers, &ReaderModel::setReaders);
    QObject::connect(monitor, &ReaderMonitor::readersChanged, &notifier, &TrayNotifier::setReaders);
    QObject::connect(monitor, &ReaderMonitor::serviceStateChanged, &window, &MainWindow::setServiceState);
    // Module isolation (docs/ISOLATION.md): on unless --in-process or Settings say otherwise.
    if (parser.isSet(inProcessOption) || !Settings::instance().value(Settings::Key::IsolateModules).toBool()) {
        ModuleHost::setPolicy(ModuleHost::Policy::Off);
    }
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
    if (!file.isEmpty()) {
        window.openFile(file);
    }
    const int rc = signalled ? 0 : app.exec();
    services.stop();
    return rc;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication::setApplicationName(QStringLiteral("tokendesk"));
    QCoreApplication::setOrganizationName(QStringLiteral("TokenDesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TOKENDESK_VERSION));
    QApplication app(argc, argv);
    QApplication::setApplicationDisplayName(QStringLiteral("TokenDesk"));
    QApplication::setDesktopFileName(QStringLiteral("org.tokendesk.TokenDesk"));
    // Settings ▸ Language, else the system's: before the first text, as the window sets its texts
    // once (LanguageMenu says a new choice applies at the next start).
    Language::install(app);
    // `tokendesk FILE` (the desktop file's Exec, so a double click on a .p12 or a certificate): the
    // window with the import wizard or the certificate on it (MainWindow::openFile), which say why
    // when the file cannot be read. QApplication has taken its own options (-platform ...) out of
    // argv by now; the window's own (--module=PATH) are no file. The name keeps its bytes (FileName).
    const bool fileGiven = argc == 2 && argv[1][0] != '-';
    return runGui(app, fileGiven ? FileName::fromBytes(QByteArray(argv[1])) : QString());
}
