#pragma once

#include "JsonFields.h"
#include "ReportOutline.h"
#include "SerialMask.h"
#include "backend/pairing/PairingIndex.h"
#include "backend/pcsc/PcscError.h"
#include "backend/pcsc/ReaderDrivers.h"
#include "backend/pcsc/ReaderFeatures.h"
#include "backend/pcsc/ReaderInfo.h"
#include "backend/pkcs11/ModuleRegistry.h"
#include "backend/pkcs11/TokenReader.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QTextStream>
#include <future>
#include <optional>

namespace tokendesk {

class SmartcardList;

/// What the system has, like system_profiler SPSmartCardsDataType: readers, reader drivers,
/// PKCS#11 modules, tokens and their certificates. Gathered once, then written as
/// `tokendesk report` writes it (JSON or text), by the command line or the window.
class SystemReport
{
public:
    struct Options
    {
        /// PKCS#11 modules besides p11-kit's (--module, TOKENDESK_MODULES).
        ModuleRegistry::Options modules;
        /// Also the tokens of trust stores and keyrings (p11-kit-trust, gnome-keyring), and
        /// uninitialized ones: --all-tokens.
        bool allTokens = false;
        /// Where certificates[].pairings[] come from (--store, --pam-config; else the settings').
        PairingSources::Choice pairings = PairingSources::fromSettings();
        /// The modules a report loads itself are finalized on another thread after gather()
        /// returns, while the report is written; the report waits for that when it goes. For a
        /// program that loads no module again meanwhile (the command line): p11-kit lowers a
        /// module's count before it calls C_Finalize, and a registry made in between would find
        /// the module initialized and then lose it.
        bool finalizeWhileWritten = false;
    };

    /// Reads everything (blocks: PC/SC and every module; call it off the GUI thread). With a
    /// `registry` (the window's), its modules are asked and options.modules is not used.
    /// `smartcardList` must outlive the report: the writers name cards from it.
    static SystemReport gather(const SmartcardList& smartcardList, const Options& options,
                               std::shared_ptr<const ModuleRegistry> registry = nullptr);

    /// The whole report; "error" when pcscd could not be asked. Without `certificates`,
    /// "certificates" is an empty array (ReportDocument streams them: certificateJson).
    QJsonObject toJson(const SerialMask& mask = SerialMask(), bool certificates = true) const;
    /// Every certificate of the report, in its order, with the token it is on.
    QList<QPair<const TokenInfo*, const CertificateEntry*>> certificateEntries() const;
    /// One element of "certificates" (its pairings included). Thread-safe.
    QJsonObject certificateJson(const TokenInfo& token, const CertificateEntry& entry,
                                const SerialMask& mask = SerialMask()) const;
    /// certificateJson()'s members, unsorted. Thread-safe.
    JsonFields certificateFields(const TokenInfo& token, const CertificateEntry& entry,
                                 const SerialMask& mask = SerialMask()) const;
    void printText(QTextStream& out, const SerialMask& mask = SerialMask()) const;
    /// The text's lines under their headings: printText's, and the HTML's (ReportDocument).
    ReportOutline outline(const SerialMask& mask = SerialMask()) const;
    /// The tokens' and certificates' serial numbers (for SerialMask::everywhere).
    QStringList serials() const;
    /// When it was gathered, ISO 8601 UTC ("generated" in the JSON, the text's first line).
    QString generated() const;
    /// Returns once the modules finalized while the report is written (finalizeWhileWritten)
    /// are released; at once when there are none. The report's destructor waits for them too.
    void waitForModules() const;
    /// The readers' part, when pcscd could not be asked: its error.
    const Result<ReaderList, PcscError>& readers() const { return m_readers; }

    /// `features`: the reader's part 10 features, when it told them.
    QJsonObject readerJson(const ReaderInfo& reader, const std::optional<ReaderFeatures>& features,
                           const SerialMask& mask = SerialMask()) const;
    static QJsonObject driverJson(const ReaderDriver& driver);
    void addReaderText(const ReaderInfo& reader, const SerialMask& mask, ReportOutline& out) const;
    static void addDriverText(const ReaderDriver& driver, ReportOutline& out);
    static QJsonObject moduleJson(const ModuleInfo& module);
    static QJsonObject tokenJson(const TokenInfo& token, const SerialMask& mask = SerialMask());
    static void addModuleText(const ModuleInfo& module, ReportOutline& out);
    static void addTokenText(const TokenInfo& token, const SerialMask& mask, ReportOutline& out);
    /// {"code", "message"}, as every "error" of the command line.
    static QJsonObject errorJson(const QString& code, const QString& message);

private:
    explicit SystemReport(const SmartcardList& smartcardList) : m_smartcardList(&smartcardList) {}

    const SmartcardList* m_smartcardList;
    Result<ReaderList, PcscError> m_readers = ReaderList{};
    QList<ReaderDriver> m_drivers;
    /// Part 10 features of the readers that answered (by reader name).
    QHash<QString, ReaderFeatures> m_features;
    ModuleList m_modules;
    /// Modules whose slot list failed; `detail` is the module's path.
    QList<Pkcs11Error> m_slotListErrors;
    /// Isolated modules whose process crashed or stopped answering (by path), at any call.
    QHash<QString, Pkcs11Error> m_hostFailures;
    TokenList m_tokens;
    QList<TokenContents> m_contents;
    PairingIndex m_pairings;
    QDateTime m_now;
    /// Options::finalizeWhileWritten: the modules the report loaded itself, finalized on another
    /// thread while the report is written (SoftHSM frees every object it read: ~5 ms for 1,000);
    /// the last copy of the report waits for it.
    std::shared_future<void> m_modulesReleased;
};

} // namespace tokendesk
