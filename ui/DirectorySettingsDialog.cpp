#include "DirectorySettingsDialog.h"

#include "SecretField.h"
#include "StatusStyle.h"
#include "backend/ldap/LdapStore.h"
#include "commands/AsyncTask.h"
#include "models/PairingText.h"
#include "models/PrintableText.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>
#include <iterator>

namespace tokendesk {

namespace {

QLineEdit* textField(const QString& objectName, const QString& accessibleName, const QString& text, QWidget* parent)
{
    auto* field = new QLineEdit(text, parent);
    field->setObjectName(objectName);
    field->setAccessibleName(accessibleName);
    return field;
}

QLabel* sentence(const QString& objectName, QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

DirectorySettingsDialog::DirectorySettingsDialog(const QString& url, const DirectoryOptions& options,
                                                 DirectoryAccessPtr current, bool remember, QWidget* parent)
    : QDialog(parent), m_current(std::move(current)), m_currentUrl(url)
{
    setObjectName(QStringLiteral("directorySettingsDialog"));
    setWindowTitle(tr("Directory"));
    setMinimumWidth(620);

    auto* intro = sentence(QStringLiteral("intro"), this);
    intro->setText(tr("Pair cards in an LDAP directory that SSSD reads: each certificate goes to its account's entry. "
                      "With a directory set, the Pairings list and Pair and Unpair use it."));
    m_note = sentence(QStringLiteral("note"), this);
    m_note->setStyleSheet(QStringLiteral("font-weight: bold;"));
    m_note->hide();

    m_url = textField(QStringLiteral("url"), tr("Directory URL"), url, this);
    m_url->setPlaceholderText(QStringLiteral("ldaps://dir.example.com/ou=people,dc=example,dc=com"));
    m_urlError = sentence(QStringLiteral("urlError"), this);
    StatusStyle::apply(m_urlError, StatusPalette::Status::Alert);
    m_bindDn = textField(QStringLiteral("bindDn"), tr("Bind DN"), options.bindDn, this);
    m_bindDn->setPlaceholderText(tr("empty: anonymous"));
    m_password = SecretField::create(QStringLiteral("password"), this);
    m_password->setAccessibleName(tr("Bind password"));
    m_remember = new QCheckBox(tr("&Remember the password in the keyring"), this);
    m_remember->setObjectName(QStringLiteral("rememberPassword"));
    m_remember->setAccessibleName(tr("Remember the password in the keyring"));
    m_remember->setToolTip(tr("Kept in the desktop's Secret Service (GNOME Keyring, KWallet), never in a file. "
                              "Unticked: asked once per session."));
    m_remember->setChecked(remember);
    m_caFile = textField(QStringLiteral("caFile"), tr("CA file"), options.caFile, this);
    m_caFile->setPlaceholderText(tr("empty: the system's trusted CAs"));
    m_browse = new QPushButton(tr("Br&owse\u2026"), this);
    m_browse->setObjectName(QStringLiteral("browseCaFile"));
    m_browse->setAccessibleName(tr("Browse for the CA file"));
    m_startTls = new QCheckBox(tr("Use Start&TLS (for ldap:// URLs; ldaps:// is always TLS)"), this);
    m_startTls->setObjectName(QStringLiteral("startTls"));
    m_startTls->setAccessibleName(tr("Use StartTLS"));
    m_startTls->setChecked(options.startTls);
    m_userFilter = textField(QStringLiteral("userFilter"), tr("User filter"), options.userFilter, this);
    m_userFilter->setToolTip(tr("%s is the login"));
    m_certificateAttribute = textField(QStringLiteral("certificateAttribute"), tr("Certificate attribute"),
                                       options.certificateAttribute, this);
    m_timeout = new QSpinBox(this);
    m_timeout->setObjectName(QStringLiteral("timeout"));
    m_timeout->setAccessibleName(tr("Time-out in seconds"));
    m_timeout->setRange(1, 300);
    m_timeout->setSuffix(tr(" s", "seconds"));
    m_timeout->setValue(qBound(1, (options.operationTimeoutMs + 999) / 1000, 300));
    m_timeout->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    m_sssdConf = textField(QStringLiteral("sssdConf"), tr("SSSD configuration"), options.sssdConf, this);
    m_sssdConf->setPlaceholderText(DirectoryOptions::defaultSssdConf());
    m_sssdConf->setToolTip(tr("sssd.conf with the certificate mapping rules, for “Check this card”"));

    auto* caRow = new QHBoxLayout;
    caRow->addWidget(m_caFile, 1);
    caRow->addWidget(m_browse);
    auto* form = new QFormLayout;
    form->addRow(tr("Directory &URL:"), m_url);
    form->addRow(QString(), m_urlError);
    form->addRow(tr("&Bind DN:"), m_bindDn);
    form->addRow(tr("&Password:"), m_password);
    form->addRow(QString(), m_remember);
    form->addRow(tr("C&A file:"), caRow);
    // QFormLayout makes the label of a row that holds a layout buddy of nothing: the mnemonic goes to the field.
    if (auto* label = qobject_cast<QLabel*>(form->labelForField(caRow))) {
        label->setBuddy(m_caFile);
    }
    form->addRow(QString(), m_startTls);
    form->addRow(tr("User &filter:"), m_userFilter);
    form->addRow(tr("&Certificate attribute:"), m_certificateAttribute);
    form->addRow(tr("Ti&me-out:"), m_timeout);
    form->addRow(tr("&SSSD configuration:"), m_sssdConf);

    m_test = new QPushButton(tr("Test co&nnection"), this);
    m_test->setObjectName(QStringLiteral("testConnection"));
    m_test->setAccessibleName(tr("Test connection"));
    m_test->setAutoDefault(false);
    m_testResult = sentence(QStringLiteral("testResult"), this);
    m_testResult->setAccessibleName(tr("Test result"));
    // Room for the longest sentences (a TLS failure) from the start, so the dialog does not jump.
    m_testResult->setMinimumHeight(3 * m_testResult->fontMetrics().lineSpacing());
    m_testResult->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    auto* testRow = new QHBoxLayout;
    testRow->addWidget(m_test);
    testRow->addStretch();

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setAccessibleName(tr("Save the directory settings"));
    m_buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_note);
    layout->addLayout(form);
    layout->addLayout(testRow);
    layout->addWidget(m_testResult);
    layout->addStretch();
    layout->addWidget(m_buttons);

    QWidget* order[] = {m_url,      m_bindDn,     m_password,
                        m_remember, m_caFile,     m_browse,
                        m_startTls, m_userFilter, m_certificateAttribute,
                        m_timeout,  m_sssdConf,   m_test,
                        m_buttons};
    for (size_t i = 1; i < std::size(order); ++i) {
        setTabOrder(order[i - 1], order[i]);
    }

    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        update();
        if (m_problem.isEmpty()) {
            Q_EMIT submitted();
            accept();
        }
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_test, &QPushButton::clicked, this, &DirectorySettingsDialog::testConnection);
    connect(m_browse, &QPushButton::clicked, this, &DirectorySettingsDialog::browseCaFile);
    for (QLineEdit* field : {m_url, m_bindDn, m_password}) {
        connect(field, &QLineEdit::textChanged, this, &DirectorySettingsDialog::update);
    }
    update();
}

DirectorySettingsDialog::~DirectorySettingsDialog()
{
    stopTest();
    SecretField::wipe(m_password);
}

void DirectorySettingsDialog::done(int result)
{
    stopTest();
    SecretField::wipe(m_password);
    QDialog::done(result);
}

QString DirectorySettingsDialog::url() const
{
    return m_url->text().trimmed();
}

DirectoryOptions DirectorySettingsDialog::options() const
{
    DirectoryOptions o;
    o.bindDn = m_bindDn->text().trimmed();
    o.caFile = m_caFile->text().trimmed();
    o.startTls = m_startTls->isChecked();
    if (!m_userFilter->text().trimmed().isEmpty()) {
        o.userFilter = m_userFilter->text().trimmed();
    }
    if (!m_certificateAttribute->text().trimmed().isEmpty()) {
        o.certificateAttribute = m_certificateAttribute->text().trimmed();
    }
    o.connectTimeoutMs = m_timeout->value() * 1000;
    o.operationTimeoutMs = o.connectTimeoutMs;
    o.sssdConf = m_sssdConf->text().trimmed();
    return o;
}

bool DirectorySettingsDialog::remember() const
{
    return m_remember->isChecked() && !m_bindDn->text().trimmed().isEmpty();
}

SecureBytes DirectorySettingsDialog::password() const
{
    const QString bindDn = m_bindDn->text().trimmed();
    if (bindDn.isEmpty()) {
        return {};
    }
    if (!m_password->text().isEmpty()) {
        return SecretField::copy(m_password);
    }
    // Nothing typed: the password known stays, for the same bind DN of the same directory.
    if (m_current && m_current->options.bindDn == bindDn && url() == m_currentUrl) {
        return SecureBytes(m_current->password.bytes().constData(), m_current->password.size());
    }
    return {};
}

void DirectorySettingsDialog::setNote(const QString& note)
{
    m_note->setText(note);
    m_note->setVisible(!note.isEmpty());
}

QString DirectorySettingsDialog::testResult() const
{
    return m_testResult->text();
}

void DirectorySettingsDialog::update()
{
    const QString text = url();
    const bool valid = text.isEmpty() || LdapUrl::parse(text).ok();
    m_urlError->setText(valid ? QString()
                              : tr("Enter an ldap:// or ldaps:// URL with the server and the search base, e.g. "
                                   "ldaps://dir.example.com/ou=people,dc=example,dc=com."));
    m_urlError->setVisible(!valid);
    m_problem = valid ? QString() : m_urlError->text();
    m_startTls->setEnabled(!text.startsWith(QLatin1String("ldaps://"), Qt::CaseInsensitive));
    const bool bound = !m_bindDn->text().trimmed().isEmpty();
    m_password->setEnabled(bound);
    m_remember->setEnabled(bound);
    const bool known = bound && m_current && !m_current->password.isEmpty() &&
                       m_current->options.bindDn == m_bindDn->text().trimmed() && text == m_currentUrl;
    m_password->setPlaceholderText(!bound  ? tr("none: an anonymous bind")
                                   : known ? tr("known (type to change it)")
                                           : QString());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(valid);
    m_buttons->button(QDialogButtonBox::Ok)->setToolTip(m_problem);
    m_test->setEnabled(isTesting() || (valid && !text.isEmpty()));
}

void DirectorySettingsDialog::testConnection()
{
    if (isTesting()) {
        stopTest();
        showTestResult(false, tr("Test stopped."));
        return;
    }
    auto parsed = LdapUrl::parse(url());
    if (!parsed) {
        update();
        return;
    }
    auto access = std::make_shared<DirectoryAccess>();
    access->options = options();
    access->password = password();
    const QString bindDn = access->options.bindDn;
    m_testCancel = std::make_shared<std::atomic_bool>(false);
    const quint64 run = ++m_testRun;
    m_test->setText(tr("S&top test"));
    StatusStyle::apply(m_testResult, std::nullopt);
    m_testResult->setText(tr("Connecting to %1\u2026").arg(PrintableText::escape(parsed.value().server)));
    AsyncTask::runThenCallback(
        this,
        [url = parsed.value(), access = DirectoryAccessPtr(std::move(access)), cancel = m_testCancel] {
            LdapStore store(url, access);
            store.setCancelFlag(cancel.get());
            return store.check();
        },
        [this, run, bindDn, parsed = parsed.value()](const Result<QString, PairingError>& r) {
            if (run != m_testRun || !isTesting()) {
                return; // stopped, or a newer test runs
            }
            m_testCancel.reset();
            m_test->setText(tr("Test co&nnection"));
            update();
            if (!r) {
                showTestResult(false, PairingText::error(r.error()));
                return;
            }
            const QString who = bindDn.isEmpty() ? tr("anonymously") : tr("as %1").arg(PrintableText::escape(bindDn));
            showTestResult(
                !r.value().isEmpty(),
                r.value().isEmpty()
                    ? tr("Connected to %1 %2, but nothing can be read below %3: check the search base "
                         "and what this bind DN may read.")
                          .arg(PrintableText::escape(parsed.server), who, PrintableText::escape(parsed.base))
                    : tr("Connected to %1 %2; the search base %3 can be read.")
                          .arg(PrintableText::escape(parsed.server), who, PrintableText::escape(parsed.base)));
        });
}

void DirectorySettingsDialog::stopTest()
{
    if (m_testCancel) {
        m_testCancel->store(true);
        m_testCancel.reset();
        if (m_test) {
            m_test->setText(tr("Test co&nnection"));
        }
    }
}

void DirectorySettingsDialog::showTestResult(bool connected, const QString& text)
{
    StatusStyle::apply(m_testResult, connected ? StatusPalette::Status::Good : StatusPalette::Status::Alert);
    m_testResult->setText(text);
    update();
    // A sentence longer than the room kept for it: the dialog grows rather than clip it.
    layout()->activate();
    const int needed =
        layout()->hasHeightForWidth() ? layout()->totalHeightForWidth(width()) : layout()->totalMinimumSize().height();
    if (isVisible() && needed > height()) {
        resize(width(), needed);
    }
    Q_EMIT tested(connected, text);
}

void DirectorySettingsDialog::browseCaFile()
{
    // Not the static getOpenFileName: its nested event loop would run under the dialog.
    auto* chooser = new QFileDialog(this, tr("CA certificates (PEM)"), m_caFile->text());
    chooser->setObjectName(QStringLiteral("caFileChooser"));
    chooser->setAttribute(Qt::WA_DeleteOnClose);
    chooser->setFileMode(QFileDialog::ExistingFile);
    chooser->setNameFilters({tr("PEM files (*.pem *.crt *.cer)"), tr("All files (*)")});
    connect(chooser, &QFileDialog::fileSelected, this, [this](const QString& path) { m_caFile->setText(path); });
    chooser->open();
}

} // namespace tokendesk
