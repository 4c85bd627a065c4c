#include "CliCommand.h"

#include "CliRegistry.h"
#include "app/CommandLine.h"
#include "backend/atr/SmartcardList.h"

#include <QCoreApplication>

namespace tokendesk {

CliContext::CliContext(QTextStream& o, QTextStream& e, bool j) : out(o), err(e), json(j) {}

CliContext::~CliContext()
{
    delete m_list;
}

const SmartcardList* CliContext::smartcardList(const QString& chosenPath, int* exit)
{
    if (!m_list) {
        m_list = new SmartcardList;
        const bool chosen = !chosenPath.isEmpty();
        const QString path = chosen ? chosenPath : SmartcardList::defaultPath();
        if (!m_list->load(path) && chosen) {
            *exit = CommandLine::fail(
                json, QStringLiteral("smartcard_list_unreadable"),
                QCoreApplication::translate("CommandLine", "Cannot read the card list %1.").arg(path), out, err);
            return nullptr;
        }
    }
    return m_list;
}

QString CliCommand::description() const
{
    return CliRegistry::description(name());
}

int CliCommand::usage(CliContext& context, const QString& message)
{
    context.err << message << '\n';
    return kUsageError;
}

int CliCommand::refuseArguments(const QCommandLineParser& parser, CliContext& context)
{
    if (parser.positionalArguments().isEmpty()) {
        return 0;
    }
    return usage(context, QCoreApplication::translate("CommandLine", "Unexpected argument: %1")
                              .arg(parser.positionalArguments().constFirst()));
}

const SmartcardList* CliCommand::cardList(const QCommandLineParser& parser, CliContext& context, int* exit)
{
    return context.smartcardList(parser.value(smartcardListOption()), exit);
}

QCommandLineOption CliCommand::moduleOption()
{
    return QCommandLineOption(
        QStringLiteral("module"),
        QCoreApplication::translate("CommandLine", "Also load the PKCS#11 module PATH (repeatable)."),
        QStringLiteral("PATH"));
}

QCommandLineOption CliCommand::smartcardListOption()
{
    return QCommandLineOption(QStringLiteral("smartcard-list"),
                              QCoreApplication::translate("CommandLine", "Card names from FILE instead of %1.")
                                  .arg(SmartcardList::defaultPath()),
                              QStringLiteral("FILE"));
}

} // namespace tokendesk
