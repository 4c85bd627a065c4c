#!/usr/bin/env bash
# Evaluates an SSSD certificate mapping with the real `sssctl cert-eval-rule` (Debian sssd-tools),
# without a running sssd and without touching the host's SSSD files.
#
#   sssctl-eval.sh CERT.pem MATCHRULE MAPRULE
#
# sssctl refuses to run without a configured domain ("No domains configured, fatal error!"), and it
# writes its config and cache databases (config.ldb, cache_DOMAIN.ldb, timestamps_DOMAIN.ldb) to
# /var/lib/sss/db. So it runs in a mount namespace of its own (root, or a user namespace mapped to
# root) where /etc/sssd is a throw-away folder with an sssd.conf (one files domain, 0600, owned by
# root: sssd refuses other modes) and /var/lib/sss/db an empty temporary folder. Mounts are made
# private first: nothing propagates back to the host.
#
# Prints what sssctl prints and exits with its status: 0 and, for a certificate that the match rule
# accepts,
#
#     Certificate matches rule.
#     Mapping filter:
#
#         (userCertificate;binary=\30\82...)
#
# (the filter on its own line, four spaces in); 1 and "Certificate does not match rule." when it
# does not; 1 and "Failed to add mapping and matching rules with error [22][Invalid argument]." on
# stderr for a rule that libsss_certmap cannot parse.
set -euo pipefail

[ $# -eq 3 ] || { echo "usage: $0 CERT.pem MATCHRULE MAPRULE" >&2; exit 2; }
cert=$1 match=$2 map=$3
[ -r "$cert" ] || { echo "sssctl-eval.sh: cannot read $cert" >&2; exit 2; }
# sssctl takes the DER certificate in base64 on one line: the PEM body without its armour.
b64=$(sed -n '/-----BEGIN CERTIFICATE-----/,/-----END CERTIFICATE-----/{/-----/d;p}' "$cert" | tr -d '\r\n')
[ -n "$b64" ] || { echo "sssctl-eval.sh: no PEM certificate in $cert" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -m 0700 "$tmp/etc-sssd" "$tmp/db"
(umask 077 && cat >"$tmp/etc-sssd/sssd.conf") <<'CONF'
[sssd]
services = nss
domains = tokendesk.test

[domain/tokendesk.test]
id_provider = files
CONF
chmod 0600 "$tmp/etc-sssd/sssd.conf"

ns=(unshare --mount)
[ "$(id -u)" -eq 0 ] || ns=(unshare --user --map-root-user --mount)
# shellcheck disable=SC2016 # expanded by the inner shell
"${ns[@]}" sh -c '
    mount --make-rprivate / &&
    mount --bind "$1" /etc/sssd &&
    mount --bind "$2" /var/lib/sss/db &&
    exec sssctl cert-eval-rule "$3" --match="$4" --map="$5"
' sh "$tmp/etc-sssd" "$tmp/db" "$b64" "$match" "$map"
