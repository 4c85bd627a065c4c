#include "ImportP12Actions.h"

#include "ImportP12Wizard.h"
#include "MainWindow.h"
#include "backend/AppServices.h"

#include <QAction>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QMimeData>
#include <QUrl>
#include <QWidget>

namespace tokendesk {

namespace {

/// The one local .p12 / .pfx file a drag carries; empty for anything else.
QString droppedFile(const QMimeData* mime)
{
    if (!mime || !mime->hasUrls() || mime->urls().size() != 1) {
        return {};
    }
    const QUrl url = mime->urls().constFirst();
    return url.isLocalFile() && ImportP12Actions::isP12Name(url.toLocalFile()) ? url.toLocalFile() : QString();
}

} // namespace

ImportP12Actions::ImportP12Actions(QWidget* window) : QObject(window), m_window(window)
{
    m_action = new QAction(QIcon::fromTheme(QStringLiteral("document-import")), tr("&Import .p12…"), this);
    m_action->setObjectName(QStringLiteral("importP12"));
    m_action->setShortcut(QKeySequence(tr("Ctrl+I")));
    m_action->setToolTip(tr("Import a PKCS#12 file (.p12, .pfx) into a virtual token"));
    connect(m_action, &QAction::triggered, this, [this] { open(); });
    window->setAcceptDrops(true);
    window->installEventFilter(this);
}

bool ImportP12Actions::isP12Name(const QString& path)
{
    return path.endsWith(QLatin1String(".p12"), Qt::CaseInsensitive) ||
           path.endsWith(QLatin1String(".pfx"), Qt::CaseInsensitive);
}

ImportP12Wizard* ImportP12Actions::wizard() const
{
    return m_wizard;
}

ImportP12Wizard* ImportP12Actions::open(const QString& path)
{
    if (!m_wizard) {
        m_wizard = new ImportP12Wizard(m_window);
        if (auto* window = qobject_cast<MainWindow*>(m_window); window && window->services()) {
            m_wizard->setModules(window->services()->registry());
        }
        m_wizard->setAttribute(Qt::WA_DeleteOnClose);
        m_wizard->setWindowModality(Qt::WindowModal);
        connect(m_wizard, &ImportP12Wizard::imported, this, &ImportP12Actions::imported);
        m_wizard->show();
    }
    m_wizard->raise();
    m_wizard->activateWindow();
    if (!path.isEmpty() && m_wizard->currentId() == ImportP12Wizard::FileId) {
        m_wizard->openFile(path);
    }
    return m_wizard;
}

bool ImportP12Actions::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_window && event->type() == QEvent::DragEnter) {
        auto* drag = static_cast<QDragEnterEvent*>(event);
        if (!droppedFile(drag->mimeData()).isEmpty()) {
            drag->acceptProposedAction();
            return true;
        }
    } else if (watched == m_window && event->type() == QEvent::Drop) {
        auto* drop = static_cast<QDropEvent*>(event);
        const QString path = droppedFile(drop->mimeData());
        if (!path.isEmpty()) {
            drop->acceptProposedAction();
            open(path);
            return true;
        }
    }
    return QObject::eventFilter(watched, event);
}

} // namespace tokendesk
