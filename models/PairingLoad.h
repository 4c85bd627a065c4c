#pragma once

#include "PairingModel.h"

#include <QSet>
#include <atomic>
#include <functional>

namespace tokendesk {

/// One step of a load of every pairing store, as the worker hands it to PairingModel: the file
/// stores at once, then each directory page by page as its paged search delivers them, then the
/// end with what only the whole can tell.
struct PairingPart
{
    enum class Kind
    {
        Files,            ///< the rows of every file store (first, even when there are none)
        DirectoryStarted, ///< `directory` is being read now
        Page,             ///< a page of `directory`'s rows
        End,              ///< the load is over
    };
    Kind kind = Kind::End;
    QList<PairingRow> rows;     ///< Files, Page
    QString directory;          ///< DirectoryStarted, Page: its URL
    QList<PairingError> errors; ///< Files: the configuration's and file stores'; End: all of them
    QSet<int> expiring;         ///< End: rows, in load order, whose login's only certificate expires soon
    bool stopped = false;       ///< End: cancelled before every store was read
};

/// Reads every store a choice names, off the GUI thread, in the order the model shows them: the
/// file stores (each read whole, as they are small), then every directory with listPages(), so
/// that the first page is on screen while the next ones are on their way.
class PairingLoad
{
public:
    using Sink = std::function<void(PairingPart&& part)>;

    /// Blocking: `sink` gets Files, then per directory DirectoryStarted and its Pages, then End.
    /// `cancel` (may be null), once set, stops a directory's search at its next poll (Cancelled is
    /// then no error: End says stopped).
    static void run(const PairingSources::Choice& choice, const QList<CertificateInfo>& present, const QDateTime& now,
                    const std::atomic_bool* cancel, const Sink& sink);
    /// run() gathered into one snapshot (tests, and whoever wants it all at once).
    static PairingSnapshot all(const PairingSources::Choice& choice, const QList<CertificateInfo>& present,
                               const QDateTime& now);
    /// Whether `store` is a directory, read page by page after the files.
    static bool isDirectory(const PairingStore& store);
};

} // namespace tokendesk
