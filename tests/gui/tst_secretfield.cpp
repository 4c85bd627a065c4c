// SecretField in the PIN dialogs, offscreen: after a cancel or a take the field is empty and its
// undo history holds nothing, and the typed PIN is nowhere in the process's memory (every
// writable mapping read through /proc/self/mem). The PIN is typed key by key from a masked table,
// so the test itself never holds it; the scan compares against the masked bytes.

#include "ui/PinChangeDialog.h"
#include "ui/PinDialog.h"
#include "ui/SecretField.h"

#include <QFile>
#include <QLineEdit>
#include <QTest>
#include <fcntl.h>
#include <unistd.h>

using namespace tokendesk;

namespace {

constexpr unsigned char kMask = 0x5A;
// 8 digits, masked: the PIN is 7 3 9 1 4 6 8 2.
constexpr unsigned char kMaskedPin[] = {'7' ^ kMask, '3' ^ kMask, '9' ^ kMask, '1' ^ kMask,
                                        '4' ^ kMask, '6' ^ kMask, '8' ^ kMask, '2' ^ kMask};
constexpr int kPinLength = sizeof kMaskedPin;

void typePin(QLineEdit* field, int length = kPinLength)
{
    for (int i = 0; i < length; ++i) {
        const int digit = (kMaskedPin[i] ^ kMask) - '0';
        QTest::keyClick(field, static_cast<Qt::Key>(Qt::Key_0 + digit));
    }
}

/// Occurrences of the PIN's first `length` digits, as Latin-1/UTF-8 bytes and as UTF-16 (QString),
/// in every readable and writable private mapping of this process up to 512 MiB each.
int pinsInMemory(int length = kPinLength)
{
    QFile maps(QStringLiteral("/proc/self/maps"));
    if (!maps.open(QIODevice::ReadOnly | QIODevice::Text)) {
        return -1;
    }
    const int mem = ::open("/proc/self/mem", O_RDONLY | O_CLOEXEC);
    if (mem < 0) {
        return -1;
    }
    int hits = 0;
    QByteArray chunk(1 << 20, '\0');
    const auto matches = [length](const unsigned char* p, qsizetype left, int stride) {
        if (left < qsizetype(length) * stride) {
            return false;
        }
        for (int j = 0; j < length; ++j) {
            if ((p[j * stride] ^ kMask) != kMaskedPin[j] || (stride == 2 && p[j * 2 + 1] != 0)) {
                return false;
            }
        }
        return true;
    };
    const QList<QByteArray> lines = maps.readAll().split('\n');
    for (const QByteArray& line : lines) {
        const QList<QByteArray> fields = line.simplified().split(' ');
        if (fields.size() < 2 || !fields.at(1).startsWith("rw")) {
            continue;
        }
        const QList<QByteArray> range = fields.at(0).split('-');
        const quint64 start = range.value(0).toULongLong(nullptr, 16);
        const quint64 end = range.value(1).toULongLong(nullptr, 16);
        if (end <= start || end - start > (quint64(512) << 20)) {
            continue; // sanitizer shadow and reserved ranges, not data
        }
        for (quint64 at = start; at < end; at += quint64(chunk.size()) - 32) {
            const size_t want = size_t(qMin<quint64>(quint64(chunk.size()), end - at));
            const ssize_t got = ::pread(mem, chunk.data(), want, off_t(at));
            if (got <= 0) {
                break;
            }
            const auto* p = reinterpret_cast<const unsigned char*>(chunk.constData());
            const unsigned char first = kMaskedPin[0] ^ kMask;
            for (ssize_t i = 0; i < got; ++i) {
                if (p[i] == first) {
                    // A match that straddles two chunks is seen in the next one (they overlap).
                    hits += matches(p + i, got - i, 1) ? 1 : 0;
                    hits += matches(p + i, got - i, 2) ? 1 : 0;
                }
            }
            if (want < size_t(chunk.size())) {
                break;
            }
        }
    }
    ::close(mem);
    return hits;
}

PinRequest request()
{
    PinRequest r;
    r.purpose = PinRequest::Purpose::Login;
    r.token.label = QStringLiteral("Scan Token");
    r.token.minPinLength = 6;
    r.token.maxPinLength = 8;
    return r;
}

TokenPinStatus status()
{
    TokenPinStatus s;
    s.token.label = QStringLiteral("Scan Token");
    s.piv = true;
    s.minLength = 6;
    s.maxLength = 8;
    return s;
}

bool historyEmpty(QLineEdit* field)
{
    // Undo is offered only in Normal echo mode: look at the history there.
    const QLineEdit::EchoMode mode = field->echoMode();
    field->setEchoMode(QLineEdit::Normal);
    const bool empty = !field->isUndoAvailable() && !field->isRedoAvailable();
    field->setEchoMode(mode);
    return empty;
}

} // namespace

class TestSecretField : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cancelledPinDialogLeavesNothing()
    {
        auto* dialog = new PinDialog(request());
        auto* field = dialog->findChild<QLineEdit*>(QStringLiteral("secret"));
        QVERIFY(field);
        typePin(field);
        QCOMPARE(field->text().size(), kPinLength);
        QVERIFY(pinsInMemory() >= 1); // it is there while the dialog is open
        dialog->reject();
        delete dialog; // the destructor wipes; a cancelled dialog is never asked for its secret
        QCOMPARE(pinsInMemory(), 0);
        QCOMPARE(pinsInMemory(kPinLength - 1), 0); // no shorter copy from a reallocation either
    }

    void takenSecretLeavesOnlyTheSecret()
    {
        PinDialog dialog(request());
        auto* field = dialog.findChild<QLineEdit*>(QStringLiteral("secret"));
        typePin(field);
        {
            SecureBytes secret = dialog.takeSecret();
            QCOMPARE(secret.size(), kPinLength);
            QCOMPARE(pinsInMemory(), 1); // the SecureBytes alone
        }
        QVERIFY(field->text().isEmpty());
        QVERIFY(historyEmpty(field));
        QCOMPARE(pinsInMemory(), 0);
    }

    void cancelledChangeDialogLeavesNothing()
    {
        auto* dialog = new PinChangeDialog(status(), PinChangeDialog::Mode::ChangePin);
        const QList<QLineEdit*> fields = dialog->findChildren<QLineEdit*>();
        QCOMPARE(fields.size(), 3);
        for (QLineEdit* field : fields) {
            typePin(field);
            QTest::keyClick(field, Qt::Key_Backspace); // edits make history
            typePin(field, 1);
        }
        dialog->reject();
        for (QLineEdit* field : fields) {
            SecretField::wipe(field); // what the destructor does; look at the widgets before they go
            QVERIFY(field->text().isEmpty());
            QVERIFY(historyEmpty(field));
        }
        delete dialog;
        QCOMPARE(pinsInMemory(), 0);
        QCOMPARE(pinsInMemory(kPinLength - 1), 0);
    }

    void wipeKeepsTheFieldUsable()
    {
        QLineEdit field;
        SecretField::prepare(&field);
        field.setMaxLength(8);
        typePin(&field);
        SecretField::wipe(&field);
        QCOMPARE(field.maxLength(), 8);
        QCOMPARE(field.echoMode(), QLineEdit::Password);
        QTest::keyClicks(&field, QStringLiteral("12"));
        QCOMPARE(field.text(), QStringLiteral("12"));
        QVERIFY(field.contextMenuPolicy() == Qt::NoContextMenu);
    }

    void scannerFindsATypedPin()
    {
        // The scan must be able to fail: with the PIN in a plain field, it finds it. Last: what a
        // plain QLineEdit leaves behind would be found by the tests after it.
        QLineEdit plain;
        typePin(&plain);
        QVERIFY(pinsInMemory() >= 1);
        plain.clear();
    }
};

QTEST_MAIN(TestSecretField)
#include "tst_secretfield.moc"
