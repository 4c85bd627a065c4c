#pragma once

#include "backend/common/SecureBytes.h"

class QLineEdit;
class QString;
class QWidget;

namespace tokendesk {

/// Every PIN, PUK, SO PIN and password field goes through here, so that what was typed leaves no
/// copy in memory once it is taken or the dialog is cancelled.
///
/// A QLineEdit keeps the text in one QString and every keystroke in an undo history (a vector of
/// commands, one character each); clear() adds the removed characters to that history, and typing
/// into a full buffer reallocates it, freeing a copy of what was typed so far. So: the buffer is
/// reserved up front (typing never reallocates), taking wipes the widget's own buffer in place
/// through a copy that shares it, and then overwrites every slot of the history before leaving the
/// field empty with an empty history (tst_secretfield scans the process memory for the PIN).
class SecretField
{
public:
    /// Password echo, no input-method help, a reserved buffer. Call once, on an empty field.
    static void prepare(QLineEdit* field);
    /// A new field of `parent`, named `objectName` (for tests and accessibility), prepared.
    static QLineEdit* create(const QString& objectName, QWidget* parent);
    /// The text as UTF-8; the field keeps it (for checks while the user types).
    [[nodiscard]] static SecureBytes copy(const QLineEdit* field);
    /// The text as UTF-8; the field is left empty and wiped.
    [[nodiscard]] static SecureBytes take(QLineEdit* field);
    /// Empties the field and wipes its buffer and undo history (cancel, a failed try, destruction).
    static void wipe(QLineEdit* field);

    /// Undo commands overwritten by wipe(): more than any field sees typed (a PIN is at most 255).
    static constexpr int kHistorySlots = 2048;
};

} // namespace tokendesk
