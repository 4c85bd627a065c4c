// The language choice (models/Language, ui/LanguageMenu): Settings ▸ Language stores a choice
// that the next start reads; the translators main() installs follow it (German for "de", English
// plural forms for "en" and for a system language TokenDesk has no translation for); the plural
// forms show in a real model's text: "1 historical byte", "2 historische Bytes".

#include "backend/common/Settings.h"
#include "models/AtrModel.h"
#include "models/Language.h"
#include "ui/LanguageMenu.h"
#include "ui/MainMenus.h"

#include <QAction>
#include <QActionGroup>
#include <QMainWindow>
#include <QMenu>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace tokendesk;

class TestLanguage : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_settingsDir;

    /// The translators of Language::install, for the language stored now, loaded from the build.
    QStringList install() { return Language::install(*QCoreApplication::instance(), QStringLiteral(TOKENDESK_QM_DIR)); }
    /// The meaning of the T0 row of `atrHex`: "%n historical byte(s)" (AtrModel).
    static QString historicalBytes(const char* atrHex)
    {
        AtrModel model;
        model.setAtr(QByteArray::fromHex(atrHex));
        return model.index(1, AtrModel::MeaningColumn).data().toString();
    }
    static QString settingsMenuTitle() { return QCoreApplication::translate("tokendesk::MainMenus", "&Settings"); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_settingsDir.isValid());
        Settings::instance().useFile(m_settingsDir.filePath(QStringLiteral("tokendesk.ini")));
    }
    void cleanupTestCase()
    {
        // Written now, while the folder is there: QSettings would write at exit, after the
        // folder went, and make it again (a folder left in /tmp by every run).
        Settings::instance().sync();
    }
    void cleanup()
    {
        // Deleting a translator uninstalls it: each test starts in the source language.
        qDeleteAll(QCoreApplication::instance()->findChildren<QTranslator*>());
        Language::store(QString());
    }

    void storesAChoice()
    {
        QCOMPARE(Language::stored(), QString());
        QCOMPARE(Language::locale(), QLocale::system());
        Language::store(QStringLiteral("de"));
        QCOMPARE(Settings::instance().value(Settings::Key::Language).toString(), QStringLiteral("de"));
        QCOMPARE(Language::stored(), QStringLiteral("de"));
        QCOMPARE(Language::locale().language(), QLocale::German);
        // No translation, no choice: the system's language.
        Language::store(QStringLiteral("tlh"));
        QCOMPARE(Language::stored(), QString());
        Settings::instance().setValue(Settings::Key::Language, QStringLiteral("xx"));
        QCOMPARE(Language::stored(), QString());
    }

    void germanStoredGermanLoaded()
    {
        QCOMPARE(historicalBytes("3B021450"), QStringLiteral("2 historical byte(s)"));
        Language::store(QStringLiteral("de"));
        const QStringList loaded = install();
        QVERIFY2(!loaded.isEmpty() && loaded.last().endsWith(QLatin1String("tokendesk_de.qm")),
                 qPrintable(loaded.join(u' ')));
        QCOMPARE(settingsMenuTitle(), QStringLiteral("&Einstellungen"));
        QCOMPARE(historicalBytes("3B0114"), QStringLiteral("1 historisches Byte"));
        QCOMPARE(historicalBytes("3B021450"), QStringLiteral("2 historische Bytes"));
    }

    void englishStoredEnglishPlurals()
    {
        Language::store(QStringLiteral("en"));
        const QStringList loaded = install();
        QVERIFY2(!loaded.isEmpty() && loaded.last().endsWith(QLatin1String("tokendesk_en.qm")),
                 qPrintable(loaded.join(u' ')));
        QCOMPARE(settingsMenuTitle(), QStringLiteral("&Settings"));
        QCOMPARE(historicalBytes("3B0114"), QStringLiteral("1 historical byte"));
        QCOMPARE(historicalBytes("3B021450"), QStringLiteral("2 historical bytes"));
    }

    void frenchStoredFrenchLoaded()
    {
        Language::store(QStringLiteral("fr"));
        const QStringList loaded = install();
        QVERIFY2(!loaded.isEmpty() && loaded.last().endsWith(QLatin1String("tokendesk_fr.qm")),
                 qPrintable(loaded.join(u' ')));
    }

    void systemLanguageWithoutTranslationGetsEnglish()
    {
        // CTest runs this in the C locale (LC_ALL=C.UTF-8): no translation of TokenDesk has it.
        QCOMPARE(QLocale::system().language(), QLocale::C);
        const QStringList loaded = install();
        QVERIFY2(!loaded.isEmpty() && loaded.last().endsWith(QLatin1String("tokendesk_en.qm")),
                 qPrintable(loaded.join(u' ')));
        QCOMPARE(historicalBytes("3B0114"), QStringLiteral("1 historical byte"));
    }

    void menuStoresTheChoice()
    {
        Language::store(QStringLiteral("fr"));
        QMainWindow window;
        auto* menus = new MainMenus(&window);
        LanguageMenu language(menus);
        QVERIFY(menus->menu(MainMenus::Menu::Settings)->actions().contains(language.menu()->menuAction()));
        auto choice = [&](const char* name) {
            return language.menu()->findChild<QAction*>(QLatin1String(name));
        };
        for (const char* name : {"language_system", "language_en", "language_de", "language_fr"}) {
            QVERIFY2(choice(name), name);
        }
        QVERIFY(choice("language_fr")->isChecked());
        QVERIFY(!choice("language_system")->isChecked());
        QCOMPARE(choice("language_de")->text(), QStringLiteral("&Deutsch"));
        QVERIFY(!language.menu()->findChild<QAction*>(QStringLiteral("languageNote"))->isEnabled());

        choice("language_de")->trigger();
        QCOMPARE(Language::stored(), QStringLiteral("de"));
        QVERIFY(choice("language_de")->isChecked());
        QVERIFY(!choice("language_fr")->isChecked());
        choice("language_system")->trigger();
        QCOMPARE(Settings::instance().value(Settings::Key::Language).toString(), QString());
        QCOMPARE(Language::locale(), QLocale::system());
    }
};

QTEST_MAIN(TestLanguage)
#include "tst_language.moc"
