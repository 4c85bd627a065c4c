// What a screen reader and a keyboard user need, checked on live widgets: every control a user
// can reach has an accessible name (QAccessible's, which also counts a buddy label and a button's
// text), and every action in the menus and tool bars has a keyboard path (a shortcut, or a
// mnemonic in its text and in the title of each menu on the way), with no mnemonic used twice in
// one menu. Dialogs also get their labels' and check boxes' mnemonics checked (one per control,
// none twice) and their tab order (it follows the layout: down, and left to right in a row).
// Each finding is one line saying what and where.
#pragma once

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QGroupBox>
#include <QHash>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QRadioButton>
#include <QSet>
#include <QTabBar>
#include <QTextEdit>
#include <QToolBar>
#include <QToolButton>
#include <functional>

namespace a11ycheck {

/// A control a user tabs to or operates.
inline bool isInteractive(const QWidget* w)
{
    const auto* group = qobject_cast<const QGroupBox*>(w);
    return qobject_cast<const QAbstractButton*>(w) || qobject_cast<const QLineEdit*>(w) ||
           qobject_cast<const QComboBox*>(w) || qobject_cast<const QAbstractItemView*>(w) ||
           qobject_cast<const QAbstractSpinBox*>(w) || qobject_cast<const QTabBar*>(w) ||
           qobject_cast<const QTextEdit*>(w) || qobject_cast<const QPlainTextEdit*>(w) ||
           (group && group->isCheckable());
}

/// Parts Qt builds inside a control, which assistive technology meets through their owner: a
/// combo box's or spin box's line edit, a view's header, a line edit's clear button, a tab
/// bar's scroll arrows, a tool bar's extension button.
inline bool isPartOfAnother(const QWidget* w)
{
    const QWidget* parent = w->parentWidget();
    if (w->objectName().startsWith(QLatin1String("qt_"))) {
        return true;
    }
    if (qobject_cast<const QLineEdit*>(w) &&
        (qobject_cast<const QComboBox*>(parent) || qobject_cast<const QAbstractSpinBox*>(parent))) {
        return true;
    }
    if (qobject_cast<const QHeaderView*>(w)) {
        return true;
    }
    return qobject_cast<const QToolButton*>(w) &&
           (qobject_cast<const QLineEdit*>(parent) || qobject_cast<const QTabBar*>(parent));
}

/// "QLineEdit 'secret' in PinDialog 'PIN for Work Card'", to find the widget from a finding.
inline QString describe(const QWidget* w)
{
    const QWidget* top = w->window();
    return QStringLiteral("%1 '%2' in %3 '%4'")
        .arg(QString::fromLatin1(w->metaObject()->className()), w->objectName(),
             QString::fromLatin1(top->metaObject()->className()), top->windowTitle());
}

inline QString accessibleName(QWidget* w)
{
    QAccessibleInterface* iface = QAccessible::queryAccessibleInterface(w);
    return iface ? iface->text(QAccessible::Name).trimmed() : QString();
}

/// The label whose buddy `w` is, among its siblings (QFormLayout's row labels are).
inline QLabel* buddyLabel(const QWidget* w)
{
    const QWidget* parent = w->parentWidget();
    if (!parent) {
        return nullptr;
    }
    const auto labels = parent->findChildren<QLabel*>(Qt::FindDirectChildrenOnly);
    for (QLabel* label : labels) {
        if (label->buddy() == w) {
            return label;
        }
    }
    return nullptr;
}

/// Controls shown under `root` (visible to it: a page not current in a stack is skipped, walk
/// it when it is shown) without an accessible name; a window without a title.
inline QStringList unnamedControls(QWidget* root)
{
    QStringList findings;
    if (root->isWindow() && root->windowTitle().trimmed().isEmpty()) {
        findings << QStringLiteral("window without a title: %1").arg(describe(root));
    }
    const auto widgets = root->findChildren<QWidget*>();
    for (QWidget* w : widgets) {
        if (!w->isVisibleTo(root) || w->isWindow() || !isInteractive(w) || isPartOfAnother(w)) {
            continue;
        }
        if (accessibleName(w).isEmpty()) {
            findings << QStringLiteral("no accessible name: %1").arg(describe(w));
        } else if (qobject_cast<const QComboBox*>(w) && w->accessibleName().isEmpty() && !buddyLabel(w)) {
            // On Linux a combo box's QAccessible name is its current text: a value, not what it is for.
            findings << QStringLiteral("no accessible name but its value: %1").arg(describe(w));
        }
    }
    return findings;
}

/// Check boxes, radio buttons and the buddy labels of fields shown under `root` without a
/// mnemonic, and mnemonics used twice (QDialogButtonBox's buttons answer Enter and Escape);
/// `alsoShown`: texts of buttons shown beside `root` (a wizard's Back and Next beside a page).
inline QStringList missingMnemonics(QWidget* root, const QStringList& alsoShown = {})
{
    QStringList findings;
    QHash<QKeySequence, QString> seen;
    for (const QString& text : alsoShown) {
        seen.insert(QKeySequence::mnemonic(text), text);
    }
    const auto widgets = root->findChildren<QWidget*>();
    for (QWidget* w : widgets) {
        if (!w->isVisibleTo(root) || w->isWindow() || qobject_cast<QDialogButtonBox*>(w->parentWidget())) {
            continue;
        }
        QString text;
        if (qobject_cast<QCheckBox*>(w) || qobject_cast<QRadioButton*>(w)) {
            text = static_cast<QAbstractButton*>(w)->text();
            if (QKeySequence::mnemonic(text).isEmpty()) {
                findings << QStringLiteral("no mnemonic: %1").arg(describe(w));
            }
        } else if (auto* label = qobject_cast<QLabel*>(w); label && label->buddy() && isInteractive(label->buddy())) {
            text = label->text();
            if (QKeySequence::mnemonic(text).isEmpty()) {
                findings << QStringLiteral("no mnemonic: label '%1' of %2").arg(text, describe(label->buddy()));
            }
        } else if (auto* button = qobject_cast<QAbstractButton*>(w)) {
            text = button->text(); // push buttons: only checked for clashes
        }
        const QKeySequence key = QKeySequence::mnemonic(text);
        if (!key.isEmpty()) {
            if (seen.contains(key)) {
                findings << QStringLiteral("mnemonic %1 twice: '%2' and '%3' in %4")
                                .arg(key.toString(), seen.value(key), text, describe(root));
            }
            seen.insert(key, text);
        }
    }
    return findings;
}

/// Where Tab goes against the layout in `root`: from one control to another that sits above it,
/// or to its left in the same row.
inline QStringList tabOrderAgainstLayout(QWidget* root)
{
    QStringList findings;
    QList<QWidget*> chain;
    for (QWidget* w = root->nextInFocusChain(); w && w != root; w = w->nextInFocusChain()) {
        if (w->isVisibleTo(root) && w->isEnabled() && (w->focusPolicy() & Qt::TabFocus) && !isPartOfAnother(w) &&
            !chain.contains(w)) {
            chain << w;
        }
    }
    for (int i = 1; i < chain.size(); ++i) {
        const QRect a(chain.at(i - 1)->mapTo(root, QPoint(0, 0)), chain.at(i - 1)->size());
        const QRect b(chain.at(i)->mapTo(root, QPoint(0, 0)), chain.at(i)->size());
        const bool sameRow = b.top() < a.bottom() && a.top() < b.bottom();
        if ((!sameRow && b.top() < a.top()) || (sameRow && b.right() <= a.left())) {
            findings
                << QStringLiteral("tab goes back from %1 to %2").arg(describe(chain.at(i - 1)), describe(chain.at(i)));
        }
    }
    if (!findings.isEmpty()) {
        QStringList order;
        for (const QWidget* w : std::as_const(chain)) {
            order << QStringLiteral("%1 '%2'").arg(QString::fromLatin1(w->metaObject()->className()),
                                                   w->objectName().isEmpty() ? accessibleName(const_cast<QWidget*>(w))
                                                                             : w->objectName());
        }
        findings << QStringLiteral("  tab order: ") + order.join(QStringLiteral(", "));
    }
    return findings;
}

/// Actions in the menu bar, the tool bars and context menus (Qt::ActionsContextMenu) of `window`
/// without a keyboard path, mnemonics used twice in one menu, and shortcuts used twice.
inline QStringList actionsWithoutKeyboardPath(QMainWindow* window)
{
    QStringList findings;
    QHash<QAction*, QString> where; // every action, with the first place it was seen
    QSet<QAction*> throughMenus;    // reachable by mnemonics from the menu bar
    const auto mnemonic = [](const QString& text) {
        return QKeySequence::mnemonic(text);
    };
    const auto checkDuplicates = [&](const QList<QAction*>& actions, const QString& place) {
        QHash<QKeySequence, QString> seen;
        for (QAction* a : actions) {
            const QKeySequence key = mnemonic(a->text());
            if (a->isSeparator() || !a->isVisible() || key.isEmpty()) {
                continue;
            }
            if (seen.contains(key)) {
                findings << QStringLiteral("mnemonic %1 twice in %2: '%3' and '%4'")
                                .arg(key.toString(), place, seen.value(key), a->text());
            }
            seen.insert(key, a->text());
        }
    };
    std::function<void(QMenu*, const QString&, bool)> visit = [&](QMenu* menu, const QString& path, bool reachable) {
        checkDuplicates(menu->actions(), path);
        for (QAction* a : menu->actions()) {
            if (a->isSeparator()) {
                continue;
            }
            where.insert(a, path);
            const bool here = reachable && !mnemonic(a->text()).isEmpty();
            if (here) {
                throughMenus.insert(a);
            }
            if (QMenu* sub = a->menu()) {
                visit(sub, path + QStringLiteral(" > ") + a->text(), here);
            }
        }
    };
    checkDuplicates(window->menuBar()->actions(), QStringLiteral("the menu bar"));
    for (QAction* top : window->menuBar()->actions()) {
        if (QMenu* menu = top->menu()) {
            visit(menu, top->text(), !mnemonic(top->text()).isEmpty());
        }
    }
    const auto widgets = window->findChildren<QWidget*>();
    for (QWidget* w : widgets) {
        const bool toolBar = qobject_cast<QToolBar*>(w);
        if (!toolBar && w->contextMenuPolicy() != Qt::ActionsContextMenu) {
            continue;
        }
        for (QAction* a : w->actions()) {
            if (!a->isSeparator() && !where.contains(a)) {
                where.insert(a, (toolBar ? QStringLiteral("tool bar ") : QStringLiteral("context menu of ")) +
                                    w->objectName());
            }
        }
    }
    QHash<QKeySequence, QAction*> shortcuts; // two actions on one key: Qt runs neither ("ambiguous")
    for (auto it = where.cbegin(); it != where.cend(); ++it) {
        QAction* a = it.key();
        if (a->shortcuts().isEmpty() && !throughMenus.contains(a)) {
            findings << QStringLiteral("no keyboard path: '%1' (%2) in %3").arg(a->text(), a->objectName(), it.value());
        }
        const auto keys = a->shortcuts();
        for (const QKeySequence& key : keys) {
            if (QAction* other = shortcuts.value(key); other && other != a) {
                findings
                    << QStringLiteral("shortcut %1 twice: '%2' and '%3'").arg(key.toString(), other->text(), a->text());
            }
            shortcuts.insert(key, a);
        }
    }
    findings.sort();
    return findings;
}

} // namespace a11ycheck
