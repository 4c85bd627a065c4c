#pragma once

#include <QByteArrayView>
#include <QList>
#include <QString>

namespace tokendesk {

/// A reader driver pcscd can load: an IFD handler bundle (USB readers) or a
/// serial driver entry of reader.conf.d (like vpcd's virtual readers). The
/// "Reader Drivers" section of macOS's system_profiler SPSmartCardsDataType.
struct ReaderDriver
{
    enum class Kind
    {
        Bundle,
        Serial
    };
    enum class Problem
    {
        None,
        UnreadableInfo, ///< Info.plist missing or not a property list
        MissingLibrary, ///< the shared object it names is not there
    };

    Kind kind = Kind::Bundle;
    QString id;      ///< bundle: CFBundleIdentifier; serial: FRIENDLYNAME
    QString version; ///< bundle: CFBundleShortVersionString
    QString path;    ///< bundle folder, or the reader.conf file
    QString library; ///< the IFD handler's shared object
    QString product; ///< bundle: ifdProductString
    QString manufacturer;
    QString device;           ///< serial: DEVICENAME
    quint32 channelId = 0;    ///< serial: CHANNELID (vpcd: its TCP port)
    int supportedReaders = 0; ///< bundle: number of vendor/product ids it claims
    Problem problem = Problem::None;

    bool operator==(const ReaderDriver& o) const
    {
        return kind == o.kind && id == o.id && version == o.version && path == o.path && library == o.library &&
               product == o.product && manufacturer == o.manufacturer && device == o.device &&
               channelId == o.channelId && supportedReaders == o.supportedReaders && problem == o.problem;
    }
};

/// Finds the installed reader drivers.
class ReaderDrivers
{
public:
    /// pcsc-lite's folders, as its pkg-config file names them.
    static QString defaultBundleDir();
    static QString defaultSerialConfDir();

    /// Bundles in `bundleDir`, then serial entries in `serialConfDir`, each sorted by path.
    /// A folder that cannot be read contributes nothing.
    static QList<ReaderDriver> scan(const QString& bundleDir = defaultBundleDir(),
                                    const QString& serialConfDir = defaultSerialConfDir());

    /// The bundle at `bundlePath`, from its Contents/Info.plist: UnreadableInfo when that is not a
    /// regular file (links followed) of at most kMaxFileBytes or not a property list.
    static ReaderDriver readBundle(const QString& bundlePath);
    /// How readInfo scans: with the fast path for the plain strings of the reader arrays, or
    /// without it (the fuzzer checks that both read every input alike).
    enum class Scan
    {
        Fast,
        General
    };
    /// The driver an Info.plist's bytes describe, for the bundle at `bundlePath` (where its
    /// library is looked for). readBundle's parser, for the fuzzer and the tests.
    static ReaderDriver readInfo(const QString& bundlePath, QByteArrayView plist, Scan scan = Scan::Fast);
    /// The entries of one reader.conf file (none when it is not a regular file of at most
    /// kMaxFileBytes).
    static QList<ReaderDriver> readSerialConf(const QString& confPath);

    /// Info.plist and reader.conf files are a few kB (CCID's list of 560 readers: 58 kB); a file
    /// larger than this is not one (a device or an endless file put there by mistake).
    static constexpr qint64 kMaxFileBytes = 4 * 1024 * 1024;
};

} // namespace tokendesk
