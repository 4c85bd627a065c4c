#include "Scconf.h"

#include <cctype>

namespace tokendesk {

namespace {

struct Token
{
    enum class Type
    {
        Word, ///< a name, a value or a quoted string
        Punct,
        End,
    };
    Type type = Type::End;
    QString text;
    int line = 0;
};

class Lexer
{
public:
    explicit Lexer(const QByteArray& text) : m_text(text) {}

    /// False with `error` set for an unterminated string.
    bool next(Token* token, QString* error)
    {
        skipSpaceAndComments();
        token->line = m_line;
        if (m_pos >= m_text.size()) {
            token->type = Token::Type::End;
            token->text.clear();
            return true;
        }
        const char c = m_text.at(m_pos);
        if (c == '{' || c == '}' || c == '=' || c == ',' || c == ';') {
            ++m_pos;
            token->type = Token::Type::Punct;
            token->text = QString(QLatin1Char(c));
            return true;
        }
        token->type = Token::Type::Word;
        if (c == '"') {
            ++m_pos;
            QByteArray value;
            while (m_pos < m_text.size() && m_text.at(m_pos) != '"') {
                char ch = m_text.at(m_pos++);
                if (ch == '\\' && m_pos < m_text.size()) {
                    ch = m_text.at(m_pos++);
                }
                if (ch == '\n') {
                    ++m_line;
                }
                value.append(ch);
            }
            if (m_pos >= m_text.size()) {
                *error = QStringLiteral("unterminated string");
                return false;
            }
            ++m_pos;
            token->text = QString::fromUtf8(value);
            return true;
        }
        const qsizetype start = m_pos;
        while (m_pos < m_text.size()) {
            const char ch = m_text.at(m_pos);
            if (std::isspace(static_cast<unsigned char>(ch)) || ch == '{' || ch == '}' || ch == '=' || ch == ',' ||
                ch == ';' || ch == '#' || ch == '"') {
                break;
            }
            ++m_pos;
        }
        token->text = QString::fromUtf8(m_text.mid(start, m_pos - start));
        return true;
    }

private:
    void skipSpaceAndComments()
    {
        while (m_pos < m_text.size()) {
            const char c = m_text.at(m_pos);
            if (c == '\n') {
                ++m_line;
                ++m_pos;
            } else if (std::isspace(static_cast<unsigned char>(c))) {
                ++m_pos;
            } else if (c == '#') {
                while (m_pos < m_text.size() && m_text.at(m_pos) != '\n') {
                    ++m_pos;
                }
            } else {
                return;
            }
        }
    }

    const QByteArray& m_text;
    qsizetype m_pos = 0;
    int m_line = 1;
};

class Parser
{
public:
    Parser(const QByteArray& text, const QString& path) : m_lexer(text), m_path(path) {}

    Result<ScconfBlock, PairingError> run()
    {
        ScconfBlock root;
        if (!advance() || !parseItems(&root, 0)) {
            return m_error;
        }
        if (m_token.type != Token::Type::End) {
            return fail(QStringLiteral("unexpected \"%1\"").arg(m_token.text));
        }
        return root;
    }

private:
    // Deeper is not a configuration: a guard for the stack against "{{{{...".
    static constexpr int kMaxDepth = 32;

    bool advance()
    {
        QString error;
        if (!m_lexer.next(&m_token, &error)) {
            fail(error);
            return false;
        }
        return true;
    }

    PairingError fail(const QString& detail)
    {
        m_error = PairingError{PairingError::Code::ConfigInvalid, m_path, detail};
        m_error.line = m_token.line;
        return m_error;
    }

    bool isPunct(char c) const { return m_token.type == Token::Type::Punct && m_token.text == QLatin1Char(c); }

    /// Items up to "}" (depth > 0) or the end (depth 0).
    bool parseItems(ScconfBlock* block, int depth)
    {
        if (depth > kMaxDepth) {
            fail(QStringLiteral("blocks nested too deep"));
            return false;
        }
        for (;;) {
            if (m_token.type == Token::Type::End) {
                if (depth > 0) {
                    fail(QStringLiteral("a block is not closed"));
                    return false;
                }
                return true;
            }
            if (isPunct('}')) {
                if (depth == 0) {
                    fail(QStringLiteral("unexpected \"}\""));
                    return false;
                }
                return true;
            }
            if (m_token.type != Token::Type::Word) {
                fail(QStringLiteral("unexpected \"%1\"").arg(m_token.text));
                return false;
            }
            ScconfItem item;
            item.key = m_token.text;
            item.line = m_token.line;
            if (!advance()) {
                return false;
            }
            if (isPunct('=')) {
                if (!parseValues(&item)) {
                    return false;
                }
            } else {
                auto nested = std::make_shared<ScconfBlock>();
                nested->name = item.key;
                nested->line = item.line;
                while (m_token.type == Token::Type::Word) {
                    nested->names.append(m_token.text);
                    if (!advance()) {
                        return false;
                    }
                }
                if (!isPunct('{')) {
                    fail(QStringLiteral("expected \"=\" or \"{\" after \"%1\"").arg(item.key));
                    return false;
                }
                if (!advance() || !parseItems(nested.get(), depth + 1)) {
                    return false;
                }
                if (!advance()) { // the "}"
                    return false;
                }
                item.block = std::move(nested);
            }
            block->items.append(std::move(item));
        }
    }

    /// After "=": values separated by "," up to ";".
    bool parseValues(ScconfItem* item)
    {
        if (!advance()) {
            return false;
        }
        for (;;) {
            if (m_token.type != Token::Type::Word) {
                fail(QStringLiteral("expected a value for \"%1\"").arg(item->key));
                return false;
            }
            item->values.append(m_token.text);
            if (!advance()) {
                return false;
            }
            if (isPunct(';')) {
                return advance();
            }
            if (!isPunct(',')) {
                fail(QStringLiteral("expected \";\" after the value of \"%1\"").arg(item->key));
                return false;
            }
            if (!advance()) {
                return false;
            }
        }
    }

    Lexer m_lexer;
    QString m_path;
    Token m_token;
    PairingError m_error;
};

} // namespace

QStringList ScconfBlock::values(const QString& key) const
{
    for (const ScconfItem& item : items) {
        if (!item.block && item.key == key) {
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
        if (item.block && item.key == blockName && (first.isEmpty() || item.block->names.value(0) == first)) {
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
