// Processes a test started, seen from /proc: its children (of every thread), and live processes
// whose command line names a file (a module host serving a fake module no other test uses).
#pragma once

#include <QDir>
#include <QFile>
#include <QStringList>

namespace childprocesses {

/// This process's children now, of every thread (/proc/self/task/*/children), sorted.
inline QStringList children()
{
    QStringList found;
    const QDir tasks(QStringLiteral("/proc/self/task"));
    for (const QString& task : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile file(tasks.filePath(task + QStringLiteral("/children")));
        if (file.open(QIODevice::ReadOnly)) {
            found += QString::fromLatin1(file.readAll()).split(QLatin1Char(' '), Qt::SkipEmptyParts);
        }
    }
    found.sort();
    return found;
}

/// The pids of live processes (not zombies: their command line is empty) whose command line
/// names `file`.
inline QStringList naming(const QString& file)
{
    QStringList found;
    const QByteArray wanted = QFile::encodeName(file);
    for (const QString& pid : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
        QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
        if (pid.toInt() > 0 && cmdline.open(QIODevice::ReadOnly) && cmdline.readAll().split('\0').contains(wanted)) {
            found << pid;
        }
    }
    return found;
}

/// Whether process `pid` runs: false once it has ended, a zombie (whoever adopted an orphan may
/// not reap it soon) or gone.
inline bool alive(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly)) {
        return false;
    }
    const QByteArray text = stat.readAll();
    const qsizetype paren = text.lastIndexOf(')'); // the state follows the command's name
    return paren > 0 && paren + 2 < text.size() && text.at(paren + 2) != 'Z' && text.at(paren + 2) != 'X';
}

} // namespace childprocesses
