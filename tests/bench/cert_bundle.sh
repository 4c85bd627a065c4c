#!/bin/bash
# Benchmark (issue 16): `tokendesk cert show BUNDLE` on a PEM bundle of SIZE MiB (32 by default:
# just under the 32 MiB file limit), against `openssl x509 -noout -text -in BUNDLE` (which also
# shows the first certificate) in the same run: RUNS timed runs each after one warm-up, the
# median, min and max wall time in ms and the largest peak RSS (GNU time's %M). The bundle: a
# leaf, then self-signed fillers, its CA last, so the chain search reads every certificate's
# names. Fails when tokendesk is over 1 s or 200 MB (docs/SECURITY.md), or finds no chain.
# Run in an optimized build with TOKENDESK_BINARY set.
#
#   cert_bundle.sh [SIZE_MIB] [RUNS]
set -euo pipefail
export LC_ALL=C

size_mib=${1:-32}
runs=${2:-5}
name=bench_cert_bundle

die() { echo "$name: FAILED: $*" >&2; exit 1; }
note() { echo "$name: $*" >&2; }

[ -x "${TOKENDESK_BINARY:-}" ] || die "TOKENDESK_BINARY is not an executable"
for tool in openssl jq /usr/bin/time; do
    command -v "$tool" >/dev/null || die "$tool is missing"
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/$name.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
cd "$tmp"

openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj "/O=Bench/CN=Bench CA" \
    -addext "basicConstraints=critical,CA:TRUE" -days 30 -keyout ca.key -out ca.pem 2>/dev/null
openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj "/CN=Bench Leaf" \
    -keyout leaf.key -out leaf.csr 2>/dev/null
openssl x509 -req -in leaf.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 20 -out leaf.pem 2>/dev/null
openssl req -x509 -newkey rsa:2048 -nodes -subj "/CN=Bench Filler" -days 20 \
    -keyout filler.key -out filler.pem 2>/dev/null

limit=$((size_mib * 1024 * 1024 - 4096))
filler_size=$(stat -c %s filler.pem)
copies=$(((limit - $(stat -c %s leaf.pem) - $(stat -c %s ca.pem)) / filler_size))
cp filler.pem fillers.pem # doubled until there are enough, then cut at a block boundary
while [ "$(stat -c %s fillers.pem)" -lt $((copies * filler_size)) ]; do
    cat fillers.pem fillers.pem >doubled.pem && mv doubled.pem fillers.pem
done
{
    cat leaf.pem
    head -n $((copies * $(wc -l <filler.pem))) fillers.pem
    cat ca.pem
} >bundle.pem
count=$((copies + 2))
note "bundle: $(stat -c %s bundle.pem) bytes, $count certificates"

json=$("$TOKENDESK_BINARY" cert show bundle.pem --json)
[ "$(jq -r .file.certificates <<<"$json")" = "$count" ] || die "tokendesk did not count $count certificates"
[ "$(jq -r '.chain.certificates | length' <<<"$json")" = 2 ] || die "tokendesk did not find the CA at the end"

measure() { # measure LABEL CMD...: RUNS timed runs; prints "LABEL median min max peak_kib"
    local label=$1; shift
    "$@" >/dev/null 2>&1 || die "$label failed"
    local times=() peak=0 i out ms kib
    for ((i = 0; i < runs; i++)); do
        /usr/bin/time -o "$tmp/time" -f '%e %M' "$@" >/dev/null 2>&1 || die "$label failed"
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

read -r _ t_median t_min t_max t_peak < <(measure tokendesk "$TOKENDESK_BINARY" cert show bundle.pem --json)
read -r _ o_median o_min o_max o_peak < <(measure openssl openssl x509 -noout -text -in bundle.pem)
printf '%-40s %8s %8s %8s %10s\n' "command ($count certificates)" median min max "peak MiB"
printf '%-40s %8s %8s %8s %10s\n' "tokendesk cert show --json" "$t_median" "$t_min" "$t_max" "$((t_peak / 1024))"
printf '%-40s %8s %8s %8s %10s\n' "openssl x509 -noout -text" "$o_median" "$o_min" "$o_max" "$((o_peak / 1024))"

[ "$t_median" -lt 1000 ] || die "tokendesk took $t_median ms (bound: 1000)"
[ "$t_peak" -lt $((200 * 1024)) ] || die "tokendesk's peak was $((t_peak / 1024)) MiB (bound: 200)"
note "ok"
