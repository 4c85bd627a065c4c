#pragma once

#include "models/StatusPalette.h"

#include <optional>

class QWidget;

namespace tokendesk {

/// Status colours on labels and check boxes, from StatusPalette: chosen for the application's
/// palette now and chosen again when that palette changes (a dark theme switched on while the
/// window is open). The colour only adds to the words the widget already says.
class StatusStyle
{
public:
    /// Colours `widget`'s text for `status` (bold if asked); no status: the palette's own colour.
    static void apply(QWidget* widget, std::optional<StatusPalette::Status> status, bool bold = false);
    /// The status `widget` was given by apply(), if any.
    static std::optional<StatusPalette::Status> statusOf(const QWidget* widget);
};

} // namespace tokendesk
