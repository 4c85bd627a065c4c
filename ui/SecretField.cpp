#include "SecretField.h"

#include <QLineEdit>
#include <QPointer>
#include <QValidator>
#include <openssl/crypto.h>

namespace tokendesk {

namespace {
constexpr qsizetype kReserved = 512; // characters: more than any PIN, PUK or password typed here
}

void SecretField::prepare(QLineEdit* field)
{
    field->setEchoMode(QLineEdit::Password);
    field->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText |
                               Qt::ImhNoAutoUppercase);
    field->setContextMenuPolicy(Qt::NoContextMenu); // no "Copy" of a secret to the clipboard
    // The same as after a wipe: the history's vector grown to kHistorySlots (it keeps its capacity,
    // so keystrokes never move it and free an unwiped copy), the text's buffer reserved.
    wipe(field);
}

SecureBytes SecretField::copy(const QLineEdit* field)
{
    QByteArray utf8 = field->text().toUtf8();
    return SecureBytes::take(utf8);
}

SecureBytes SecretField::take(QLineEdit* field)
{
    SecureBytes secret = copy(field);
    wipe(field);
    return secret;
}

void SecretField::wipe(QLineEdit* field)
{
    if (!field) {
        return;
    }
    {
        // text() shares the widget's buffer: overwrite it in place, not a detached copy.
        const QString shared = field->text();
        if (!shared.isEmpty()) {
            OPENSSL_cleanse(const_cast<QChar*>(shared.constData()), size_t(shared.size()) * sizeof(QChar));
        }
    }
    // setText() empties the undo history without overwriting it; inserting a harmless character per
    // slot overwrites every command, then setText() empties it again. Nobody sees these edits.
    const QPointer<const QValidator> validator = field->validator();
    const int maxLength = field->maxLength();
    const bool blocked = field->blockSignals(true);
    field->setValidator(nullptr);
    field->setMaxLength(32767);
    field->setText(QString());
    field->insert(QString(kHistorySlots, QLatin1Char('*')));
    field->setText(QString());
    field->setMaxLength(maxLength);
    field->setValidator(validator.data());
    field->blockSignals(blocked);
    QString buffer;
    buffer.reserve(kReserved);
    field->setText(buffer); // an empty text that owns a buffer with room for anything typed
}

QLineEdit* SecretField::create(const QString& objectName, QWidget* parent)
{
    auto* field = new QLineEdit(parent);
    field->setObjectName(objectName);
    prepare(field);
    return field;
}

} // namespace tokendesk
