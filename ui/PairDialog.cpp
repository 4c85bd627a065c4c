#include "PairDialog.h"

#include "StatusStyle.h"
#include "models/PairingText.h"
#include "models/PrintableText.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace tokendesk {

namespace {
QLabel* wrapped(const QString& objectName, QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}
} // namespace

PairDialog::PairDialog(const CertificateInfo& certificate, const PairingJobs::PairContext& context,
                       const QStringList& localLogins, QWidget* parent)
    : QDialog(parent), m_localLogins(localLogins)
{
    setWindowTitle(tr("Pair with an account", "Pair the verb"));
    setObjectName(QStringLiteral("pairDialog"));

    auto* intro = wrapped(QStringLiteral("certificate"), this);
    intro->setText(tr("Pair the certificate <b>%1</b> with an account, so that its card logs in as that account.")
                       .arg(PrintableText::escape(certificate.subject).toHtmlEscaped()));

    m_login = new QComboBox(this);
    m_login->setObjectName(QStringLiteral("login"));
    m_login->setEditable(true);
    m_login->addItems(localLogins);
    m_login->setCurrentIndex(-1);
    m_login->lineEdit()->setPlaceholderText(tr("login name"));
    m_login->setMinimumContentsLength(24);
    m_loginWarning = wrapped(QStringLiteral("loginWarning"), this);
    StatusStyle::apply(m_loginWarning, StatusPalette::Status::Warning);
    // One line, kept for it, so the dialog does not jump while a login is typed (a wrapped label's
    // height for width leaves gaps in a form).
    m_loginWarning->setWordWrap(false);
    m_loginWarning->setMinimumHeight(m_loginWarning->fontMetrics().lineSpacing());

    m_store = new QComboBox(this);
    m_store->setObjectName(QStringLiteral("store"));
    for (const PairingJobs::StoreChoice& store : context.stores) {
        m_store->addItem(tr("%1 (%2 mapper)").arg(PrintableText::escape(store.spec), store.mapper), store.spec);
    }

    auto* form = new QFormLayout;
    form->addRow(tr("&Login:"), m_login);
    form->addRow(QString(), m_loginWarning);
    form->addRow(tr("&Store:"), m_store);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);

    if (!context.pairings.isEmpty()) {
        QStringList lines;
        for (const Pairing& p : context.pairings) {
            lines.append(
                tr("\u201c%1\u201d in %2").arg(PrintableText::escape(p.login), PrintableText::escape(p.store())));
        }
        auto* existing = wrapped(QStringLiteral("existing"), this);
        existing->setText(tr("Already paired with %1.").arg(lines.join(QStringLiteral(", "))));
        layout->addWidget(existing);
    }
    QStringList warnings;
    for (FitnessWarning w : context.fitness) {
        warnings.append(QStringLiteral("\u2022 ") + PairingText::fitness(w));
        m_blocking = m_blocking || LoginFitness::blocks(w);
    }
    auto* fitness = wrapped(QStringLiteral("fitness"), this);
    fitness->setText(warnings.isEmpty() ? QString()
                                        : tr("This certificate may not work for logging in:") + QLatin1Char('\n') +
                                              warnings.join(QLatin1Char('\n')));
    StatusStyle::apply(fitness, StatusPalette::Status::Warning);
    fitness->setVisible(!warnings.isEmpty());
    layout->addWidget(fitness);
    m_pairAnyway = new QCheckBox(tr("Pair &anyway, knowing it may not work", "Pair the verb"), this);
    m_pairAnyway->setObjectName(QStringLiteral("pairAnyway"));
    m_pairAnyway->setVisible(m_blocking);
    layout->addWidget(m_pairAnyway);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Pair", "Pair the verb"));
    layout->addStretch();
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_login, &QComboBox::editTextChanged, this, &PairDialog::update);
    connect(m_pairAnyway, &QCheckBox::toggled, this, &PairDialog::update);
    update();
    setMinimumWidth(560);
}

QString PairDialog::login() const
{
    return m_login->currentText().trimmed();
}

void PairDialog::setLogin(const QString& login)
{
    m_login->setEditText(login);
}

QString PairDialog::storeSpec() const
{
    return m_store->currentData().toString();
}

void PairDialog::update()
{
    const QString name = login();
    const bool unknown = !name.isEmpty() && !m_localLogins.contains(name);
    m_loginWarning->setText(unknown ? tr("No local account \u201c%1\u201d: fine for a directory account, else check "
                                         "the spelling.")
                                          .arg(PrintableText::escape(name))
                                    : QString());
    if (name.isEmpty()) {
        m_problem = tr("Enter the login to pair with.");
    } else if (m_store->count() == 0) {
        m_problem = tr("No store to write: configure pam_pkcs11 or the pairing stores.");
    } else if (m_blocking && !m_pairAnyway->isChecked()) {
        m_problem = tr("Tick \u201cPair anyway\u201d to pair a certificate that may not work for logging in.");
    } else {
        m_problem.clear();
    }
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(m_problem.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setToolTip(m_problem);
    // Now, not at the next event: the warning that came must not be clipped in the meantime.
    layout()->activate();
    const int needed =
        layout()->hasHeightForWidth() ? layout()->totalHeightForWidth(width()) : layout()->totalMinimumSize().height();
    if (isVisible() && needed > height()) {
        resize(width(), needed);
    }
}

} // namespace tokendesk
