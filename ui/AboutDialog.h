#pragma once

#include "backend/common/ComponentVersions.h"
#include "backend/pkcs11/ModuleInfo.h"

#include <QDialog>

class QTreeWidget;

namespace tokendesk {

/// Help ▸ About TokenDesk: TokenDesk's version and the versions it runs on (Qt, OpenSSL, pcsc-lite,
/// p11-kit: ComponentVersions, each saying where it was learnt) and every PKCS#11 module the window
/// loaded (C_GetInfo's description, manufacturer and library version). Copy puts them on the
/// clipboard as text for a bug report.
class AboutDialog : public QDialog
{
    Q_OBJECT
public:
    AboutDialog(const QList<ComponentVersion>& components, const ModuleList& modules, QWidget* parent = nullptr);

    /// The versions as plain text, one per line: what Copy copies.
    QString versionsText() const;
    QTreeWidget* versions() const { return m_versions; }

    /// TokenDesk's version: the application's, else the one it was built as.
    static QString tokenDeskVersion();

private:
    void addRow(const QString& component, const QString& version);

    QTreeWidget* m_versions = nullptr;
};

} // namespace tokendesk
