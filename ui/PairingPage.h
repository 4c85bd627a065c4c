#pragma once

#include "DetailsPage.h"
#include "models/PairingModel.h"

#include <QWidget>

class QLabel;
class QPushButton;

namespace tokendesk {

class CopyField;

/// A pairing (a row of PairingModel): who, in which store, file and line, the entry as the store
/// holds it, the certificate when known, whether its card is present, and the warnings. Unpair
/// is asked of the window (unpairRequested), which runs the command.
class PairingPage : public QWidget, public DetailsPage
{
    Q_OBJECT
public:
    explicit PairingPage(QWidget* parent = nullptr);

    QWidget* widget() override { return this; }
    bool accepts(const QModelIndex& index) const override;
    void showIndex(const QModelIndex& index) override;

    const PairingRow& shown() const { return m_row; }
    QPushButton* unpairButton() const { return m_unpair; }

Q_SIGNALS:
    void unpairRequested(const tokendesk::PairingRow& row);

private:
    PairingRow m_row;
    QLabel* m_title = nullptr;
    QLabel* m_login = nullptr;
    QLabel* m_store = nullptr;
    QLabel* m_file = nullptr;
    QLabel* m_fileLabel = nullptr; ///< "File:", or "Directory:" for a directory's entry
    QLabel* m_key = nullptr;
    QLabel* m_subject = nullptr;
    CopyField* m_sha256 = nullptr;
    QLabel* m_notAfter = nullptr;
    QLabel* m_present = nullptr;
    QLabel* m_warnings = nullptr;
    QPushButton* m_unpair = nullptr;
};

} // namespace tokendesk
