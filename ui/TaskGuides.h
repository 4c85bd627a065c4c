#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace tokendesk {

/// A menu entry a guide names, as the menu bar shows it (mnemonics left out): Token ▸ Change PIN…
struct GuideMenuEntry
{
    QString menu;
    QString entry;

    /// "Token ▸ Change PIN…"
    QString path() const;
};

/// One task as the Help menu explains it: a title and 4 to 8 short steps, each one translatable
/// sentence, naming the real menu entries (a test checks that each exists in the window).
struct TaskGuide
{
    QString id; ///< "inspect-card", "pin", "pair", "import-p12"
    QString title;
    QStringList steps;
    QList<GuideMenuEntry> entries; ///< every menu entry the steps name
};

class TaskGuides
{
    Q_DECLARE_TR_FUNCTIONS(TaskGuides)
public:
    /// The guides in the order of the Help menu.
    static QList<TaskGuide> all();
    /// A guide as the help browser shows it: its title and numbered steps.
    static QString html(const TaskGuide& guide);
};

} // namespace tokendesk
