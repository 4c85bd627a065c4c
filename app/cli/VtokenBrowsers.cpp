#include "VtokenBrowsers.h"

#include "CliCommand.h"
#include "app/CommandLine.h"
#include "backend/vtoken/BrowserIntegration.h"
#include "models/PrintableText.h"
#include "models/VirtualTokenText.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace tokendesk {

namespace {

QString kindName(ProgramView::Kind kind)
{
    switch (kind) {
    case ProgramView::Kind::P11Kit:
        return QStringLiteral("p11-kit");
    case ProgramView::Kind::NssDatabase:
        return QStringLiteral("nss_database");
    case ProgramView::Kind::FirefoxProfile:
        break;
    }
    return QStringLiteral("firefox_profile");
}

QJsonObject json(const ProgramView& view)
{
    return QJsonObject{
        {QStringLiteral("kind"), kindName(view.kind)}, {QStringLiteral("name"), VirtualTokenText::programName(view)},
        {QStringLiteral("path"), view.path},           {QStringLiteral("sees"), view.sees},
        {QStringLiteral("exists"), view.exists},       {QStringLiteral("in_use"), view.inUse},
        {QStringLiteral("module"), view.detail}};
}

} // namespace

int VtokenBrowsers::run(Change change, const QStringList& databases, CliContext& context)
{
    const BrowserIntegration browsers;
    const auto fail = [&](const BrowserError& error) {
        return CommandLine::fail(context.json, error.codeName(), VirtualTokenText::error(error), context.out,
                                 context.err);
    };
    auto views = browsers.check();
    if (!views) {
        return fail(views.error());
    }
    QStringList changed;
    if (change != Change::None) {
        QStringList targets;
        for (const QString& named : databases) {
            targets.append(QDir::cleanPath(QDir(named).absolutePath()));
        }
        if (targets.isEmpty()) {
            for (const ProgramView& view : views.value()) {
                const bool wanted = change == Change::Register ? !view.sees : view.sees;
                if (view.kind != ProgramView::Kind::P11Kit && view.writable && wanted) {
                    targets.append(view.path);
                }
            }
        }
        for (const QString& target : targets) {
            const auto done =
                change == Change::Register ? browsers.registerProxy(target) : browsers.unregisterProxy(target);
            if (!done) {
                return fail(done.error());
            }
            changed.append(target);
        }
        views = browsers.check();
        if (!views) {
            return fail(views.error());
        }
    }
    if (context.json) {
        QJsonArray programs;
        for (const ProgramView& view : views.value()) {
            programs.append(json(view));
        }
        context.out << QJsonDocument(QJsonObject{{QStringLiteral("programs"), programs},
                                                 {QStringLiteral("changed"), QJsonArray::fromStringList(changed)}})
                           .toJson(QJsonDocument::Indented);
        return 0;
    }
    for (const QString& path : changed) {
        context.out << (change == Change::Register ? tr("Registered p11-kit-proxy in %1")
                                                   : tr("Removed p11-kit-proxy from %1"))
                           .arg(PrintableText::escape(path))
                    << '\n';
    }
    for (const ProgramView& view : views.value()) {
        context.out << (view.sees ? QStringLiteral("[yes] ") : QStringLiteral("[no]  "))
                    << VirtualTokenText::programName(view) << QStringLiteral(": ")
                    << VirtualTokenText::programState(view) << '\n';
    }
    return 0;
}

} // namespace tokendesk
