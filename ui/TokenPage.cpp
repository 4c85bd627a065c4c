#include "TokenPage.h"

#include "CopyField.h"
#include "SeenByWidget.h"
#include "StatusStyle.h"
#include "models/ErrorText.h"
#include "models/PinText.h"
#include "models/ReaderModel.h"
#include "models/TokenText.h"
#include "models/TokenTreeModel.h"

#include <QFormLayout>
#include <QLabel>
#include <QStringList>
#include <QVBoxLayout>

namespace tokendesk {

TokenPage::TokenPage(QWidget* parent) : QWidget(parent)
{
    m_title = makeTitleLabel(this);
    m_title->setObjectName(QStringLiteral("tokenTitle"));
    m_manufacturer = makeValueLabel(QStringLiteral("manufacturer"), this);
    m_model = makeValueLabel(QStringLiteral("model"), this);
    m_serial = makeValueLabel(QStringLiteral("serial"), this, true);
    m_module = makeValueLabel(QStringLiteral("module"), this);
    m_slot = makeValueLabel(QStringLiteral("slot"), this);
    m_uri = new CopyField(QStringLiteral("tokenUri"), this);
    m_flags = makeValueLabel(QStringLiteral("flags"), this);
    m_userPin = makeValueLabel(QStringLiteral("userPin"), this);
    m_soPin = makeValueLabel(QStringLiteral("soPin"), this);
    m_triesLeft = makeValueLabel(QStringLiteral("triesLeft"), this);
    m_pinLength = makeValueLabel(QStringLiteral("pinLength"), this);
    m_objects = makeValueLabel(QStringLiteral("objects"), this);
    m_error = makeValueLabel(QStringLiteral("tokenError"), this);
    StatusStyle::apply(m_error, StatusPalette::Status::Bad);

    auto* form = new QFormLayout;
    form->addRow(tr("Manufacturer:"), m_manufacturer);
    form->addRow(tr("Model:"), m_model);
    form->addRow(tr("Serial number:"), m_serial);
    form->addRow(tr("Module:", "PKCS#11 module"), m_module);
    form->addRow(tr("Slot:", "PKCS#11 slot"), m_slot);
    form->addRow(tr("URI:"), m_uri);
    form->addRow(tr("Flags:"), m_flags);
    form->addRow(tr("User PIN:", "PIN the noun"), m_userPin);
    form->addRow(tr("SO PIN:", "PIN the noun"), m_soPin);
    form->addRow(tr("Tries left:"), m_triesLeft);
    form->addRow(tr("PIN length:", "PIN the noun"), m_pinLength);
    form->addRow(tr("Objects:"), m_objects);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addLayout(form);
    layout->addWidget(m_error);
    m_seenBy = new SeenByWidget(this);
    layout->addWidget(m_seenBy);
    layout->addStretch();
}

bool TokenPage::accepts(const QModelIndex& index) const
{
    return !qobject_cast<const ReaderModel*>(index.model()) &&
           index.data(TokenTreeModel::KindRole).toInt() == static_cast<int>(TokenTreeModel::Kind::Token);
}

void TokenPage::showIndex(const QModelIndex& index)
{
    setToken(index.data(TokenTreeModel::TokenContentsRole).value<TokenContents>());
}

void TokenPage::setToken(const TokenContents& contents)
{
    m_contents = contents;
    const TokenInfo& token = contents.token;
    m_title->setText(TokenText::tokenLabel(token));
    m_manufacturer->setText(token.manufacturer);
    m_model->setText(token.model);
    m_serial->setText(token.serial);
    m_module->setText(token.moduleName.isEmpty() ? token.modulePath
                                                 : tr("%1 (%2)").arg(token.moduleName, token.modulePath));
    m_slot->setText(token.slot.description.isEmpty() ? QString::number(token.slot.slotId) : token.slot.description);
    m_uri->setText(token.uri);
    m_flags->setText(TokenText::tokenFlags(token));
    m_userPin->setText(TokenText::pinFlags(token.userPin));
    m_soPin->setText(TokenText::pinFlags(token.soPin));
    using Status = StatusPalette::Status;
    const auto pinStatus = [](const PinFlags& flags, bool countLowWarns) -> std::optional<Status> {
        if (flags.locked || flags.finalTry) {
            return Status::Bad;
        }
        return flags.countLow && countLowWarns ? std::optional<Status>(Status::Warning) : std::nullopt;
    };
    StatusStyle::apply(m_userPin, pinStatus(token.userPin, true));
    StatusStyle::apply(m_soPin, pinStatus(token.soPin, false));
    // PKCS#11 has no retry counter; a PIV card's is read over PC/SC with the contents.
    if (contents.pivPin) {
        PinState state;
        state.flags = token.userPin;
        state.triesLeft = contents.pivPin->triesLeft;
        state.verified = contents.pivPin->state == PivPinStatus::State::Verified;
        m_triesLeft->setText(PinText::tries(state));
        StatusStyle::apply(m_triesLeft,
                           state.locked() || state.finalTry() ? std::optional<Status>(Status::Bad) : std::nullopt);
    } else {
        m_triesLeft->setText(tr("the token does not tell"));
        StatusStyle::apply(m_triesLeft, std::nullopt);
    }
    if (token.minPinLength >= 0 && token.maxPinLength >= 0) {
        m_pinLength->setText(tr("%1 to %2 characters").arg(token.minPinLength).arg(token.maxPinLength));
    } else {
        m_pinLength->setText(tr("unknown"));
    }

    int identities = 0;
    int keyExpected = 0;
    for (const CertificateEntry& entry : contents.certificates) {
        identities += entry.keyState == CertificateEntry::KeyState::Present ? 1 : 0;
        keyExpected += entry.keyState == CertificateEntry::KeyState::Expected ? 1 : 0;
    }
    int publicKeys = 0;
    int privateKeys = 0;
    int secretKeys = 0;
    int dataObjects = 0;
    for (const ObjectInfo& object : contents.objects) {
        publicKeys += object.objectClass == ObjectInfo::Class::PublicKey ? 1 : 0;
        privateKeys += object.objectClass == ObjectInfo::Class::PrivateKey ? 1 : 0;
        secretKeys += object.objectClass == ObjectInfo::Class::SecretKey ? 1 : 0;
        dataObjects += object.objectClass == ObjectInfo::Class::Data ? 1 : 0;
    }
    QStringList counts{tr("certificates: %1").arg(contents.certificates.size()), tr("identities: %1").arg(identities)};
    if (keyExpected > 0) {
        counts << tr("key expected after login: %1").arg(keyExpected);
    }
    counts << tr("public keys: %1").arg(publicKeys) << tr("private keys: %1").arg(privateKeys);
    if (secretKeys > 0) {
        counts << tr("secret keys: %1").arg(secretKeys);
    }
    counts << tr("data objects: %1").arg(dataObjects);
    QString objects = counts.join(QStringLiteral(", "));
    if (!contents.loggedIn && token.loginRequired) {
        objects += QLatin1Char('\n') + tr("Private objects show after login.");
    }
    m_objects->setText(objects);
    m_error->setText(contents.error ? tr("Reading the objects failed: %1").arg(ErrorText::pkcs11(*contents.error))
                                    : QString());
    m_error->setVisible(contents.error.has_value());
    m_seenBy->showFor(token);
}

} // namespace tokendesk
