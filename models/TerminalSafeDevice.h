#pragma once

#include <QByteArray>
#include <QIODevice>
#include <cstdio>

namespace tokendesk {

/// The command line's stdout and stderr: text passes, but no byte a terminal would act on. C0
/// controls (but newline and tab), DEL and C1 controls (U+0080..U+009F, C2 80..C2 9F in UTF-8) are
/// written as escapes, as PrintableText writes them. The last guard for what a command prints from
/// tokens and files (a label, a certificate's subject): each writer escapes what it quotes, this
/// catches what one forgot. Raw bytes (`cert export -o -`) go to the descriptor, not through here.
class TerminalSafeDevice : public QIODevice
{
public:
    explicit TerminalSafeDevice(FILE* file, QObject* parent = nullptr);
    ~TerminalSafeDevice() override;

    bool isSequential() const override { return true; }
    /// The escaped form of `bytes`; `pending` carries a C2 byte that ended the previous piece.
    static QByteArray escape(const QByteArray& bytes, bool* pending);

protected:
    qint64 readData(char*, qint64) override { return -1; }
    qint64 writeData(const char* data, qint64 size) override;

private:
    FILE* m_file;
    bool m_pending = false; ///< the last byte written was a C2 held back
};

} // namespace tokendesk
