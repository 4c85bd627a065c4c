#include "CheckCardCommand.h"

#include "AsyncTask.h"
#include "backend/pairing/LoginFinder.h"
#include "models/PairingText.h"
#include "models/PrintableText.h"

namespace tokendesk {

CheckCardCommand::CheckCardCommand(TokenContents token, ChoiceGetter choice, QObject* parent)
    : Command(parent), m_token(std::move(token)), m_choice(std::move(choice))
{}

QString CheckCardCommand::title() const
{
    return tr("Check this card");
}

void CheckCardCommand::run()
{
    QList<CertificateInfo> certificates;
    for (const CertificateEntry& entry : m_token.certificates) {
        if (entry.info) {
            certificates.append(*entry.info);
        }
    }
    using Answer = Result<LoginAnswer, PairingError>;
    AsyncTask::runThenCallback(
        this,
        [choice = m_choice(), certificates]() -> Answer {
            auto mappers = PairingSources::open(choice);
            if (!mappers) {
                return mappers.error();
            }
            return LoginFinder(std::move(mappers.value())).find(certificates);
        },
        [this](const Answer& answer) {
            if (!answer) {
                finish(false, PairingText::error(answer.error()));
                return;
            }
            finish(true, tr("\u201c%1\u201d: %2")
                             .arg(PrintableText::escape(m_token.token.label), PairingText::answer(answer.value())));
        });
}

} // namespace tokendesk
