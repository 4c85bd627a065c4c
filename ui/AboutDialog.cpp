#include "AboutDialog.h"

#include "models/ErrorText.h"
#include "models/PrintableText.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace tokendesk {

namespace {
QString sourceText(const ComponentVersion& c)
{
    switch (c.source) {
    case ComponentVersion::Source::RunTime:
        return {};
    case ComponentVersion::Source::BuildTime:
        return AboutDialog::tr("built with");
    case ComponentVersion::Source::Package:
        return AboutDialog::tr("package %1").arg(c.package);
    }
    return {};
}
} // namespace

QString AboutDialog::tokenDeskVersion()
{
    const QString version = QCoreApplication::applicationVersion();
    return version.isEmpty() ? QStringLiteral(TOKENDESK_VERSION) : version;
}

AboutDialog::AboutDialog(const QList<ComponentVersion>& components, const ModuleList& modules, QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("About TokenDesk"));
    setObjectName(QStringLiteral("aboutDialog"));
    auto* layout = new QVBoxLayout(this);
    auto* title = new QLabel(QStringLiteral("<h2>TokenDesk %1</h2>").arg(tokenDeskVersion().toHtmlEscaped()), this);
    title->setObjectName(QStringLiteral("aboutTitle"));
    layout->addWidget(title);
    auto* what = new QLabel(tr("Smart cards, tokens and certificates on Linux."), this);
    what->setWordWrap(true);
    layout->addWidget(what);

    m_versions = new QTreeWidget(this);
    m_versions->setObjectName(QStringLiteral("versions"));
    m_versions->setAccessibleName(tr("Versions"));
    m_versions->setHeaderLabels({tr("Component"), tr("Version")});
    m_versions->setRootIsDecorated(false);
    m_versions->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    addRow(QStringLiteral("TokenDesk"), tokenDeskVersion());
    for (const ComponentVersion& c : components) {
        const QString source = sourceText(c);
        addRow(c.component, source.isEmpty() ? c.version : tr("%1 (%2)").arg(c.version, source));
    }
    for (const ModuleInfo& module : modules) {
        const QString name = tr("PKCS#11 module %1").arg(PrintableText::escape(module.name));
        if (module.error) {
            addRow(name, ErrorText::pkcs11(*module.error));
        } else {
            addRow(name, tr("%1 %2 (%3, PKCS#11 %4)")
                             .arg(PrintableText::escape(module.description), module.libraryVersion.toString(),
                                  PrintableText::escape(module.manufacturer), module.cryptokiVersion.toString()));
        }
    }
    layout->addWidget(m_versions, 1);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setText(tr("C&lose"));
    QPushButton* copy = buttons->addButton(tr("&Copy"), QDialogButtonBox::ActionRole);
    copy->setObjectName(QStringLiteral("copyVersions"));
    copy->setToolTip(tr("Copy the versions as text, for a bug report"));
    connect(copy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(versionsText()); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(720, 420);
}

void AboutDialog::addRow(const QString& component, const QString& version)
{
    auto* item = new QTreeWidgetItem(m_versions, {component, version});
    item->setToolTip(1, version);
}

QString AboutDialog::versionsText() const
{
    QString text;
    for (int i = 0; i < m_versions->topLevelItemCount(); ++i) {
        const QTreeWidgetItem* item = m_versions->topLevelItem(i);
        text += item->text(0) + QStringLiteral(": ") + item->text(1) + QLatin1Char('\n');
    }
    return text;
}

} // namespace tokendesk
