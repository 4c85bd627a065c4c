#include "ReaderDrivers.h"

#include "backend/common/AtomicFile.h"
#include "backend/common/Logging.h"

#include <QByteArrayView>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <cstring>
#include <optional>
#include <vector>

namespace tokendesk {

namespace {

struct PlistDict
{
    QHash<QString, QString> strings;
    QHash<QString, int> arraySizes;
    QHash<QString, QString> firstOfArray;
};

/// The few rules of XML an Info.plist uses: elements, text, comments, the declaration and the
/// doctype, CDATA, the five entities and character references. QXmlStreamReader took 11 million
/// instructions (3 ms) on CCID's 58 KB list, most of a `report`'s start with no module. Refuses
/// what QXmlStreamReader refused: an element left open or closed out of turn, a bad reference.
class PlistScanner
{
public:
    PlistScanner(QByteArrayView data, ReaderDrivers::Scan scan)
        : m_data(data), m_fast(scan == ReaderDrivers::Scan::Fast)
    {}

    /// The top-level <dict>: string values, and the size and first element of array values (the
    /// ifd* keys are arrays, one per reader).
    bool read(PlistDict& dict)
    {
        qsizetype at = 0;
        while (at < m_data.size()) {
            const qsizetype open = find('<', at, m_data.size());
            const qsizetype textEnd = open < 0 ? m_data.size() : open;
            if (textEnd > at && !text(m_data.sliced(at, textEnd - at))) {
                return false;
            }
            if (open < 0) {
                break;
            }
            at = arrayString(open);
            if (at < 0) {
                at = markup(open, dict);
            }
            if (at < 0) {
                return false;
            }
        }
        return m_sawDict && m_open.empty();
    }

private:
    /// Past a plain `<string>…</string>` after the first in the array being counted, with no
    /// markup or reference inside: nothing there to check or keep but the count. CCID's list is
    /// three arrays of ~560 such strings, which the general path below took ~470 instructions
    /// each to read. -1: the general path reads what is at `open`.
    qsizetype arrayString(qsizetype open)
    {
        static constexpr QByteArrayView kOpen("<string>");
        static constexpr QByteArrayView kClose("</string>");
        if (!m_fast || m_arrayLevel == 0 || m_arrayCount == 0 || qsizetype(m_open.size()) != m_arrayLevel ||
            !startsAt(open, kOpen)) {
            return -1;
        }
        const qsizetype content = open + kOpen.size();
        const qsizetype close = find('<', content, m_data.size());
        if (close < 0 || !startsAt(close, kClose) || find('&', content, close) >= 0) {
            return -1;
        }
        ++m_arrayCount;
        return close + kClose.size();
    }

    /// The first `c` in [from, to), or -1: memchr, without QByteArrayView::indexOf's call into Qt.
    qsizetype find(char c, qsizetype from, qsizetype to) const
    {
        const void* hit = from < to ? std::memchr(m_data.data() + from, c, size_t(to - from)) : nullptr;
        return hit ? static_cast<const char*>(hit) - m_data.data() : -1;
    }

    bool startsAt(qsizetype pos, QByteArrayView what) const
    {
        return m_data.size() - pos >= what.size() &&
               std::memcmp(m_data.data() + pos, what.data(), size_t(what.size())) == 0;
    }

    /// Past the markup at `open`; -1 when it is malformed.
    qsizetype markup(qsizetype open, PlistDict& dict)
    {
        const char kind = open + 1 < m_data.size() ? m_data.at(open + 1) : '\0';
        if (kind == '!' || kind == '?') {
            const QByteArrayView rest = m_data.sliced(open);
            if (rest.startsWith("<!--")) {
                return past(open, "-->");
            }
            if (rest.startsWith("<![CDATA[")) {
                const qsizetype close = m_data.indexOf("]]>", open + 9);
                if (close < 0) {
                    return -1;
                }
                if (m_capturing) {
                    m_text += m_data.sliced(open + 9, close - open - 9);
                }
                return close + 3;
            }
            if (kind == '?') {
                return past(open, "?>");
            }
            const qsizetype bracket = rest.indexOf('[');
            return bracket >= 0 && bracket < rest.indexOf('>') ? past(open, "]>") : past(open, ">");
        }
        qsizetype close = find('>', open, m_data.size());
        if (close < 0) {
            return -1;
        }
        const QByteArrayView candidate = m_data.sliced(open, close - open);
        if (candidate.contains('"') || candidate.contains('\'')) {
            // A '>' inside a quoted attribute value does not end the tag.
            char quote = 0;
            for (close = open + 1; close < m_data.size(); ++close) {
                const char c = m_data.at(close);
                if (quote) {
                    quote = c == quote ? 0 : quote;
                } else if (c == '"' || c == '\'') {
                    quote = c;
                } else if (c == '>') {
                    break;
                }
            }
            if (close >= m_data.size()) {
                return -1;
            }
        }
        QByteArrayView tag = m_data.sliced(open + 1, close - open - 1);
        if (tag.startsWith('/')) {
            return end(tag.sliced(1).trimmed(), dict) ? close + 1 : -1;
        }
        const bool empty = tag.endsWith('/');
        if (empty) {
            tag.chop(1);
        }
        qsizetype nameEnd = 0;
        while (nameEnd < tag.size() && !QChar::isSpace(uchar(tag.at(nameEnd)))) {
            ++nameEnd;
        }
        const QByteArrayView name = tag.first(nameEnd);
        if (name.isEmpty()) {
            return -1;
        }
        start(name);
        return !empty || end(name, dict) ? close + 1 : -1;
    }

    qsizetype past(qsizetype open, const char* terminator)
    {
        const qsizetype close = m_data.indexOf(terminator, open);
        return close < 0 ? -1 : close + qsizetype(qstrlen(terminator));
    }

    void start(QByteArrayView name)
    {
        m_open.push_back(name);
        const qsizetype level = qsizetype(m_open.size());
        if (m_arrayLevel > 0) {
            if (level == m_arrayLevel + 1 && m_arrayCount++ == 0) {
                capture(Capture::FirstOfArray);
            }
        } else if (name == "dict") {
            ++m_depth;
            m_sawDict = true;
        } else if (m_depth == 1 && name == "key") {
            capture(Capture::Key);
        } else if (m_depth == 1 && name == "string" && !m_key.isEmpty()) {
            capture(Capture::String);
        } else if (m_depth == 1 && name == "array" && !m_key.isEmpty()) {
            m_arrayLevel = level;
            m_arrayCount = 0;
        }
    }

    bool end(QByteArrayView name, PlistDict& dict)
    {
        if (m_open.empty() || m_open.back() != name) {
            return false;
        }
        const qsizetype level = qsizetype(m_open.size());
        m_open.pop_back();
        if (m_capturing && level == m_captureLevel) {
            const QString value = QString::fromUtf8(m_text);
            switch (m_capture) {
            case Capture::Key:
                m_key = value;
                break;
            case Capture::String:
                dict.strings.insert(m_key, value.trimmed());
                m_key.clear();
                break;
            case Capture::FirstOfArray:
                dict.firstOfArray.insert(m_key, value.trimmed());
                break;
            }
            m_capturing = false;
        }
        if (m_arrayLevel > 0) {
            if (level == m_arrayLevel) {
                dict.arraySizes.insert(m_key, m_arrayCount);
                m_key.clear();
                m_arrayLevel = 0;
            }
        } else if (name == "dict") {
            --m_depth;
        }
        return true;
    }

    enum class Capture
    {
        Key,
        String,
        FirstOfArray
    };

    void capture(Capture what)
    {
        m_capture = what;
        m_capturing = true;
        m_captureLevel = qsizetype(m_open.size());
        m_text.clear();
    }

    /// Character data: kept while capturing, its references resolved; false for a bad reference.
    bool text(QByteArrayView chars)
    {
        qsizetype at = 0;
        while (at < chars.size()) {
            const qsizetype amp = chars.indexOf('&', at);
            if (m_capturing) {
                m_text += chars.sliced(at, (amp < 0 ? chars.size() : amp) - at);
            }
            if (amp < 0) {
                break;
            }
            const qsizetype semicolon = chars.indexOf(';', amp);
            if (semicolon < 0) {
                return false;
            }
            const QByteArrayView ref = chars.sliced(amp + 1, semicolon - amp - 1);
            QByteArray resolved;
            if (ref == "amp") {
                resolved = "&";
            } else if (ref == "lt") {
                resolved = "<";
            } else if (ref == "gt") {
                resolved = ">";
            } else if (ref == "quot") {
                resolved = "\"";
            } else if (ref == "apos") {
                resolved = "'";
            } else if (ref.startsWith('#')) {
                bool ok = false;
                const bool hex = ref.size() > 1 && (ref.at(1) == 'x' || ref.at(1) == 'X');
                const uint code = ref.sliced(hex ? 2 : 1).toByteArray().toUInt(&ok, hex ? 16 : 10);
                if (!ok || code == 0 || code > 0x10FFFF) {
                    return false;
                }
                const char32_t c = code;
                resolved = QString::fromUcs4(&c, 1).toUtf8();
            } else {
                return false;
            }
            if (m_capturing) {
                m_text += resolved;
            }
            at = semicolon + 1;
        }
        return true;
    }

    QByteArrayView m_data;
    bool m_fast = true;                 ///< the reader arrays' fast path (arrayString) taken
    std::vector<QByteArrayView> m_open; ///< the elements open, outermost first
    int m_depth = 0;                    ///< dicts open: only the top level is read
    bool m_sawDict = false;
    QString m_key;
    qsizetype m_arrayLevel = 0; ///< the level of the top-level array being counted; 0: none
    int m_arrayCount = 0;
    bool m_capturing = false;
    Capture m_capture = Capture::Key;
    qsizetype m_captureLevel = 0;
    QByteArray m_text;
};

/// A regular file's bytes (links followed), at most ReaderDrivers::kMaxFileBytes of them; nothing
/// for anything else. AtomicFile::read opens without blocking (a FIFO without a writer) and refuses
/// what fstat does not call a regular file, so a device or FIFO is never read.
std::optional<QByteArray> readSmallFile(const QString& path)
{
    auto bytes = AtomicFile::read(path);
    if (!bytes || bytes.value().size() > ReaderDrivers::kMaxFileBytes) {
        return std::nullopt;
    }
    return std::move(bytes).value();
}

/// A path with a NUL names no file (and Qt would warn "Broken filename passed to function").
bool libraryExists(const QString& path)
{
    return !path.contains(QChar(0)) && QFileInfo::exists(path);
}

QString value(const PlistDict& dict, const QString& key)
{
    return dict.strings.value(key, dict.firstOfArray.value(key));
}

} // namespace

QString ReaderDrivers::defaultBundleDir()
{
    return QStringLiteral(TOKENDESK_PCSC_USBDROPDIR);
}

QString ReaderDrivers::defaultSerialConfDir()
{
    return QStringLiteral(TOKENDESK_PCSC_SERIALCONFDIR);
}

QList<ReaderDriver> ReaderDrivers::scan(const QString& bundleDir, const QString& serialConfDir)
{
    QList<ReaderDriver> drivers;
    const QDir bundles(bundleDir);
    // Filtered here: a name filter is a wildcard QRegularExpression, compiled for this one call.
    const auto bundleNames = bundles.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QString& name : bundleNames) {
        // As pcscd chooses them: any name with ".bundle" in it (strstr), "x.bundle.old" too.
        if (name.contains(QLatin1String(".bundle"))) {
            drivers << readBundle(bundles.filePath(name));
        }
    }
    const QDir conf(serialConfDir);
    const auto confNames = conf.entryList(QDir::Files, QDir::Name);
    for (const QString& name : confNames) {
        drivers << readSerialConf(conf.filePath(name));
    }
    return drivers;
}

ReaderDriver ReaderDrivers::readBundle(const QString& bundlePath)
{
    const auto plist = readSmallFile(bundlePath + QStringLiteral("/Contents/Info.plist"));
    // No bytes (a null view) is an unreadable list.
    const ReaderDriver driver = readInfo(bundlePath, plist ? QByteArrayView(*plist) : QByteArrayView());
    if (driver.problem == ReaderDriver::Problem::UnreadableInfo) {
        qCWarning(lcPcsc) << "unreadable Info.plist in" << bundlePath;
    }
    return driver;
}

ReaderDriver ReaderDrivers::readInfo(const QString& bundlePath, QByteArrayView plist, Scan scan)
{
    ReaderDriver driver;
    driver.kind = ReaderDriver::Kind::Bundle;
    driver.path = bundlePath;
    PlistDict dict;
    if (plist.isNull() || !PlistScanner(plist, scan).read(dict)) {
        driver.id = QFileInfo(bundlePath).completeBaseName();
        driver.problem = ReaderDriver::Problem::UnreadableInfo;
        return driver;
    }
    driver.id = value(dict, QStringLiteral("CFBundleIdentifier"));
    driver.version = value(dict, QStringLiteral("CFBundleShortVersionString"));
    if (driver.version.isEmpty()) {
        driver.version = value(dict, QStringLiteral("CFBundleVersion"));
    }
    driver.product = value(dict, QStringLiteral("ifdProductString"));
    driver.manufacturer = value(dict, QStringLiteral("ifdManufacturerString"));
    driver.supportedReaders = dict.arraySizes.value(QStringLiteral("ifdVendorID"));
    const QString executable = value(dict, QStringLiteral("CFBundleExecutable"));
    // pcsc-lite loads Contents/<platform>/<CFBundleExecutable>; Linux is the platform here.
    driver.library = bundlePath + QStringLiteral("/Contents/Linux/") + executable;
    if (executable.isEmpty() || !libraryExists(driver.library)) {
        driver.problem = ReaderDriver::Problem::MissingLibrary;
    }
    return driver;
}

QList<ReaderDriver> ReaderDrivers::readSerialConf(const QString& confPath)
{
    QList<ReaderDriver> drivers;
    const auto conf = readSmallFile(confPath);
    if (!conf) {
        return drivers;
    }
    // reader.conf: FRIENDLYNAME starts an entry; DEVICENAME, LIBPATH, CHANNELID complete it.
    // Values may be quoted; '#' starts a comment.
    for (const QByteArray& raw : conf->split('\n')) {
        QString line = QString::fromUtf8(raw); // a '\r' before the '\n' goes with trimmed()
        const int hash = line.indexOf(QLatin1Char('#'));
        if (hash >= 0) {
            line.truncate(hash);
        }
        line = line.trimmed();
        // The first white space (a regex here was compiled again for every line).
        qsizetype space = 0;
        while (space < line.size() && !line.at(space).isSpace()) {
            ++space;
        }
        if (space == line.size()) {
            continue;
        }
        const QString key = line.left(space).toUpper();
        QString val = line.mid(space).trimmed();
        if (val.size() >= 2 && val.startsWith(QLatin1Char('"')) && val.endsWith(QLatin1Char('"'))) {
            val = val.mid(1, val.size() - 2);
        }
        if (key == QLatin1String("FRIENDLYNAME")) {
            ReaderDriver d;
            d.kind = ReaderDriver::Kind::Serial;
            d.path = confPath;
            d.id = val;
            drivers << d;
        } else if (drivers.isEmpty()) {
            continue;
        } else if (key == QLatin1String("DEVICENAME")) {
            drivers.last().device = val;
        } else if (key == QLatin1String("LIBPATH")) {
            drivers.last().library = val;
            drivers.last().problem =
                libraryExists(val) ? ReaderDriver::Problem::None : ReaderDriver::Problem::MissingLibrary;
        } else if (key == QLatin1String("CHANNELID")) {
            bool ok = false;
            const quint32 channel = val.toUInt(&ok, 0);
            drivers.last().channelId = ok ? channel : 0;
        }
    }
    return drivers;
}

} // namespace tokendesk
