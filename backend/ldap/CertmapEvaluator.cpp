#include "CertmapEvaluator.h"

#include <cerrno>
#include <memory>

extern "C" {
#include <sss_certmap.h>
}

namespace tokendesk {

namespace {

struct ContextFree
{
    void operator()(sss_certmap_ctx* ctx) const { sss_certmap_free_ctx(ctx); }
};
using Context = std::unique_ptr<sss_certmap_ctx, ContextFree>;

} // namespace

Result<QList<CertmapMatch>, PairingError> CertmapEvaluator::evaluate(const QList<CertmapRule>& rules,
                                                                     const QByteArray& der, const QString& configPath)
{
    QList<CertmapMatch> matches;
    // One context per rule, so that TokenDesk can say which rule matched; the rules are in
    // priority order, as libsss_certmap tries them.
    for (const CertmapRule& rule : rules) {
        sss_certmap_ctx* raw = nullptr;
        if (sss_certmap_init(nullptr, nullptr, nullptr, &raw) != 0 || !raw) {
            return PairingError::make(PairingError::Code::Io, configPath, QStringLiteral("sss_certmap_init"));
        }
        const Context ctx(raw);
        const QByteArray matchRule = rule.matchRule.toUtf8();
        const QByteArray mapRule = rule.mapRule.toUtf8();
        const int added =
            sss_certmap_add_rule(ctx.get(), rule.priority, matchRule.isEmpty() ? nullptr : matchRule.constData(),
                                 mapRule.isEmpty() ? nullptr : mapRule.constData(), nullptr);
        if (added != 0) {
            return PairingError::make(PairingError::Code::ConfigInvalid, configPath,
                                      QStringLiteral("%1: libsss_certmap refuses the rule (%2)")
                                          .arg(rule.section(), QString::fromLocal8Bit(strerror(added))));
        }
        char* filter = nullptr;
        char** domains = nullptr;
        const int rc = sss_certmap_get_search_filter(ctx.get(), reinterpret_cast<const uint8_t*>(der.constData()),
                                                     size_t(der.size()), &filter, &domains);
        if (rc == 0 && filter) {
            matches.append(CertmapMatch{rule, QString::fromUtf8(filter)});
        }
        sss_certmap_free_filter_and_domains(filter, domains);
    }
    return matches;
}

} // namespace tokendesk
