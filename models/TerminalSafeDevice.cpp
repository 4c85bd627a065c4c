#include "TerminalSafeDevice.h"

#include <algorithm>
#include <array>

namespace tokendesk {

namespace {
const char kHex[] = "0123456789ABCDEF";

/// The bytes that pass as they are: all but C0 controls (newline and tab pass), DEL, and C2, which
/// may start a C1 control.
constexpr std::array<bool, 256> kPasses = [] {
    std::array<bool, 256> passes{};
    for (int c = 0; c < 256; ++c) {
        passes[static_cast<size_t>(c)] = (c >= 0x20 && c != 0x7F && c != 0xC2) || c == '\n' || c == '\t';
    }
    return passes;
}();

bool passes(char c)
{
    return kPasses[static_cast<unsigned char>(c)];
}

void appendEscape(QByteArray& out, unsigned char c)
{
    if (c == 0x1B) {
        out += "\\e";
    } else if (c == '\r') {
        out += "\\r";
    } else {
        out += "\\x";
        out += kHex[c >> 4];
        out += kHex[c & 0xF];
    }
}
} // namespace

TerminalSafeDevice::TerminalSafeDevice(FILE* file, QObject* parent) : QIODevice(parent), m_file(file)
{
    open(QIODevice::WriteOnly | QIODevice::Unbuffered);
}

TerminalSafeDevice::~TerminalSafeDevice()
{
    if (m_pending) {
        std::fputc(0xC2, m_file); // a C2 at the very end is a broken sequence, not a control
    }
    std::fflush(m_file);
}

QByteArray TerminalSafeDevice::escape(const QByteArray& bytes, bool* pending)
{
    const char* data = bytes.constData();
    const qsizetype size = bytes.size();
    // The usual case, a report's JSON or text: every byte passes, and the bytes are not copied
    // (1,000 certificates' JSON is 1.5 MB).
    if (!*pending && std::all_of(data, data + size, passes)) {
        return bytes;
    }
    QByteArray out;
    out.reserve(size);
    // Runs of bytes that pass are copied whole.
    for (qsizetype i = 0; i < size;) {
        if (!*pending && passes(data[i])) {
            qsizetype end = i + 1;
            while (end < size && passes(data[end])) {
                ++end;
            }
            out.append(data + i, end - i);
            i = end;
            continue;
        }
        const char byte = data[i++];
        const auto c = static_cast<unsigned char>(byte);
        if (*pending) {
            *pending = false;
            if (c >= 0x80 && c <= 0x9F) {
                appendEscape(out, c); // U+0080..U+009F: C1 controls (CSI is U+009B)
                continue;
            }
            out += '\xC2';
        }
        if (c == 0xC2) {
            *pending = true;
        } else if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F) {
            appendEscape(out, c);
        } else {
            out += byte;
        }
    }
    return out;
}

qint64 TerminalSafeDevice::writeData(const char* data, qint64 size)
{
    const QByteArray safe = escape(QByteArray::fromRawData(data, static_cast<qsizetype>(size)), &m_pending);
    if (!safe.isEmpty() && std::fwrite(safe.constData(), 1, size_t(safe.size()), m_file) != size_t(safe.size())) {
        return -1;
    }
    std::fflush(m_file);
    return size;
}

} // namespace tokendesk
