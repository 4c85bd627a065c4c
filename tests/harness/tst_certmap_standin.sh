#!/usr/bin/env bash
# shellcheck disable=SC2016 # ${issuer_dn} in the rules is certmap's template, not the shell's
# sssctl-eval.sh's stand-in (tokendesk-certmap-eval, where mount namespaces are refused) against
# the real `sssctl cert-eval-rule` in a mount namespace: the same stdout, stderr (but the stand-in's
# one line saying it ran) and exit status for rules that match, do not match, do not parse, and for
# each kind of mapping template. Skipped (77) where no mount namespace can be made: sssctl cannot
# be run there without the host's SSSD files, so there is nothing to compare with.
#
#   tst_certmap_standin.sh SSSCTL-EVAL.SH TOKENDESK-CERTMAP-EVAL
set -euo pipefail
eval_sh=$1 standin=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

openssl req -x509 -nodes -newkey ec -pkeyopt ec_paramgen_curve:P-256 -days 5 -set_serial 0x0102030405 \
    -subj "/C=DE/O=Token Desk, Inc./CN=Alice Card" -addext "subjectAltName = email:alice@example.org" \
    -addext "extendedKeyUsage = clientAuth" -keyout "$tmp/k.pem" -out "$tmp/c.pem" 2>/dev/null

failing=$tmp/bin
mkdir "$failing"
printf '#!/bin/sh\necho "unshare: unshare failed: Operation not permitted" >&2\nexit 1\n' >"$failing/unshare"
chmod +x "$failing/unshare"

"$eval_sh" "$tmp/c.pem" '<SUBJECT>.*' 'LDAP:(userCertificate;binary={cert!bin})' >/dev/null 2>"$tmp/probe.err" || true
if grep -q "no mount namespace here\|could not be isolated" "$tmp/probe.err"; then
    echo "tst_certmap_standin: skipped: no mount namespace here, so no sssctl to compare with ($(head -n 1 "$tmp/probe.err"))"
    exit 77
fi

cases=0 failed=0
check() { # MATCHRULE MAPRULE
    cases=$((cases + 1))
    local a=0 b=0
    "$eval_sh" "$tmp/c.pem" "$1" "$2" >"$tmp/a.out" 2>"$tmp/a.err" || a=$?
    PATH=$failing:$PATH TOKENDESK_CERTMAP_EVAL=$standin \
        "$eval_sh" "$tmp/c.pem" "$1" "$2" >"$tmp/b.out" 2>"$tmp/b.err" || b=$?
    if ! grep -q '^sssctl-eval.sh: no mount namespace here (unshare: unshare failed: Operation not permitted): the rule is evaluated by libsss_certmap' "$tmp/b.err"; then
        echo "FAIL: $1 $2: the stand-in did not run: $(cat "$tmp/b.err")"
        failed=$((failed + 1))
        return
    fi
    grep -v '^sssctl-eval.sh: no mount namespace here' "$tmp/b.err" >"$tmp/b.err2" || true
    if [ "$a" != "$b" ] || ! cmp -s "$tmp/a.out" "$tmp/b.out" || ! cmp -s "$tmp/a.err" "$tmp/b.err2"; then
        echo "FAIL: $1 $2: sssctl exit $a, stand-in exit $b"
        diff "$tmp/a.out" "$tmp/b.out" || true
        diff "$tmp/a.err" "$tmp/b.err2" || true
        failed=$((failed + 1))
        return
    fi
    echo "ok: exit $a, $(head -n 1 "$tmp/a.out" "$tmp/a.err" 2>/dev/null | grep -v '^==>\|^$' | head -n 1): $1 $2"
}

check '<SUBJECT>CN=Alice Card' 'LDAP:(userCertificate;binary={cert!bin})'
check '<SUBJECT>^CN=nobody$' 'LDAP:(userCertificate;binary={cert!bin})'
check '<ISSUER>O=Token Desk' 'LDAPU1:(userCertificate={serial_number!dec}${issuer_dn})'
check '<SUBJECT>.*' 'LDAPU1:(userCertificate={serial_number!dec}${issuer_dn!nss_x500})'
check '<SUBJECT>.*' 'LDAPU1:(altSecurityIdentities=X509:<I>{issuer_dn!ad}<S>{subject_dn!ad})'
check '<SUBJECT>.*' 'LDAPU1:(altSecurityIdentities=X509:<SR>{serial_number!hex_ur})'
check '<SUBJECT>.*' 'LDAP:(mail={subject_rfc822_name})'
check '<SAN:rfc822Name>alice@example.org' 'LDAP:(mail={subject_rfc822_name})'
check '<EKU>clientAuth' 'LDAP:(userCertificate;binary={cert!bin})'
check '<EKU>emailProtection' 'LDAP:(userCertificate;binary={cert!bin})'
check '<SUBJECT>.*' 'LDAP:(userCertificate={serial_number!dec}${issuer_dn})'
check '<BAD' 'LDAP:(userCertificate;binary={cert!bin})'
echo "tst_certmap_standin: $cases cases, $failed differ"
[ "$failed" = 0 ]
