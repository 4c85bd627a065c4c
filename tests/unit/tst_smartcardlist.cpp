// SmartcardList: card names for ATRs, matched the way ATR_analysis does.

#include "backend/atr/SmartcardList.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <sys/stat.h>

using namespace tokendesk;

class TestSmartcardList : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString writeList(const QByteArray& content)
    {
        const QString path = m_dir.filePath(QStringLiteral("list-%1.txt").arg(++m_files));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly)) {
            qFatal("cannot write %s", qPrintable(path));
        }
        f.write(content);
        return path;
    }
    int m_files = 0;

private Q_SLOTS:
    void literalAndWildcardPatterns()
    {
        SmartcardList list;
        QVERIFY(list.load(writeList("# comment\n"
                                    "\n"
                                    "3B 88 80 01 00 00 00 00 00 00 00 00 09\n"
                                    "\tExact card\n"
                                    "\thttps://example.org/\n"
                                    "\n"
                                    "3B 88 80 01 .. .. .. .. .. .. .. .. 0[9A]\n"
                                    "\tFamily with wildcards\n"
                                    "\n"
                                    "3F 00\n"
                                    "\tOther\n")));
        QCOMPARE(list.patternCount(), 3);
        const QByteArray exact = QByteArray::fromHex("3B888001000000000000000009");
        QCOMPARE(list.cardNames(exact),
                 (QStringList{QStringLiteral("Exact card"), QStringLiteral("https://example.org/"),
                              QStringLiteral("Family with wildcards")}));
        QCOMPARE(list.cardNames(QByteArray::fromHex("3B88800111223344556677880A")),
                 QStringList{QStringLiteral("Family with wildcards")});
        // Patterns match the whole ATR, not a prefix: one byte more matches nothing.
        QVERIFY(list.cardNames(QByteArray::fromHex("3B88800111223344556677880A00")).isEmpty());
        QVERIFY(list.cardNames(QByteArray::fromHex("3B88800111223344556677880B")).isEmpty());
        QVERIFY(list.cardNames(QByteArray()).isEmpty());
    }

    void dotsAndRegexSyntaxBothDecided()
    {
        // Dots alone are decided without a regex; any other syntax, even first, goes to one.
        SmartcardList list;
        QVERIFY(list.load(writeList("3B 02 .. ..\n\tDots\n(3B|3F) 02 14 50\n\tAlternation\n"
                                    "3B 02 14 5.?\n\tOptional\n")));
        QCOMPARE(list.cardNames(QByteArray::fromHex("3B02AB50")), QStringList{QStringLiteral("Dots")});
        QVERIFY(list.cardNames(QByteArray::fromHex("3B02AB")).isEmpty());
        QCOMPARE(list.cardNames(QByteArray::fromHex("3F021450")), QStringList{QStringLiteral("Alternation")});
        QCOMPARE(list.cardNames(QByteArray::fromHex("3B021450")),
                 (QStringList{QStringLiteral("Dots"), QStringLiteral("Alternation"), QStringLiteral("Optional")}));
    }

    void lowercasePatternsAndLatin1Names()
    {
        SmartcardList list;
        QVERIFY(list.load(writeList("3b 02 14 50\n\tCarte \xe9tudiante\n")));
        QCOMPARE(list.cardNames(QByteArray::fromHex("3B021450")), QStringList{QStringLiteral("Carte étudiante")});
    }

    void brokenRegexMatchesNothing()
    {
        SmartcardList list;
        QVERIFY(list.load(writeList("3B 0[ 12\n\tBroken\n3B 02\n\tGood\n")));
        QVERIFY(list.cardNames(QByteArray::fromHex("3B0012")).isEmpty());
        QCOMPARE(list.cardNames(QByteArray::fromHex("3B02")), QStringList{QStringLiteral("Good")});
    }

    void reloadForgetsRememberedNames()
    {
        SmartcardList list;
        const QByteArray atr = QByteArray::fromHex("3B021450");
        QVERIFY(list.load(writeList("3B 02 14 50\n\tFirst name\n")));
        QCOMPARE(list.cardNames(atr), QStringList{QStringLiteral("First name")});
        QCOMPARE(list.cardNames(atr), QStringList{QStringLiteral("First name")}); // remembered
        QVERIFY(list.load(writeList("3B 02 14 50\n\tSecond name\n")));
        QCOMPARE(list.cardNames(atr), QStringList{QStringLiteral("Second name")});
    }

    void unreadableFile()
    {
        SmartcardList list;
        QVERIFY(!list.load(m_dir.filePath(QStringLiteral("missing.txt"))));
        QVERIFY(!list.isLoaded());
        QVERIFY(list.cardNames(QByteArray::fromHex("3B02")).isEmpty());
    }

    // A careless --smartcard-list: a device that never ends, a pipe, a file far larger than any
    // list. Each is refused at once (reading /dev/zero would never end).
    void notAListRefused_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("/dev/zero") << QStringLiteral("/dev/zero");
        const QString fifo = m_dir.filePath(QStringLiteral("fifo"));
        QVERIFY(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
        QTest::newRow("a FIFO") << fifo;
        const QString huge = m_dir.filePath(QStringLiteral("huge.txt"));
        QFile file(huge);
        QVERIFY(file.open(QIODevice::WriteOnly) && file.resize(SmartcardList::kMaxBytes + 1)); // sparse
        QTest::newRow("too large") << huge;
    }

    void notAListRefused()
    {
        QFETCH(QString, path);
        SmartcardList list;
        QVERIFY(!list.load(path));
        QVERIFY(!list.isLoaded());
        QCOMPARE(list.patternCount(), 0);
    }

    // The file's bytes are read on the first question, from the file load() took.
    void readOnFirstQuestion()
    {
        const QString path = writeList("3B 02 14 50\n\tFirst name\n");
        SmartcardList list;
        QVERIFY(list.load(path));
        QVERIFY(list.isLoaded());
        QCOMPARE(list.cardNames(QByteArray::fromHex("3B021450")), QStringList{QStringLiteral("First name")});
        QCOMPARE(list.patternCount(), 1);
    }

    // The installed list names the same cards ATR_analysis names, for a few real ATRs.
    void agreesWithAtrAnalysisOnTheInstalledList_data()
    {
        QTest::addColumn<QString>("atr");
        QTest::newRow("Yubikey PIV") << QStringLiteral("3B F8 13 00 00 81 31 FE 15 59 75 62 69 6B 65 79 34 D4");
        QTest::newRow("OpenPGP card") << QStringLiteral(
            "3B DA 18 FF 81 B1 FE 75 1F 03 00 31 C5 73 C0 01 40 00 90 00 0C");
        QTest::newRow("IAS ECC wildcard")
            << QStringLiteral("3B 7F 96 00 00 00 31 B8 64 40 70 14 10 73 94 01 80 82 90 00");
    }
    void agreesWithAtrAnalysisOnTheInstalledList()
    {
        QFETCH(QString, atr);
        const QString path = QStringLiteral("/usr/share/pcsc/smartcard_list.txt");
        SmartcardList list;
        QVERIFY2(list.load(path), "pcsc-tools' smartcard_list.txt is installed by scripts/deps.sh");
        QVERIFY(list.patternCount() > 1000);

        // ATR_analysis prints the names it found as tab-indented lines after the matching pattern.
        QProcess peer;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), m_dir.path()); // no ~/.cache copy: use the installed list
        peer.setProcessEnvironment(env);
        peer.start(QStringLiteral("ATR_analysis"), {atr});
        QVERIFY(peer.waitForFinished(30000));
        // ATR_analysis colours the names with escape sequences before the tab.
        QString output = QString::fromUtf8(peer.readAllStandardOutput());
        output.remove(QRegularExpression(QStringLiteral("\x1b\\[[0-9;]*m")));
        const QString identified = output.section(QStringLiteral("Possibly identified card"), 1);
        QStringList expected;
        for (const QString& line : identified.split(QLatin1Char('\n'))) {
            if (line.startsWith(QLatin1Char('\t'))) {
                expected << line.trimmed();
            }
        }
        QVERIFY2(!expected.isEmpty(), qPrintable(output));
        QCOMPARE(list.cardNames(QByteArray::fromHex(atr.toLatin1())), expected);
    }
};

QTEST_GUILESS_MAIN(TestSmartcardList)
#include "tst_smartcardlist.moc"
