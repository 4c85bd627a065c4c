#!/bin/bash
# Benchmark (issue 4): a SoftHSM2 token holding COUNT certificates, listed by
#   tokendesk report --json --module SOFTHSM
#   the same with TOKENDESK_ISOLATE=1 (SoftHSM2 in a child process through p11-kit's RPC;
#   shown, not yet held to a target: docs/ISOLATION.md)
#   p11tool --list-all-certs 'pkcs11:token=LABEL'
#   pkcs11-tool --module SOFTHSM --token-label LABEL -O
# in the same run, RUNS timed runs each after one warm-up (median, min, max in ms).
# Fails when a tool does not list COUNT certificates, or when tokendesk is not the fastest
# (the target). Run inside the test bench (testbench.sh exec) with TOKENDESK_BINARY
# and TOKENDESK_BENCH_FILL (bench_fill_token) set, in an optimized build.
#
#   report_certificates.sh [COUNT] [RUNS] [P11TOOL_RUNS]
# p11tool needs ~20 s for 1,000 certificates: it gets fewer runs (default 3).
set -euo pipefail
export LC_ALL=C

count=${1:-1000}
runs=${2:-7}
p11tool_runs=${3:-3}
name=bench_report_certificates
label=Bench$count
module=/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so

die() { echo "$name: FAILED: $*" >&2; exit 1; }
note() { echo "$name: $*" >&2; }

[ -x "${TOKENDESK_BINARY:-}" ] || die "TOKENDESK_BINARY is not an executable"
[ -x "${TOKENDESK_BENCH_FILL:-}" ] || die "TOKENDESK_BENCH_FILL (bench_fill_token) is not an executable"
[ -f "$module" ] || die "SoftHSM2 is missing: $module"
for tool in pkcs11-tool p11tool openssl jq; do
    command -v "$tool" >/dev/null || die "$tool is missing"
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/$name.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

# A token folder of our own; the PINs reach pkcs11-tool as env:NAME, never on a command line.
export SOFTHSM2_CONF=$tmp/softhsm2.conf
mkdir -p "$tmp/tokens" "$tmp/certs"
printf 'directories.tokendir = %s/tokens\nobjectstore.backend = file\nlog.level = ERROR\n' "$tmp" >"$SOFTHSM2_CONF"
TD_SO=$(od -An -N4 -tu4 /dev/urandom | tr -dc 0-9)
TD_PIN=$(od -An -N4 -tu4 /dev/urandom | tr -dc 0-9)
export TD_SO TD_PIN

start=$(date +%s%N)
pkcs11-tool --module "$module" --init-token --slot 0 --so-pin env:TD_SO --label "$label" >/dev/null 2>&1 ||
    die "pkcs11-tool --init-token"
pkcs11-tool --module "$module" --token-label "$label" --login --so-pin env:TD_SO --init-pin --pin env:TD_PIN \
    >/dev/null 2>&1 || die "pkcs11-tool --init-pin"
# One P-256 key signs every certificate (fast); each has its own subject and serial.
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$tmp/key.pem" 2>/dev/null || die "openssl genpkey"
for i in $(seq -w 1 "$count"); do
    openssl req -x509 -new -key "$tmp/key.pem" -subj "/CN=Bench certificate $i/O=TokenDesk Bench" -days 365 \
        -set_serial "$((10#$i))" -outform DER -out "$tmp/certs/c$i.der" 2>/dev/null || die "openssl req ($i)"
done
"$TOKENDESK_BENCH_FILL" "$module" "$label" "$tmp"/certs/c*.der || die "bench_fill_token"
note "token with $count certificates made in $(( ($(date +%s%N) - start) / 1000000 )) ms"

uri="pkcs11:token=$label"
run_tokendesk() { "$TOKENDESK_BINARY" report --json --module "$module"; }
run_tokendesk_isolated() { TOKENDESK_ISOLATE=1 "$TOKENDESK_BINARY" report --json --module "$module"; }
run_p11tool() { p11tool --list-all-certs "$uri"; }
run_pkcs11tool() { pkcs11-tool --module "$module" --token-label "$label" -O; }

# The same certificates in all three, counted.
listed=$(run_tokendesk | jq --arg l "$label" '[.certificates[] | select(.token_label == $l)] | length')
[ "$listed" = "$count" ] || die "tokendesk report lists $listed certificates, not $count"
listed=$(run_tokendesk | jq --arg l "$label" '[.certificates[] | select(.token_label == $l and .parse_error == null)] | length')
[ "$listed" = "$count" ] || die "tokendesk report parsed $listed certificates, not $count"
listed=$(run_tokendesk_isolated | jq --arg l "$label" '[.certificates[] | select(.token_label == $l and .parse_error == null)] | length')
[ "$listed" = "$count" ] || die "tokendesk report (isolated) parsed $listed certificates, not $count"
listed=$(run_p11tool 2>/dev/null | grep -c 'type=cert$' || true)
[ "$listed" = "$count" ] || die "p11tool lists $listed certificates, not $count"
listed=$(run_pkcs11tool 2>/dev/null | grep -c '^Certificate Object' || true)
[ "$listed" = "$count" ] || die "pkcs11-tool lists $listed certificates, not $count"

# time_runs FUNCTION: RUNS runs after one warm-up; prints "median min max" in ms.
time_runs() {
    local fn=$1 runs=${2:-$runs} samples=() t0 t1 i
    "$fn" >/dev/null 2>&1
    for ((i = 0; i < runs; ++i)); do
        t0=$(date +%s%N)
        "$fn" >/dev/null 2>&1 || die "$fn failed"
        t1=$(date +%s%N)
        samples+=($(( (t1 - t0) / 1000 )))
    done
    printf '%s\n' "${samples[@]}" | sort -n | awk '{ v[NR] = $1 } END {
        m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
        printf "%.1f %.1f %.1f\n", m / 1000, v[1] / 1000, v[NR] / 1000 }'
}

read -r td_med td_min td_max < <(time_runs run_tokendesk)
read -r iso_med iso_min iso_max < <(time_runs run_tokendesk_isolated)
read -r p11_med p11_min p11_max < <(time_runs run_p11tool "$p11tool_runs")
read -r pt_med pt_min pt_max < <(time_runs run_pkcs11tool)

echo "| command | median ms | min ms | max ms |"
echo "|---|---:|---:|---:|"
echo "| \`tokendesk report --json --module libsofthsm2.so\` | $td_med | $td_min | $td_max |"
echo "| \`TOKENDESK_ISOLATE=1 tokendesk report --json --module libsofthsm2.so\` | $iso_med | $iso_min | $iso_max |"
echo "| \`p11tool --list-all-certs 'pkcs11:token=$label'\` | $p11_med | $p11_min | $p11_max |"
echo "| \`pkcs11-tool --module libsofthsm2.so --token-label $label -O\` | $pt_med | $pt_min | $pt_max |"
echo "($count certificates; $runs runs each after one warm-up, p11tool $p11tool_runs; $(nproc) CPUs)"

awk -v t="$td_med" -v a="$p11_med" -v b="$pt_med" 'BEGIN { exit !(t < a && t < b) }' ||
    die "tokendesk report ($td_med ms) is not faster than p11tool ($p11_med ms) and pkcs11-tool ($pt_med ms)"
