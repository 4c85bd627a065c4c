#pragma once

#include <QWidget>

class QLabel;
class QToolButton;

namespace tokendesk {

/// A value people copy (a PKCS#11 URI, a fingerprint): selectable text with a Copy button beside it.
class CopyField : public QWidget
{
    Q_OBJECT
public:
    explicit CopyField(const QString& objectName, QWidget* parent = nullptr);

    void setText(const QString& text);
    /// The value as given (what Copy puts on the clipboard).
    QString text() const;
    QLabel* label() const { return m_label; }
    QToolButton* copyButton() const { return m_copy; }
    /// `text` with zero-width spaces where a long URI or hex value may wrap: what the label shows.
    static QString breakable(const QString& text);

private:
    QString m_text;
    QLabel* m_label = nullptr;
    QToolButton* m_copy = nullptr;
};

/// A page's title: larger, bold, selectable.
QLabel* makeTitleLabel(QWidget* parent);
/// A form value: selectable, word-wrapped; fixed-width for hex and URIs when `mono`.
QLabel* makeValueLabel(const QString& objectName, QWidget* parent, bool mono = false);

} // namespace tokendesk
