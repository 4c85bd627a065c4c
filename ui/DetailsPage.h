#pragma once

class QModelIndex;
class QWidget;

namespace tokendesk {

/// A page on the right of the window: says which selection it shows and shows it. The window
/// holds them in a list and gives the selection to the first that accepts it, so a new page
/// is one class and one registration (MainWindow::addPage). `index` is column 0 of a row of
/// the source model (ReaderModel, TokenTreeModel or IdentitiesModel), never a root.
class DetailsPage
{
public:
    virtual ~DetailsPage() = default;

    /// The widget that goes into the window's stack (the page itself).
    virtual QWidget* widget() = 0;
    virtual bool accepts(const QModelIndex& index) const = 0;
    virtual void showIndex(const QModelIndex& index) = 0;
};

} // namespace tokendesk
