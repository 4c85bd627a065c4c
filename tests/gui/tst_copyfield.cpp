// CopyField, offscreen: a long PKCS#11 URI (the demo card's "PIV Authentication" certificate)
// in a narrow page wraps instead of being cut at the edge, and Copy copies all of it.
// Screenshot to $TOKENDESK_SCREENSHOT_DIR.

#include "Screenshot.h"
#include "ui/CopyField.h"

#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QTest>
#include <QTextLayout>
#include <QToolButton>
#include <QVBoxLayout>

using namespace tokendesk;

namespace {
const QString kUri =
    QStringLiteral("pkcs11:model=PKCS%2315%20emulated;manufacturer=piv_II;serial=00000000;token=Demo%20User;"
                   "id=%01;object=Certificate%20for%20PIV%20Authentication;type=cert");
} // namespace

class TestCopyField : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void longUriWrapsWhole()
    {
        QWidget page;
        auto* layout = new QVBoxLayout(&page);
        auto* field = new CopyField(QStringLiteral("certificateUri"), &page);
        layout->addWidget(field);
        layout->addStretch();
        field->setText(kUri);
        page.resize(360, 240);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));

        QLabel* label = field->label();
        QString shown = label->text();
        QVERIFY(shown.endsWith(QStringLiteral("type=cert")));
        QCOMPARE(shown.remove(QChar(0x200B)), kUri);
        QCOMPARE(label->toolTip(), kUri);

        // Laid out as the label lays it out: no line wider than the label, no line below its bottom.
        const int width = label->contentsRect().width();
        QTextLayout text(label->text(), label->font());
        QTextOption option;
        option.setWrapMode(QTextOption::WordWrap);
        text.setTextOption(option);
        text.beginLayout();
        qreal height = 0;
        int lines = 0;
        for (QTextLine line = text.createLine(); line.isValid(); line = text.createLine()) {
            line.setLineWidth(width);
            QVERIFY2(line.naturalTextWidth() <= width + 0.5,
                     qPrintable(QStringLiteral("line %1 is %2 px in %3 px: %4")
                                    .arg(lines)
                                    .arg(line.naturalTextWidth())
                                    .arg(width)
                                    .arg(label->text().mid(line.textStart(), line.textLength()))));
            height += line.height();
            ++lines;
        }
        text.endLayout();
        QVERIFY(lines > 1);
        QVERIFY2(height <= label->contentsRect().height() + 1,
                 qPrintable(QStringLiteral("%1 px of text in %2 px").arg(height).arg(label->contentsRect().height())));
        screenshot::save(&page, QStringLiteral("copyfield-long-uri.png"));

        QApplication::clipboard()->clear();
        QTest::mouseClick(field->copyButton(), Qt::LeftButton);
        QCOMPARE(QApplication::clipboard()->text(), kUri);
    }

    void shortValueUnchanged()
    {
        QCOMPARE(CopyField::breakable(QStringLiteral("abc")), QStringLiteral("abc"));
        QCOMPARE(CopyField::breakable(QString()), QString());
    }
};

QTEST_MAIN(TestCopyField)
#include "tst_copyfield.moc"
