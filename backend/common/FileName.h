#pragma once

#include <QByteArray>
#include <QString>

namespace tokendesk {

/// File names on Linux are bytes, not text: "caf\xE9.pem" from a Latin-1 disk is a name as good as
/// any. Qt's QFile::decodeName turns such bytes into U+FFFD and cannot give them back, so a path
/// that passes through a QString names another file. FileName holds any bytes in a QString without
/// loss, as Python does (PEP 383, "surrogateescape"): valid UTF-8 is decoded, every other byte
/// becomes the lone surrogate U+DC80 + byte, and toBytes() reverses exactly that.
///
/// Every path TokenDesk takes from the command line goes through fromBytes(); every system call on
/// a path gets toBytes(). PrintableText shows the escaped bytes as \xNN.
class FileName
{
public:
    [[nodiscard]] static QString fromBytes(const QByteArray& bytes);
    [[nodiscard]] static QByteArray toBytes(const QString& name);
    /// The byte a lone surrogate of fromBytes() stands for, or -1.
    [[nodiscard]] static int escapedByte(char16_t unit);
};

} // namespace tokendesk
