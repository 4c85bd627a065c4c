#include "CopyField.h"

#include <QClipboard>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QToolButton>

namespace tokendesk {

CopyField::CopyField(const QString& objectName, QWidget* parent) : QWidget(parent)
{
    setObjectName(objectName);
    m_label = makeValueLabel(objectName + QStringLiteral("Text"), this, true);
    m_copy = new QToolButton(this);
    m_copy->setObjectName(objectName + QStringLiteral("Copy"));
    m_copy->setIcon(QIcon::fromTheme(QStringLiteral("edit-copy")));
    m_copy->setText(tr("Copy"));
    m_copy->setToolTip(tr("Copy to the clipboard"));
    m_copy->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    connect(m_copy, &QToolButton::clicked, this, [this] { QGuiApplication::clipboard()->setText(m_text); });
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_copy, 0, Qt::AlignTop);
}

void CopyField::setText(const QString& text)
{
    m_text = text;
    m_label->setText(breakable(text));
    m_label->setToolTip(text);
    m_copy->setEnabled(!text.isEmpty());
}

QString CopyField::breakable(const QString& text)
{
    // URIs have no spaces, and a label only wraps at word boundaries: without a break a long
    // part ("object=PIV%20Authentication...") is cut off at the page's edge. A zero-width space
    // goes after each separator and percent escape, and into any run longer than kRun.
    constexpr int kRun = 16;
    const QChar zwsp(0x200B);
    QString shown;
    shown.reserve(text.size() * 2);
    int run = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        shown += c;
        ++run;
        const bool separator = c == QLatin1Char(';') || c == QLatin1Char('?') || c == QLatin1Char('&') ||
                               c == QLatin1Char(':') || c == QLatin1Char(',');
        const bool escapeEnd = i >= 2 && text.at(i - 2) == QLatin1Char('%');
        if (i + 1 < text.size() && (separator || escapeEnd || run >= kRun)) {
            shown += zwsp;
            run = 0;
        }
    }
    return shown;
}

QString CopyField::text() const
{
    return m_text;
}

QLabel* makeTitleLabel(QWidget* parent)
{
    auto* title = new QLabel(parent);
    QFont font = title->font();
    font.setPointSizeF(font.pointSizeF() * 1.4);
    font.setBold(true);
    title->setFont(font);
    title->setWordWrap(true);
    title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return title;
}

QLabel* makeValueLabel(const QString& objectName, QWidget* parent, bool mono)
{
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setTextFormat(Qt::PlainText);
    // Long URIs and subjects wrap inside the page instead of widening it.
    label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    if (mono) {
        label->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    }
    return label;
}

} // namespace tokendesk
