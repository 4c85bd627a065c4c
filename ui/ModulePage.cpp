#include "ModulePage.h"

#include "StatusStyle.h"
#include "models/ErrorText.h"
#include "models/TokenTreeModel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace tokendesk {

namespace {

/// A failure Retry can mend: the module's process crashed or was stopped; a file that does not
/// load or a C_Initialize that fails would fail again the same way.
bool retryable(const ModuleInfo& module)
{
    return module.isolated && module.error &&
           (module.error->kind == Pkcs11Error::Kind::ModuleCrashed ||
            module.error->kind == Pkcs11Error::Kind::ModuleHung);
}

} // namespace

ModulePage::ModulePage(QWidget* parent)
    : QWidget(parent), m_title(new QLabel(this)), m_details(new QLabel(this)), m_error(new QLabel(this)),
      m_retry(new QPushButton(tr("&Retry"), this))
{
    setObjectName(QStringLiteral("modulePage"));
    QFont title = m_title->font();
    title.setPointSizeF(title.pointSizeF() * 1.3);
    title.setBold(true);
    m_title->setFont(title);
    m_title->setWordWrap(true);
    for (QLabel* label : {m_title, m_details, m_error}) {
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        label->setWordWrap(true);
    }
    m_details->setObjectName(QStringLiteral("moduleDetails"));
    m_error->setObjectName(QStringLiteral("moduleError"));
    StatusStyle::apply(m_error, StatusPalette::Status::Bad);
    m_retry->setObjectName(QStringLiteral("retryModule"));
    m_retry->setToolTip(tr("Start the module's process again and read its tokens"));
    connect(m_retry, &QPushButton::clicked, this, [this] {
        m_retry->setEnabled(false); // until the module's row changes
        Q_EMIT retryRequested(m_path);
    });

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_retry);
    buttons->addStretch();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->addWidget(m_title);
    layout->addWidget(m_details);
    layout->addWidget(m_error);
    layout->addLayout(buttons);
    layout->addStretch();
}

bool ModulePage::accepts(const QModelIndex& index) const
{
    // A row of the token tree only: another model's row has no such role (an invalid QVariant,
    // whose toInt() would be Module's 0).
    return qobject_cast<const TokenTreeModel*>(index.model()) &&
           index.data(TokenTreeModel::KindRole).toInt() == static_cast<int>(TokenTreeModel::Kind::Module);
}

void ModulePage::showIndex(const QModelIndex& index)
{
    const auto module = index.data(TokenTreeModel::ModuleInfoRole).value<ModuleInfo>();
    m_path = module.path;
    m_title->setText(index.data(Qt::DisplayRole).toString());
    QStringList lines{module.path};
    if (!module.description.isEmpty()) {
        lines << tr("%1 by %2").arg(module.description, module.manufacturer);
    }
    lines << (module.isolated ? tr("Runs in a process of its own: if it crashes or hangs, TokenDesk stays up.")
                              : tr("Runs inside TokenDesk."));
    m_details->setText(lines.join(QLatin1Char('\n')));
    m_error->setText(module.error ? ErrorText::pkcs11(*module.error) : QString());
    m_error->setVisible(module.error.has_value());
    m_retry->setVisible(retryable(module));
    m_retry->setEnabled(true);
}

} // namespace tokendesk
