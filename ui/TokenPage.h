#pragma once

#include "DetailsPage.h"
#include "backend/pkcs11/Identity.h"

#include <QWidget>

class QLabel;

namespace tokendesk {

class CopyField;
class SeenByWidget;

/// A PKCS#11 token: what it is, where it is, its flags, the state of its PINs
/// and what it holds.
class TokenPage : public QWidget, public DetailsPage
{
    Q_OBJECT
public:
    explicit TokenPage(QWidget* parent = nullptr);

    void setToken(const TokenContents& contents);
    const TokenContents& token() const { return m_contents; }

    QWidget* widget() override { return this; }
    /// A token row of a TokenTreeModel.
    bool accepts(const QModelIndex& index) const override;
    void showIndex(const QModelIndex& index) override;
    /// "Seen by": which programs find a virtual token (hidden for other tokens).
    SeenByWidget* seenBy() const { return m_seenBy; }

private:
    TokenContents m_contents;
    QLabel* m_title = nullptr;
    QLabel* m_manufacturer = nullptr;
    QLabel* m_model = nullptr;
    QLabel* m_serial = nullptr;
    QLabel* m_module = nullptr;
    QLabel* m_slot = nullptr;
    CopyField* m_uri = nullptr;
    QLabel* m_flags = nullptr;
    QLabel* m_userPin = nullptr;
    QLabel* m_soPin = nullptr;
    QLabel* m_triesLeft = nullptr;
    QLabel* m_pinLength = nullptr;
    QLabel* m_objects = nullptr;
    QLabel* m_error = nullptr;
    SeenByWidget* m_seenBy = nullptr;
};

} // namespace tokendesk
