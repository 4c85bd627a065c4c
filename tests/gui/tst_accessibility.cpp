// Every window, page and dialog of TokenDesk, walked as a screen reader and a keyboard user meet
// them (tests/common/AccessibilityCheck.h): the main window with each row of its navigation
// selected (every details page, every tab of the certificate page), then each dialog of the
// table below, then the menus' and tool bar's actions. A finding fails the test and names the
// widget. The window is DemoWindow's (fixtures, no card or token needed); the status colours of
// a dark palette are checked for contrast and photographed (docs/screenshots/mainwindow-dark.png).
//
// To walk a new dialog, add one row to dialogCases(): a name and a function that makes the
// dialog (parented to the window, in the state to check); the test shows it, waits for it to be
// exposed, walks it and deletes it. A dialog whose controls change with its state gets one row
// per state. A QWizard's pages are each walked too.

#include "AccessibilityCheck.h"
#include "DemoWindow.h"
#include "Screenshot.h"
#include "backend/ldap/DirectoryOptions.h"
#include "models/IdentitiesModel.h"
#include "models/StatusPalette.h"
#include "ui/AboutDialog.h"
#include "ui/CertificateFileDialog.h"
#include "ui/CertificatePage.h"
#include "ui/DirectorySettingsDialog.h"
#include "ui/HelpActions.h"
#include "ui/ImportP12Wizard.h"
#include "ui/PairDialog.h"
#include "ui/PairingPromptDialog.h"
#include "ui/PinChangeDialog.h"
#include "ui/PinDialog.h"
#include "ui/ReportDialog.h"
#include "ui/StatusStyle.h"
#include "ui/TaskGuideDialog.h"
#include "ui/TokenPage.h"
#include "ui/VirtualTokenDialog.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenuBar>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStyleFactory>
#include <QTabWidget>
#include <QTest>
#include <QToolBar>
#include <QWizard>
#include <functional>

using namespace tokendesk;

namespace {

struct DialogCase
{
    const char* name;
    /// Makes the dialog, parented to `demo.window`; the test shows, walks and deletes it.
    std::function<QWidget*(DemoWindow& demo)> make;
};

TokenInfo demoToken(DemoWindow& demo)
{
    return demo.workToken;
}

PinRequest pinRequest(DemoWindow& demo)
{
    PinRequest request;
    request.token = demoToken(demo);
    request.purpose = PinRequest::Purpose::TestIdentity;
    request.subject = demo.workEntry.info->subject;
    request.triesLeft = 3;
    return request;
}

TokenPinStatus pinStatus(DemoWindow& demo)
{
    TokenPinStatus status;
    status.token = demoToken(demo);
    status.piv = true;
    status.minLength = 6;
    status.maxLength = 8;
    status.user.triesLeft = 3;
    status.so.triesLeft = 10;
    return status;
}

/// Every dialog TokenDesk opens, in each state that shows other controls. Add new dialogs here.
QList<DialogCase> dialogCases()
{
    using Mode = PinChangeDialog::Mode;
    return {
        {"PIN",
         [](DemoWindow& d) {
             return new PinDialog(pinRequest(d), false, d.window.get());
         }},
        {"PIN, final try",
         [](DemoWindow& d) {
             PinRequest request = pinRequest(d);
             request.finalTry = true;
             request.retry = true;
             request.triesLeft = 1;
             return new PinDialog(request, false, d.window.get());
         }},
        {"PIN on a PIN pad",
         [](DemoWindow& d) {
             return new PinDialog(pinRequest(d), true, d.window.get());
         }},
        {"change PIN",
         [](DemoWindow& d) {
             return new PinChangeDialog(pinStatus(d), Mode::ChangePin, d.window.get());
         }},
        {"change PUK, final try",
         [](DemoWindow& d) {
             TokenPinStatus status = pinStatus(d);
             status.so.triesLeft = 1;
             return new PinChangeDialog(status, Mode::ChangeSoPin, d.window.get());
         }},
        {"unblock PIN",
         [](DemoWindow& d) {
             return new PinChangeDialog(pinStatus(d), Mode::UnblockPin, d.window.get());
         }},
        {"change PIN on a PIN pad, final try",
         [](DemoWindow& d) {
             TokenPinStatus status = pinStatus(d);
             status.protectedPath = true;
             status.user.triesLeft = 1;
             return new PinChangeDialog(status, Mode::ChangePin, d.window.get());
         }},
        {"change PIN, locked",
         [](DemoWindow& d) {
             TokenPinStatus status = pinStatus(d);
             status.user.triesLeft = 0;
             return new PinChangeDialog(status, Mode::ChangePin, d.window.get());
         }},
        {"pair",
         [](DemoWindow& d) {
             PairingJobs::PairContext context;
             context.stores = {{QStringLiteral("pam-digest:/etc/pam_pkcs11/digest_mapping"), QStringLiteral("digest")}};
             context.fitness = {FitnessWarning::Expired, FitnessWarning::NoLoginUsage};
             auto* dialog = new PairDialog(*d.workEntry.info, context, {QStringLiteral("alice")}, d.window.get());
             dialog->setLogin(QStringLiteral("bob"));
             return dialog;
         }},
        {"pairing prompt",
         [](DemoWindow& d) {
             return new PairingPromptDialog(QStringLiteral("Work Card"), d.workEntry.info->subject,
                                            QStringLiteral("alice"), QStringLiteral("pam-digest:/tmp/x"),
                                            d.window.get());
         }},
        {"directory settings",
         [](DemoWindow& d) {
             return new DirectorySettingsDialog(QStringLiteral("ldap://127.0.0.1/dc=example"), DirectoryOptions{},
                                                nullptr, false, d.window.get());
         }},
        {"new virtual token",
         [](DemoWindow& d) {
             return new VirtualTokenDialog(VirtualTokenDialog::Mode::Create, QString(), 4, d.window.get());
         }},
        {"reset virtual token PIN",
         [](DemoWindow& d) {
             return new VirtualTokenDialog(VirtualTokenDialog::Mode::ResetPin, QStringLiteral("Desk Token"), 4,
                                           d.window.get());
         }},
        // Help (ui/HelpActions): made as the menu entries make them.
        {"about",
         [](DemoWindow& d) -> QWidget* {
             return d.window->findChild<HelpActions*>()->showAbout();
         }},
        {"task guide",
         [](DemoWindow& d) -> QWidget* {
             return d.window->findChild<HelpActions*>()->showGuide(QStringLiteral("pin"));
         }},
        {"report for the helpdesk",
         [](DemoWindow& d) -> QWidget* {
             return d.window->findChild<HelpActions*>()->showReport();
         }},
        {"import .p12 wizard",
         [](DemoWindow& d) {
             return new ImportP12Wizard(d.window.get());
         }},
        {"certificate file",
         [](DemoWindow& d) {
             auto* dialog = new CertificateFileDialog(d.window.get());
             QSignalSpy loaded(dialog, &CertificateFileDialog::loaded);
             dialog->openFile(d.writeCertificate(QStringLiteral("alice.der"), *d.workEntry.info));
             if (!loaded.wait(10000)) {
                 qWarning("the certificate file did not load");
             }
             return dialog;
         }},
    };
}

/// Every row of the navigation, depth first.
QModelIndexList allRows(const QAbstractItemModel* model, const QModelIndex& parent = {})
{
    QModelIndexList rows;
    for (int row = 0; row < model->rowCount(parent); ++row) {
        const QModelIndex index = model->index(row, 0, parent);
        rows << index;
        rows += allRows(model, index);
    }
    return rows;
}

QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x35, 0x35, 0x35));
    p.setColor(QPalette::WindowText, Qt::white);
    p.setColor(QPalette::Base, QColor(0x2a, 0x2a, 0x2a));
    p.setColor(QPalette::AlternateBase, QColor(0x42, 0x42, 0x42));
    p.setColor(QPalette::ToolTipBase, QColor(0x2a, 0x2a, 0x2a));
    p.setColor(QPalette::ToolTipText, Qt::white);
    p.setColor(QPalette::Text, Qt::white);
    p.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
    p.setColor(QPalette::ButtonText, Qt::white);
    p.setColor(QPalette::BrightText, Qt::red);
    p.setColor(QPalette::Link, QColor(0x8a, 0xb4, 0xf8));
    p.setColor(QPalette::Highlight, QColor(0x2a, 0x82, 0xda));
    p.setColor(QPalette::HighlightedText, Qt::black);
    p.setColor(QPalette::PlaceholderText, QColor(0xa0, 0xa0, 0xa0));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x80, 0x80, 0x80));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x80, 0x80, 0x80));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x80, 0x80, 0x80));
    return p;
}

} // namespace

class TestAccessibility : public QObject
{
    Q_OBJECT

    std::unique_ptr<DemoWindow> m_demo;

private Q_SLOTS:
    void initTestCase()
    {
        m_demo = std::make_unique<DemoWindow>();
        QVERIFY2(m_demo->isValid(), qPrintable(m_demo->errorString()));
        m_demo->window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_demo->window.get()));
        QTRY_VERIFY_WITH_TIMEOUT(m_demo->window->pairings()->rowCount() > 0, 10000);
    }

    void cleanupTestCase() { m_demo.reset(); }

    void walkerFindsAnUnnamedControl()
    {
        // The check itself: a line edit nobody labelled is a finding, a buddy label names it.
        QWidget form;
        form.setWindowTitle(QStringLiteral("Form"));
        auto* field = new QLineEdit(&form);
        field->setObjectName(QStringLiteral("unnamed"));
        form.show();
        const QStringList findings = a11ycheck::unnamedControls(&form);
        QCOMPARE(findings.size(), 1);
        QVERIFY2(findings.constFirst().contains(QStringLiteral("'unnamed'")), qPrintable(findings.constFirst()));
        auto* label = new QLabel(QStringLiteral("&Login:"), &form);
        label->setBuddy(field);
        QCOMPARE(a11ycheck::unnamedControls(&form), QStringList());
    }

    void keyboardCheckFindsWhatIsMissing()
    {
        // The check itself: no mnemonic in a menu without one, a mnemonic twice, a shortcut twice.
        QMainWindow window;
        QMenu* plain = window.menuBar()->addMenu(QStringLiteral("File"));
        plain->addAction(QStringLiteral("&Open"));
        QMenu* edit = window.menuBar()->addMenu(QStringLiteral("&Edit"));
        edit->addAction(QStringLiteral("&Copy"));
        edit->addAction(QStringLiteral("&Cut"));
        edit->addAction(QStringLiteral("Paste"))->setShortcut(QKeySequence::Paste);
        window.addToolBar(QStringLiteral("Tools"))
            ->addAction(QStringLiteral("Also paste"))
            ->setShortcut(QKeySequence::Paste);
        const QStringList findings = a11ycheck::actionsWithoutKeyboardPath(&window);
        QCOMPARE(findings.size(), 3);
        QVERIFY2(findings.filter(QStringLiteral("no keyboard path: '&Open'")).size() == 1,
                 qPrintable(findings.join('\n')));
        QVERIFY2(findings.filter(QStringLiteral("mnemonic Alt+C twice")).size() == 1, qPrintable(findings.join('\n')));
        QVERIFY2(findings.filter(QStringLiteral("twice: 'Paste' and 'Also paste'")).size() +
                         findings.filter(QStringLiteral("twice: 'Also paste' and 'Paste'")).size() ==
                     1,
                 qPrintable(findings.join('\n')));
    }

    void everyPageOfTheMainWindow()
    {
        MainWindow* window = m_demo->window.get();
        QTreeView* navigation = window->navigation();
        navigation->expandAll();
        auto* pages = window->findChild<QStackedWidget*>();
        QStringList findings;
        QSet<QString> seen;
        const QModelIndexList rows = allRows(navigation->model());
        for (const QModelIndex& row : rows) {
            navigation->setCurrentIndex(row);
            QWidget* page = pages->currentWidget();
            seen.insert(page->objectName().isEmpty() ? QString::fromLatin1(page->metaObject()->className())
                                                     : page->objectName());
            auto* tabs = page->findChild<QTabWidget*>();
            for (int tab = 0; tab < (tabs ? tabs->count() : 1); ++tab) {
                if (tabs) {
                    tabs->setCurrentIndex(tab);
                }
                for (const QString& finding : a11ycheck::unnamedControls(window)) {
                    if (!findings.contains(finding)) {
                        findings << finding;
                    }
                }
            }
            if (tabs) {
                tabs->setCurrentIndex(0);
            }
        }
        // Each page was shown: readers, cards, tokens (a virtual one too), certificates, pairings, the roots.
        for (const char* name : {"readerPage", "cardPage", "tokenPage", "certificatePage", "pairingPage", "infoPage"}) {
            QVERIFY2(seen.contains(QLatin1String(name)), qPrintable(QStringList(seen.values()).join(QLatin1Char(' '))));
        }
        QVERIFY2(findings.isEmpty(), qPrintable(findings.join(QLatin1Char('\n'))));

        // Tab follows the layout: the search field, the navigation below it, then the page on the right.
        m_demo->select(window->identities()->index(0, 0));
        const auto nextStop = [](QWidget* from) {
            QWidget* w = from->nextInFocusChain();
            while (w != from && !(w->isVisible() && w->isEnabled() && (w->focusPolicy() & Qt::TabFocus))) {
                w = w->nextInFocusChain();
            }
            return w;
        };
        QCOMPARE(nextStop(window->searchField()), navigation);
        QVERIFY2(pages->isAncestorOf(nextStop(navigation)), qPrintable(a11ycheck::describe(nextStop(navigation))));
    }

    void dialogs_data()
    {
        QTest::addColumn<int>("index");
        const QList<DialogCase> cases = dialogCases();
        for (int i = 0; i < cases.size(); ++i) {
            QTest::newRow(cases.at(i).name) << i;
        }
    }

    void dialogs()
    {
        QFETCH(int, index);
        std::unique_ptr<QWidget> dialog(dialogCases().at(index).make(*m_demo));
        dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(dialog.get()));
        QStringList findings = a11ycheck::unnamedControls(dialog.get());
        findings += a11ycheck::tabOrderAgainstLayout(dialog.get());
        if (auto* wizard = qobject_cast<QWizard*>(dialog.get())) {
            // Each page, beside the wizard's buttons it shows with.
            const QList<int> ids = wizard->pageIds();
            for (int id : ids) {
                QWizardPage* page = wizard->page(id);
                findings += a11ycheck::unnamedControls(page);
                QStringList buttons{wizard->buttonText(QWizard::BackButton)};
                buttons << (page->isCommitPage()  ? page->buttonText(QWizard::CommitButton)
                            : page->isFinalPage() ? wizard->buttonText(QWizard::FinishButton)
                                                  : wizard->buttonText(QWizard::NextButton));
                findings += a11ycheck::missingMnemonics(page, buttons);
            }
        } else {
            findings += a11ycheck::missingMnemonics(dialog.get());
        }
        QVERIFY2(findings.isEmpty(), qPrintable(findings.join(QLatin1Char('\n'))));
    }

    void everyActionHasAKeyboardPath()
    {
        // Enabled or not: a disabled action becomes enabled with another selection.
        const QStringList findings = a11ycheck::actionsWithoutKeyboardPath(m_demo->window.get());
        QVERIFY2(findings.isEmpty(), qPrintable(findings.join(QLatin1Char('\n'))));
    }

    void statusColoursInADarkPalette()
    {
        const QPalette light = QApplication::palette();
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(darkPalette());
        const QPalette dark = QApplication::palette();
        QVERIFY(StatusPalette::isDark(dark));
        QVERIFY(!StatusPalette::isDark(light));
        using S = StatusPalette::Status;
        for (S status : {S::Good, S::Warning, S::Bad, S::Neutral, S::Alert}) {
            for (QPalette::ColorRole role : {QPalette::Base, QPalette::Window}) {
                const QColor colour = StatusPalette::color(status, dark);
                const double ratio = StatusPalette::contrast(colour, dark.color(role));
                QVERIFY2(ratio >= 3.0,
                         qPrintable(QStringLiteral("%1 on %2: %3").arg(colour.name()).arg(role).arg(ratio)));
            }
        }

        // The pages' status labels follow: the certificate's validity is drawn in the dark shade.
        MainWindow* window = m_demo->window.get();
        m_demo->select(window->identities()->index(0, 0));
        auto* validity = window->certificatePage()->findChild<QLabel*>(QStringLiteral("validity"));
        QVERIFY(StatusStyle::statusOf(validity).has_value());
        QTRY_VERIFY(
            validity->styleSheet().contains(StatusPalette::color(*StatusStyle::statusOf(validity), dark).name()));
        window->navigation()->expandAll();
        screenshot::save(window, QStringLiteral("mainwindow-dark.png"));
        QApplication::setPalette(light);
        QTRY_VERIFY(
            validity->styleSheet().contains(StatusPalette::color(*StatusStyle::statusOf(validity), light).name()));
    }
};

QTEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"
