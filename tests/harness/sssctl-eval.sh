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
#
# Where no mount namespace can be made (an unprivileged container, a chroot whose root is not a
# mount point), sssctl is not run (it would read the host's /etc/sssd and write /var/lib/sss/db):
# $TOKENDESK_CERTMAP_EVAL (tests/harness/certmap_eval.cpp, built as tokendesk-certmap-eval) does
# what sssctl 2.8's cert-eval-rule does, the same libsss_certmap calls with the same output and
# status, and one line on stderr says so. sssctl's configuration plays no part in the result: it
# opens it before every command, and SSSD 2.9 stopped doing so for cert-eval-rule. Without that
# program, 3 and one sentence on stderr.
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

# shellcheck disable=SC2016 # expanded by the inner shell
isolate='mount --make-rprivate / && mount --bind "$1" /etc/sssd && mount --bind "$2" /var/lib/sss/db'

# The isolation is tried on its own first: sssctl's "does not match" is exit 1 too, and a refused
# namespace (an unprivileged container, a chroot whose root is not a mount point) must read as
# that, never as a verdict; without one, sssctl is not run at all (it would use the host's files).
ns=() why=''
for form in 'unshare --mount' 'unshare --user --map-root-user --mount'; do
    [ "$form" != 'unshare --mount' ] || [ "$(id -u)" -eq 0 ] || continue
    # shellcheck disable=SC2086 # $form is two or four words
    if out=$($form sh -c "$isolate" sh "$tmp/etc-sssd" "$tmp/db" 2>&1); then
        read -ra ns <<<"$form"
        break
    fi
    [ -n "$why" ] || why=$(printf '%s\n' "$out" | head -n 1)
done
if [ ${#ns[@]} -eq 0 ]; then
    eval=${TOKENDESK_CERTMAP_EVAL:-}
    if [ -z "$eval" ] || [ ! -x "$eval" ]; then
        echo "sssctl-eval.sh: sssctl could not be isolated: this environment refuses the mount namespace it needs ($why) and the host's /etc/sssd is never used instead; run it where unshare --mount works (as root, or with user namespaces), or set TOKENDESK_CERTMAP_EVAL to the build's tests/tokendesk-certmap-eval" >&2
        exit 3
    fi
    echo "sssctl-eval.sh: no mount namespace here ($why): the rule is evaluated by libsss_certmap as sssctl cert-eval-rule does, through $eval, not by sssctl (which would read the host's /etc/sssd)" >&2
    # Not exec: the EXIT trap must still remove $tmp (an exec'd stand-in left one in /tmp a call).
    status=0
    "$eval" "$b64" "$match" "$map" || status=$?
    exit "$status"
fi
# shellcheck disable=SC2016 # expanded by the inner shell
"${ns[@]}" sh -c "$isolate"' && exec sssctl cert-eval-rule "$3" --match="$4" --map="$5"' \
    sh "$tmp/etc-sssd" "$tmp/db" "$b64" "$match" "$map"
