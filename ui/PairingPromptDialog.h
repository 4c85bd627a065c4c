#pragma once

#include <QDialog>

class QCheckBox;
class QPushButton;

namespace tokendesk {

/// "Pair this card with your account?" (the macOS pairing dialog's job): Pair, Not now, and
/// "Don't ask again for this card". Not modal: a card inserted must never block the window.
class PairingPromptDialog : public QDialog
{
    Q_OBJECT
public:
    PairingPromptDialog(const QString& cardLabel, const QString& subject, const QString& login,
                        const QString& storeSpec, QWidget* parent = nullptr);

    bool dontAskAgain() const;
    QCheckBox* dontAskAgainBox() const { return m_dontAsk; }
    QPushButton* pairButton() const { return m_pair; }
    QPushButton* notNowButton() const { return m_notNow; }

private:
    QCheckBox* m_dontAsk = nullptr;
    QPushButton* m_pair = nullptr;
    QPushButton* m_notNow = nullptr;
};

} // namespace tokendesk
