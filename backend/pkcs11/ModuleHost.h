#pragma once

#include <QString>
#include <chrono>
#include <optional>

// CK_FUNCTION_LIST of <p11-kit/pkcs11.h> (whose compatibility names make the tag _CK_FUNCTION_LIST).
struct _CK_FUNCTION_LIST;

namespace tokendesk {

/// Module isolation (docs/ISOLATION.md): a PKCS#11 module run in a child process of its own,
/// tokendesk-module-host, spoken to over p11-kit's RPC. p11-kit-client.so reads
/// P11_KIT_SERVER_ADDRESS each time its C_GetFunctionList runs and makes a new function list
/// for that address: "unix:path=SOCKET", where the host spawned before C_Initialize listens.
/// (Not p11-kit's "|COMMAND", which forks this threaded process and allocates before the exec:
/// a lock another thread held at the fork, the sanitizers' for one, hangs the child for good.)
/// A call whose child died returns CKR_DEVICE_ERROR, and so does every later call; a new host,
/// C_Finalize and C_Initialize start again.
class ModuleHost
{
public:
    /// Which modules run in a child process.
    enum class Policy
    {
        Off,     ///< none (`--in-process`, Settings, TOKENDESK_ISOLATE=0)
        Default, ///< every module but p11-kit's trust store, keyrings, NSS's softokn and SoftHSM2
        All,     ///< every module but the trust store, keyrings and NSS's softokn (TOKENDESK_ISOLATE=all)
    };
    /// What ModuleRegistry::Options starts from: setPolicy()'s, else TOKENDESK_ISOLATE
    /// ("0" Off, "all" All, anything else Default).
    static Policy policy();
    /// For this process (the command line's --in-process, the window's setting).
    static void setPolicy(Policy policy);
    /// Whether `policy` runs the module file `path` (not a trust store or keyring) in a child.
    static bool isolates(Policy policy, const QString& path);

    /// tokendesk-module-host: TOKENDESK_MODULE_HOST, else beside this program (a build folder,
    /// or libexec where the window runs), else in libexec/tokendesk from bin. Empty when none.
    static QString hostProgram();
    /// Whether `file` can be isolated: a file (a missing one fails in process, with the loader's
    /// message), the host and p11-kit-client.so installed, and a path p11-kit's command-line
    /// parser keeps as it is (no quote, no backslash).
    static bool canIsolate(const QString& file);

    /// p11_kit_module_load (managed) of p11-kit-client.so set to reach the host of `statusFile`
    /// (spawn()) at C_Initialize. Null on failure, with p11-kit's message.
    static _CK_FUNCTION_LIST* load(const QString& file, const QString& statusFile, QString* message);
    /// A new status file's name in this process's private folder (removed at exit).
    static QString newStatusFile();
    /// The socket the host of `statusFile` listens at.
    static QString socketPath(const QString& statusFile);

    /// A host started for `file` (posix_spawn), once it listens or has gone (`ready`), or once
    /// `timeout` has passed (not `ready`: it hangs loading the module). pid 0: not started.
    struct Spawned
    {
        qint64 pid = 0;
        bool ready = false;
        bool listening = false; ///< else it has ended (waited for): its status and exit say why
    };
    static Spawned spawn(const QString& file, const QString& statusFile, std::chrono::milliseconds timeout);
    /// Reaps the ended child `pid` (waitExit first); false when it has not ended.
    static bool reap(qint64 pid);

    /// What the child wrote to its status file.
    struct Status
    {
        qint64 pid = 0;      ///< the child's process id
        bool loaded = false; ///< the module file loaded
        QString error;       ///< why the module file did not load
        int signal = 0;      ///< the signal that ended the child in a module call
    };
    static Status readStatus(const QString& statusFile);

    /// How a child ended, read without reaping it (reap() does).
    struct Exit
    {
        int signal = 0;      ///< the signal that ended it; 0 when it exited
        int status = 0;      ///< its exit status when it exited
        bool reaped = false; ///< already reaped: how it ended is unknown here
    };
    /// Empty while `pid` runs.
    static std::optional<Exit> peekExit(qint64 pid);
    /// Waits up to `timeout` for `pid` to end, without reaping it; whether it ended.
    static bool waitExit(qint64 pid, std::chrono::milliseconds timeout);
};

} // namespace tokendesk
