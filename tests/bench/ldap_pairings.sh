#!/bin/bash
# Benchmark (directory pairing): `tokendesk pairings --store ldap://... --json` on a directory of
# USERS accounts, each with one certificate, against `ldapsearch -E pr=1000/noprompt` of the same
# entries and attributes, in the same run: RUNS timed runs each after one warm-up, the median,
# min and max wall time in ms and the largest peak RSS. TokenDesk parses every certificate (subject,
# notAfter, SHA-256) and still has to finish within 1.5x of ldapsearch, which only prints base64.
# The directory: a private slapd (tests/harness/slapd.sh) on 127.0.0.1:PORT and PORT+1, loaded
# with slapadd, stopped by pid at the end. Run in an optimized build with TOKENDESK_BINARY set.
#
#   ldap_pairings.sh PORT [USERS] [RUNS]
set -euo pipefail
export LC_ALL=C

port=${1:?PORT}
users=${2:-10000}
runs=${3:-5}
name=bench_ldap_pairings
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
slapd_sh="$here/../harness/slapd.sh"

die() { echo "$name: FAILED: $*" >&2; exit 1; }
note() { echo "$name: $*" >&2; }

[ -x "${TOKENDESK_BINARY:-}" ] || die "TOKENDESK_BINARY is not an executable"
for tool in ldapsearch jq /usr/bin/time; do
    command -v "$tool" >/dev/null || die "$tool is missing"
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/$name.XXXXXX")
cleanup() {
    "$slapd_sh" stop "$tmp/slapd" >/dev/null 2>&1 || true
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

started=$(date +%s%N)
"$slapd_sh" start "$tmp/slapd" "$port" "$users" >/dev/null
note "slapd with $users users loaded and started in $(( ($(date +%s%N) - started) / 1000000 )) ms"
# shellcheck disable=SC1091
. "$tmp/slapd/env"
store="$LDAP_URL/$BASE"
# No reader and no token: the run measures the directory, not the modules' start.
export PCSCLITE_CSOCK_NAME="$tmp/no-pcscd"
export XDG_CONFIG_HOME="$tmp/config"

json=$("$TOKENDESK_BINARY" pairings --store "$store" --json)
count=$(jq '.pairings | length' <<<"$json")
[ "$count" = "$((users))" ] || die "tokendesk listed $count pairings, not $users"
[ "$(jq '[.pairings[] | select(.sha256 != null and .subject != null and .not_after != null)] | length' <<<"$json")" = "$count" ] ||
    die "tokendesk left certificates unparsed"
peer=(ldapsearch -x -LLL -o ldif-wrap=no -H "$LDAP_URL" -b "$BASE" -E pr=1000/noprompt "(userCertificate=*)"
      uid "userCertificate;binary")
[ "$("${peer[@]}" | grep -c '^dn: ')" = "$users" ] || die "ldapsearch did not list $users entries"

measure() { # measure LABEL CMD...: RUNS timed runs; prints "LABEL median min max peak_kib"
    local label=$1; shift
    "$@" >/dev/null 2>&1 || die "$label failed"
    local times=() peak=0 i out ms kib
    for ((i = 0; i < runs; i++)); do
        /usr/bin/time -o "$tmp/time" -f '%e %M' "$@" >/dev/null 2>"$tmp/err" || die "$label failed: $(cat "$tmp/err")"
        out=$(tail -n1 "$tmp/time")
        ms=$(awk '{ printf "%d", $1 * 1000 }' <<<"$out")
        kib=$(awk '{ print $2 }' <<<"$out")
        [[ $ms =~ ^[0-9]+$ && $kib =~ ^[0-9]+$ && $kib -gt 0 ]] || die "$label: no measurement ($out)"
        times+=("$ms")
        [ "$kib" -gt "$peak" ] && peak=$kib
    done
    mapfile -t sorted < <(printf '%s\n' "${times[@]}" | sort -n)
    echo "$label ${sorted[$((runs / 2))]} ${sorted[0]} ${sorted[$((runs - 1))]} $peak"
}

read -r _ t_median t_min t_max t_peak < <(measure tokendesk "$TOKENDESK_BINARY" pairings --store "$store" --json)
read -r _ l_median l_min l_max l_peak < <(measure ldapsearch "${peer[@]}")
printf '%-52s %8s %8s %8s %10s\n' "command ($users entries, one certificate each)" median min max "peak MiB"
printf '%-52s %8s %8s %8s %10s\n' "tokendesk pairings --store ldap://... --json" "$t_median" "$t_min" "$t_max" "$((t_peak / 1024))"
printf '%-52s %8s %8s %8s %10s\n' "ldapsearch -E pr=1000/noprompt" "$l_median" "$l_min" "$l_max" "$((l_peak / 1024))"

[ $((t_median * 2)) -le $((l_median * 3)) ] || die "tokendesk took $t_median ms, over 1.5x ldapsearch's $l_median ms"
note "ok: $(awk -v t="$t_median" -v l="$l_median" 'BEGIN { printf "%.2f", t / l }')x ldapsearch"
