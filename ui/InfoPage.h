#pragma once

#include "DetailsPage.h"

#include <QLabel>

namespace tokendesk {

class ReaderModel;
class TokenTreeModel;

/// A few centred words: what a navigation root holds ("2 tokens, grouped by PKCS#11
/// module."), or the name and tooltip of a row no other page shows (module, group, key).
/// The last page in the window's list: it accepts any row.
class InfoPage : public QLabel, public DetailsPage
{
    Q_OBJECT

public:
    InfoPage(const ReaderModel* readers, const TokenTreeModel* tokens, QWidget* parent = nullptr);

    QWidget* widget() override { return this; }
    bool accepts(const QModelIndex& index) const override;
    void showIndex(const QModelIndex& index) override;
    /// The words for a root (NavigationModel::Root); `noReaders` when no reader is connected.
    void showRoot(int root, const QString& noReaders);

private:
    const ReaderModel* m_readers;
    const TokenTreeModel* m_tokens;
};

} // namespace tokendesk
