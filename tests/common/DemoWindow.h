// A main window filled as the demo fills it, without pcscd or a token: two readers (one with a
// card), three cards' tokens (an identity valid for a year, one expiring in 10 days behind a PIN
// with a wrong try, one with a locked PIN), a virtual token, and a pairing of the first identity
// in a digest mapping file of its own. For tests that walk every page (tst_accessibility) and for
// screenshots in a dark palette or at 200 % (the status colours all show).
#pragma once

#include "ReaderFixtures.h"
#include "TokenFixtures.h"
#include "backend/common/Settings.h"
#include "models/PairingModel.h"
#include "models/ReaderModel.h"
#include "models/TokenTreeModel.h"
#include "ui/MainWindow.h"
#include "ui/commands/VirtualTokenJobs.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTreeView>
#include <memory>

class DemoWindow
{
    // First: the settings file outlives the window.
    QTemporaryDir m_dir;
    TokenFixtures m_certs;
    QString m_error;

public:
    static inline const QString kCardReader = QStringLiteral("Demo Reader 00 00");
    static inline const QString kEmptyReader = QStringLiteral("Demo Reader 00 01");
    static inline const QString kModule = QStringLiteral("/usr/lib/demo/opensc-pkcs11.so");

    /// Settings go to a file of the fixture's own, set before the window reads them.
    DemoWindow()
    {
        using namespace tokendesk;
        Settings& settings = Settings::instance();
        settings.useFile(m_dir.filePath(QStringLiteral("tokendesk.ini")));
        const CertificateInfo work =
            m_certs.certificate(QStringLiteral("work"), QStringLiteral("/CN=Alice Example/O=TokenDesk Demo"), true);
        const CertificateInfo old = m_certs.certificate(
            QStringLiteral("old"), QStringLiteral("/CN=Alice Example (2024)/O=TokenDesk Demo"), true, 10);
        const CertificateInfo desk =
            m_certs.certificate(QStringLiteral("desk"), QStringLiteral("/CN=Desk Identity/O=TokenDesk Demo"), true);
        if (work.der.isEmpty() || old.der.isEmpty() || desk.der.isEmpty()) {
            m_error = QStringLiteral("openssl could not make the demo certificates");
            return;
        }
        // The first identity is paired with alice (pam_pkcs11's digest mapper: SHA-1).
        const QString mapping = m_dir.filePath(QStringLiteral("digest_mapping"));
        QFile file(mapping);
        if (!file.open(QIODevice::WriteOnly) ||
            file.write(CertificateInfo::colonHex(work.sha1).toLatin1() + " -> alice\n") <= 0) {
            m_error = QStringLiteral("cannot write ") + mapping;
            return;
        }
        file.close();
        settings.setValue(Settings::Key::PairingStores, QStringList{QStringLiteral("pam-digest:") + mapping});
        settings.setValue(Settings::Key::PamConfigPath, m_dir.filePath(QStringLiteral("no-pam_pkcs11.conf")));
        settings.setValue(Settings::Key::PairingAuditLog, m_dir.filePath(QStringLiteral("audit.log")));
        settings.setValue(Settings::Key::PairingPrompts, false);

        window = std::make_unique<MainWindow>(&readers);
        // The demo card's ATR with a wrong check byte: the card page shows an error row (alert colour).
        readers.setReaders(
            {makeReader(kCardReader, QByteArray::fromHex("3b888001544f4b454e4445530f")), makeReader(kEmptyReader)});

        workToken = TokenFixtures::token(kModule, QStringLiteral("0001"), QStringLiteral("Work Card"));
        workEntry = TokenFixtures::entry(workToken, work, "\x01", QStringLiteral("PIV Authentication"),
                                         CertificateEntry::KeyState::Present);
        window->setToken(TokenFixtures::contents(workToken, {workEntry}));
        TokenInfo oldToken = TokenFixtures::token(kModule, QStringLiteral("0002"), QStringLiteral("Old Card"));
        oldToken.userPin.countLow = true;
        window->setToken(TokenFixtures::contents(
            oldToken, {TokenFixtures::entry(oldToken, old, "\x02", QStringLiteral("Digital Signature"),
                                            CertificateEntry::KeyState::Present)}));
        TokenInfo lockedToken = TokenFixtures::token(kModule, QStringLiteral("0003"), QStringLiteral("Locked Card"));
        lockedToken.userPin.locked = true;
        window->setToken(TokenFixtures::contents(lockedToken, {}));
        // A virtual token: SoftHSM2's module, where TokenDesk looks for its own.
        const QString softhsm = VirtualTokenJobs::modulePath();
        if (!softhsm.isEmpty()) {
            TokenInfo deskToken = TokenFixtures::token(softhsm, QStringLiteral("5e1f"), QStringLiteral("Desk Token"));
            window->setToken(TokenFixtures::contents(
                deskToken, {TokenFixtures::entry(deskToken, desk, "\x03", QStringLiteral("Desk key"),
                                                 CertificateEntry::KeyState::Present)}));
        }
        window->pairings()->refresh();
        window->setServiceState(ReaderMonitor::ServiceState::Running);
        window->resize(1000, 640);
    }

    bool isValid() const { return m_error.isEmpty() && window; }
    QString errorString() const { return m_error; }

    /// Selects a row of ReaderModel, TokenTreeModel, IdentitiesModel or PairingModel.
    void select(const QModelIndex& source) { window->navigation()->setCurrentIndex(window->navigationIndex(source)); }

    /// `info` as a DER file in the fixture's folder, for dialogs that open files; empty on failure.
    QString writeCertificate(const QString& name, const tokendesk::CertificateInfo& info)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        return file.open(QIODevice::WriteOnly) && file.write(info.der) == info.der.size() ? path : QString();
    }

    tokendesk::ReaderModel readers;
    std::unique_ptr<tokendesk::MainWindow> window;
    tokendesk::TokenInfo workToken;        ///< the first card's token
    tokendesk::CertificateEntry workEntry; ///< its identity, paired with alice
};
