#include "PamConfig.h"

#include "backend/common/AtomicFile.h"

#include <QFileInfo>
#include <QRegularExpression>
#include <cerrno>

namespace tokendesk {

Result<PamConfig, PairingError> PamConfig::read(const QString& path)
{
    const auto data = AtomicFile::read(path);
    if (!data) {
        PairingError error = PairingError::fromFileError(data.error());
        if (error.code != PairingError::Code::TooLarge) {
            error.code = PairingError::Code::ConfigUnreadable;
        }
        error.path = path;
        return error;
    }
    // A missing file reads as empty: say it is missing, not that it lacks a block.
    if (data.value().isEmpty() && !QFileInfo::exists(path)) {
        PairingError error = PairingError::make(PairingError::Code::ConfigUnreadable, path);
        error.osError = ENOENT;
        return error;
    }
    return parse(data.value(), path);
}

Result<PamConfig, PairingError> PamConfig::parse(const QByteArray& text, const QString& path)
{
    auto root = Scconf::parse(text, path);
    if (!root) {
        return root.error();
    }
    const QList<const ScconfBlock*> blocks = root.value().blocks(QStringLiteral("pam_pkcs11"));
    if (blocks.isEmpty()) {
        return PairingError::make(PairingError::Code::ConfigInvalid, path, QStringLiteral("no pam_pkcs11 block"));
    }
    PamConfig config;
    config.m_path = path;
    config.m_root = *blocks.first();
    for (const QString& name : config.m_root.values(QStringLiteral("use_mappers"))) {
        config.m_useMappers.append(name.trimmed());
    }
    return config;
}

QString PamConfig::localPath(const QString& url)
{
    // pam_pkcs11's parse_uri/parse_generic_uri (src/common/uri.c): "file:" in lower case, then after
    // ":/" either an absolute path, or "/" + an authority that is dropped up to the next '/' or '?'.
    // No %-decoding; a query or fragment stays part of the path open() gets.
    if (!url.startsWith(QLatin1String("file:"))) {
        return QString();
    }
    const qsizetype slash = url.indexOf(QLatin1String(":/"));
    if (slash < 0) {
        return QString();
    }
    const QString rest = url.mid(slash + 2);
    if (!rest.startsWith(QLatin1Char('/'))) {
        return QLatin1Char('/') + rest;
    }
    const qsizetype path = rest.indexOf(QRegularExpression(QStringLiteral("[/?]")), 1);
    return path < 0 ? QStringLiteral("/") : rest.mid(path);
}

PamMapper PamConfig::mapper(const QString& name) const
{
    PamMapper m;
    m.name = name;
    m.algorithm = QStringLiteral("sha1");
    const QList<const ScconfBlock*> blocks = m_root.blocks(QStringLiteral("mapper"), name);
    if (blocks.isEmpty()) {
        return m;
    }
    const ScconfBlock* block = blocks.first();
    m.configured = true;
    m.mapfileUrl = block->value(QStringLiteral("mapfile"), QStringLiteral("none"));
    m.algorithm = block->value(QStringLiteral("algorithm"), QStringLiteral("sha1"));
    m.ignoreCase = block->boolValue(QStringLiteral("ignorecase"), false);
    m.mapfile = localPath(m.mapfileUrl);
    return m;
}

} // namespace tokendesk
