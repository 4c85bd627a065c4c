#pragma once

#include <QWizardPage>

class QLabel;
class QVBoxLayout;

namespace tokendesk {
class CopyField;
class SeenByWidget;
} // namespace tokendesk

namespace tokendesk::importp12 {

struct ImportP12State;

/// The result: the token, each new object's PKCS#11 URI with a copy button, the proof ("signed a
/// challenge with CKM_..., verified"), and which programs will see the token (SeenByWidget, as on the token page).
class DonePage : public QWizardPage
{
    Q_OBJECT
public:
    DonePage(ImportP12State* state, QWidget* parent = nullptr);

    void initializePage() override;
    QList<CopyField*> uriFields() const { return m_uris; }
    SeenByWidget* programs() const { return m_programs; }

private:
    ImportP12State* m_state;
    QLabel* m_token = nullptr;
    QWidget* m_objects = nullptr;
    QVBoxLayout* m_objectRows = nullptr;
    QLabel* m_verified = nullptr;
    SeenByWidget* m_programs = nullptr;
    QList<CopyField*> m_uris;
};

} // namespace tokendesk::importp12
