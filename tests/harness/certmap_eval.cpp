// tokendesk-certmap-eval CERT-BASE64 MATCHRULE MAPRULE: what `sssctl cert-eval-rule CERT-BASE64
// --match=MATCHRULE --map=MAPRULE` does in SSSD 2.8 (src/tools/sssctl/sssctl_cert.c,
// sssctl_cert_eval_rule), with the same libsss_certmap calls in the same order, the same sentences
// on the same streams and the same exit status. harness/sssctl-eval.sh runs it where no mount
// namespace can keep sssctl off the host's SSSD files: SSSD 2.8's sssctl opens its configuration
// database before every command although cert-eval-rule uses none of it (SSSD 2.9 dropped that for
// cert-eval-rule, upstream commit 8466f0e: "do not require SSSD to be configured on the host").
// Not linked with TokenDesk: its own evaluation (backend/pairing) is what the tests check against.

#include <QByteArray>
#include <cerrno>
#include <cstdio>
#include <cstring>

// The header has no extern "C" of its own.
extern "C" {
#include <sss_certmap.h>
}

int main(int argc, char* argv[])
{
    if (argc != 4) {
        std::fprintf(stderr, "usage: %s CERT-BASE64 MATCHRULE MAPRULE\n", argv[0]);
        return 2;
    }
    struct sss_certmap_ctx* ctx = nullptr;
    int ret = sss_certmap_init(nullptr, nullptr, nullptr, &ctx);
    if (ret != 0) {
        std::fprintf(stderr, "Failed to setup certmap context.\n");
        return 1;
    }
    // sssctl passes the rules as given (its popt options), priority 1, no domains.
    ret = sss_certmap_add_rule(ctx, 1, argv[2], argv[3], nullptr);
    if (ret != 0) {
        std::fprintf(stderr, "Failed to add mapping and matching rules with error [%d][%s].\n", ret,
                     std::strerror(ret));
        sss_certmap_free_ctx(ctx);
        return 1;
    }
    const auto decoded = QByteArray::fromBase64Encoding(QByteArray(argv[1]), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.isEmpty()) {
        std::fprintf(stderr, "Failed to decode base64 string.\n");
        sss_certmap_free_ctx(ctx);
        return 1;
    }
    const auto* der = reinterpret_cast<const uint8_t*>(decoded.decoded.constData());
    const size_t size = static_cast<size_t>(decoded.decoded.size());
    ret = sss_certmap_match_cert(ctx, der, size);
    if (ret == 0) {
        std::printf("Certificate matches rule.\n");
    } else if (ret == ENOENT) {
        std::printf("Certificate does not match rule.\n");
    } else {
        std::fprintf(stderr, "Error during certificate matching [%d][%s].\n", ret, std::strerror(ret));
    }
    // As sssctl: the filter is asked for whatever the match said (no match: ENOENT, exit 1).
    char* filter = nullptr;
    char** domains = nullptr;
    ret = sss_certmap_get_search_filter(ctx, der, size, &filter, &domains);
    if (ret != 0) {
        std::fflush(stdout);
        std::fprintf(stderr, "Failed to generate mapping filter [%d][%s].\n", ret, std::strerror(ret));
        sss_certmap_free_ctx(ctx);
        return 1;
    }
    std::printf("Mapping filter:\n\n    %s\n\n", filter);
    sss_certmap_free_filter_and_domains(filter, domains);
    sss_certmap_free_ctx(ctx);
    return 0;
}
