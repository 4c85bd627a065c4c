#pragma once

class QCoreApplication;

namespace tokendesk {

/// Qt's own words and TokenDesk's in the user's language (the .qm files are in the binary, under
/// :/i18n, from the tokendesk_i18n library): the same for the command line and the window.
void installTranslations(QCoreApplication& app);

} // namespace tokendesk
