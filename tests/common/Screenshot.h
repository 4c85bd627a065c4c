// What a person sees, saved for docs/screenshots: GUI tests grab their windows into
// $TOKENDESK_SCREENSHOT_DIR (else the test's working folder).
#pragma once

#include <QDir>
#include <QTest>
#include <QWidget>

namespace screenshot {

/// Saves `widget` as NAME.png; a failed save fails the test.
inline void save(QWidget* widget, const QString& name)
{
    const QString dir = qEnvironmentVariable("TOKENDESK_SCREENSHOT_DIR", QDir::currentPath());
    QDir().mkpath(dir);
    const QString path = dir + QLatin1Char('/') + name;
    QVERIFY2(widget->grab().save(path), qPrintable(path));
    qInfo("screenshot: %s", qPrintable(path));
}

} // namespace screenshot
