// What a person sees, saved for docs/screenshots: GUI tests grab their windows into
// $TOKENDESK_SCREENSHOT_DIR (else the test's working folder).
#pragma once

#include <QCoreApplication>
#include <QDir>
#include <QEvent>
#include <QTest>
#include <QWidget>

namespace screenshot {

/// Saves `widget` as NAME.png; a failed save fails the test.
inline void save(QWidget* widget, const QString& name)
{
    const QString dir = qEnvironmentVariable("TOKENDESK_SCREENSHOT_DIR", QDir::currentPath());
    QDir().mkpath(dir);
    const QString path = dir + QLatin1Char('/') + name;
    // Layouts asked for by the last change (a label that now wraps) are done before the grab.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    QVERIFY2(widget->grab().save(path), qPrintable(path));
    qInfo("screenshot: %s", qPrintable(path));
}

} // namespace screenshot
