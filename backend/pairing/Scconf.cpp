#include "Scconf.h"

#include <cstring>
#include <vector>

namespace tokendesk {

namespace {

// scconf's parser states (parse.c): a key was read, values are being read, the last word was taken.
constexpr int kName = 1;
constexpr int kValue = 2;
constexpr int kSet = 4;
// scconf has no limit; a configuration has three levels. Deeper is a mistake or an attack, and the
// blocks are freed recursively.
constexpr size_t kMaxDepth = 64;

class Parser
{
public:
    Parser(const QByteArray& text, const QString& path) : m_text(text), m_path(path) { m_stack.push_back(&m_root); }

    Result<ScconfBlock, PairingError> run()
    {
        while (m_pos < m_text.size() && !m_failed) {
            const char c = m_text.at(m_pos);
            if (c == '#') {
                eatUntil("\r\n");
            } else if (c == '\n') {
                ++m_line;
                ++m_pos;
            } else if (c == ' ' || c == '\t' || c == '\r') {
                ++m_pos;
            } else if (c == ',' || c == '{' || c == '}' || c == '=' || c == ';') {
                ++m_pos;
                punct(c);
            } else if (c == '"') {
                const qsizetype start = m_pos;
                ++m_pos;
                eatUntil("\"\r\n");
                if (m_pos < m_text.size() && m_text.at(m_pos) == '"') {
                    ++m_pos;
                    word(QString::fromUtf8(m_text.mid(start + 1, m_pos - start - 2)));
                } else {
                    // Unterminated: scconf keeps the quote (and warns).
                    word(QString::fromUtf8(m_text.mid(start, m_pos - start)));
                }
            } else {
                const qsizetype start = m_pos;
                eatUntil(";, \t\r\n");
                word(QString::fromUtf8(m_text.mid(start, m_pos - start)));
            }
        }
        if (m_failed) {
            return m_error;
        }
        return m_root;
    }

private:
    /// Up to one of `stops`. (scconf's lexer also ends a word at a NUL byte, strchr finding the
    /// terminator, and drops the byte; here the NUL stays part of the word. Neither is a name
    /// pam_pkcs11 would look up.)
    void eatUntil(const char* stops)
    {
        while (m_pos < m_text.size() && (m_text.at(m_pos) == '\0' || !std::strchr(stops, m_text.at(m_pos)))) {
            ++m_pos;
        }
    }

    void fail(const QString& detail)
    {
        m_failed = true;
        m_error = PairingError::make(PairingError::Code::ConfigInvalid, m_path, detail);
        m_error.line = m_line;
    }

    void reset()
    {
        m_state = 0;
        m_key.clear();
        m_names.clear();
        m_item = nullptr;
    }

    void word(const QString& text)
    {
        if ((m_state & (kValue | kSet)) == (kValue | kSet)) {
            reset(); // "foo = bar baz": scconf warns that ";" is missing and starts over
        }
        if (m_state == 0) {
            m_key = text;
            m_keyLine = m_line;
            m_state = kName;
        } else if (m_state == kName) {
            m_names.append(text);
            m_state |= kSet;
        } else if (m_state == kValue) {
            m_item->values.append(text);
            m_state |= kSet;
        } else {
            fail(QStringLiteral("\"%1\" not expected").arg(text));
        }
    }

    void punct(char c)
    {
        ScconfBlock* block = m_stack.back();
        switch (c) {
        case '{': {
            if (!(m_state & kName)) {
                fail(QStringLiteral("\"{\" not expected"));
                return;
            }
            if (m_stack.size() > kMaxDepth) {
                fail(QStringLiteral("blocks nested too deep"));
                return;
            }
            auto nested = std::make_shared<ScconfBlock>();
            nested->name = m_key;
            nested->names = m_names;
            nested->line = m_keyLine;
            ScconfItem item;
            item.key = m_key;
            item.line = m_keyLine;
            item.block = nested;
            block->items.append(std::move(item));
            m_stack.push_back(nested.get());
            reset();
            return;
        }
        case '}':
            if (m_state != 0) {
                if (!(m_state & kValue) || !(m_state & kSet)) {
                    fail(QStringLiteral("\"}\" not expected"));
                    return;
                }
                reset(); // "foo = bar }"
            }
            if (m_stack.size() == 1) {
                fail(QStringLiteral("missing matching \"{\""));
                return;
            }
            m_stack.pop_back();
            return;
        case ',':
            if (!(m_state & (kName | kValue))) {
                fail(QStringLiteral("\",\" not expected"));
                return;
            }
            m_state &= ~kSet;
            return;
        case '=': {
            if (!(m_state & kName)) {
                fail(QStringLiteral("\"=\" not expected"));
                return;
            }
            // scconf_item_add_internal: a key already in this block (any case) gets the new values
            // appended to its first item.
            m_item = nullptr;
            for (ScconfItem& existing : block->items) {
                if (!existing.block && existing.key.compare(m_key, Qt::CaseInsensitive) == 0) {
                    m_item = &existing;
                    break;
                }
            }
            if (!m_item) {
                ScconfItem item;
                item.key = m_key;
                item.line = m_keyLine;
                block->items.append(std::move(item));
                m_item = &block->items.last();
            }
            m_state = kValue;
            return;
        }
        default: // ';'
            reset();
            return;
        }
    }

    const QByteArray& m_text;
    QString m_path;
    qsizetype m_pos = 0;
    int m_line = 1;
    ScconfBlock m_root;
    std::vector<ScconfBlock*> m_stack;
    int m_state = 0;
    QString m_key;
    int m_keyLine = 0;
    QStringList m_names;
    ScconfItem* m_item = nullptr;
    bool m_failed = false;
    PairingError m_error;
};

} // namespace

QStringList ScconfBlock::values(const QString& key) const
{
    for (const ScconfItem& item : items) {
        if (!item.block && item.key.compare(key, Qt::CaseInsensitive) == 0) {
            return item.values;
        }
    }
    return {};
}

QString ScconfBlock::value(const QString& key, const QString& fallback) const
{
    const QStringList v = values(key);
    return v.isEmpty() ? fallback : v.first();
}

bool ScconfBlock::boolValue(const QString& key, bool fallback) const
{
    const QString v = value(key).toLower();
    if (v.isEmpty()) {
        return fallback;
    }
    // scconf_get_bool: true when the value starts with 't' or 'y', else false ("1" too).
    return v.startsWith(QLatin1Char('t')) || v.startsWith(QLatin1Char('y'));
}

QList<const ScconfBlock*> ScconfBlock::blocks(const QString& blockName, const QString& first) const
{
    QList<const ScconfBlock*> found;
    for (const ScconfItem& item : items) {
        // scconf_find_blocks compares without case, the block's name too.
        if (item.block && item.key.compare(blockName, Qt::CaseInsensitive) == 0 &&
            (first.isEmpty() ||
             (!item.block->names.isEmpty() && item.block->names.first().compare(first, Qt::CaseInsensitive) == 0))) {
            found.append(item.block.get());
        }
    }
    return found;
}

Result<ScconfBlock, PairingError> Scconf::parse(const QByteArray& text, const QString& path)
{
    return Parser(text, path).run();
}

} // namespace tokendesk
