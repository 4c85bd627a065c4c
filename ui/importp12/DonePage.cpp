#include "DonePage.h"

#include "ImportP12State.h"
#include "models/PrintableText.h"
#include "models/StatusPalette.h"
#include "models/VirtualTokenText.h"
#include "ui/CopyField.h"
#include "ui/SeenByWidget.h"
#include "ui/StatusStyle.h"

#include <QLabel>
#include <QScrollArea>
#include <QVBoxLayout>

namespace tokendesk::importp12 {

DonePage::DonePage(ImportP12State* state, QWidget* parent) : QWizardPage(parent), m_state(state)
{
    setTitle(tr("Imported"));
    setFinalPage(true);
    auto* body = new QWidget(this);
    m_token = makeValueLabel(QStringLiteral("doneToken"), body);
    m_objects = new QWidget(body);
    m_objectRows = new QVBoxLayout(m_objects);
    m_objectRows->setContentsMargins(0, 0, 0, 0);
    m_verified = makeValueLabel(QStringLiteral("doneVerified"), body);
    StatusStyle::apply(m_verified, StatusPalette::Status::Good);
    // The token page's "Seen by", for the token the import went to.
    m_programs = new SeenByWidget(body);
    m_programs->setTitle(tr("Which programs will see the token"));

    auto* layout = new QVBoxLayout(body);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_token);
    layout->addWidget(m_objects);
    layout->addWidget(m_verified);
    layout->addSpacing(8);
    layout->addWidget(m_programs);
    layout->addStretch(1);
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(body);
    auto* outer = new QVBoxLayout(this);
    outer->addWidget(scroll);
}

void DonePage::initializePage()
{
    m_uris.clear();
    while (QLayoutItem* item = m_objectRows->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    if (!m_state->result) {
        return;
    }
    const ImportResult& result = *m_state->result;
    const QString label = PrintableText::escape(result.token.label);
    setSubTitle(result.tokenCreated
                    ? tr("The virtual token \"%1\" was made, and the identity imported into it.").arg(label)
                    : tr("The identity was imported into the virtual token \"%1\".").arg(label));
    m_token->setText(
        tr("Token \"%1\", serial %2. The new objects, by their PKCS#11 URIs:").arg(label, result.token.serial));
    int n = 0;
    for (const ImportedObject& object : result.objects) {
        auto* type = new QLabel(VirtualTokenText::objectType(object.type) + QLatin1Char(':'), m_objects);
        auto* uri = new CopyField(QStringLiteral("doneUri%1").arg(n++), m_objects);
        uri->setText(object.uri);
        m_objectRows->addWidget(type);
        m_objectRows->addWidget(uri);
        m_uris << uri;
    }
    QStringList proofs;
    for (const IdentityTestResult& test : result.verifications) {
        proofs << (test.verified ? tr("Verified: the token signed a challenge with %1 and the certificate verified "
                                      "it.")
                                       .arg(test.mechanism)
                                 : tr("Not verified (%1).").arg(test.verifyError));
    }
    m_verified->setText(proofs.join(QLatin1Char('\n')));
    m_programs->showFor(result.token);
}

} // namespace tokendesk::importp12
