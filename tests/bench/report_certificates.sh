#!/bin/bash
# Benchmark (issue 4): a SoftHSM2 token holding COUNT certificates, listed by
#   tokendesk report --json --in-process --module SOFTHSM   (every module in process)
#   tokendesk report --json --module SOFTHSM                (isolation as by default: OpenSC in
#                                                            a child, SoftHSM2 in process)
#   the same with TOKENDESK_ISOLATE=all (SoftHSM2 in a child too, over p11-kit's RPC:
#   docs/ISOLATION.md)
#   p11tool --list-all-certs 'pkcs11:token=LABEL'
#   pkcs11-tool --module SOFTHSM --token-label LABEL -O
# in the same run, RUNS timed runs each after one warm-up, taken in turns (median, min, max in
# ms; peak RSS of the whole process by GNU time's %M, median). What is compared: tokendesk loads every module
# p11-kit registers (p11-kit-trust and OpenSC here) beside SoftHSM2, and parses each
# certificate; pkcs11-tool loads SoftHSM2 alone and prints the attributes.
# Fails when a tool does not list COUNT certificates, when tokendesk is not the fastest
# (issue 4), or when one of issue 15's targets is missed: tokendesk in process at most 0.7x
# pkcs11-tool -O's median time, its peak RSS at most 2x pkcs11-tool -O's, and with isolation on
# (the default) at most pkcs11-tool -O's time. Run inside the
# test bench (testbench.sh exec) with TOKENDESK_BINARY and TOKENDESK_BENCH_FILL
# (bench_fill_token) set, in an optimized build.
#
#   report_certificates.sh [COUNT] [RUNS] [P11TOOL_RUNS]
# p11tool needs 10 to 30 s for 1,000 certificates: it gets fewer runs (default 3).
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
[ -x /usr/bin/time ] || die "GNU time (/usr/bin/time) is missing"
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
# Each run_ function takes an optional command to run the tool under (GNU time).
run_tokendesk() { "$@" "$TOKENDESK_BINARY" report --json --in-process --module "$module"; }
run_tokendesk_default() { TOKENDESK_ISOLATE= "$@" "$TOKENDESK_BINARY" report --json --module "$module"; }
run_tokendesk_isolated() { TOKENDESK_ISOLATE=all "$@" "$TOKENDESK_BINARY" report --json --module "$module"; }
run_p11tool() { "$@" p11tool --list-all-certs "$uri"; }
run_pkcs11tool() { "$@" pkcs11-tool --module "$module" --token-label "$label" -O; }

# The same certificates in all three, counted.
listed=$(run_tokendesk | jq --arg l "$label" '[.certificates[] | select(.token_label == $l)] | length')
[ "$listed" = "$count" ] || die "tokendesk report lists $listed certificates, not $count"
listed=$(run_tokendesk | jq --arg l "$label" '[.certificates[] | select(.token_label == $l and .parse_error == null)] | length')
[ "$listed" = "$count" ] || die "tokendesk report parsed $listed certificates, not $count"
listed=$(run_tokendesk_default | jq --arg l "$label" '[.certificates[] | select(.token_label == $l and .parse_error == null)] | length')
[ "$listed" = "$count" ] || die "tokendesk report (isolation on) parsed $listed certificates, not $count"
isolated=$(run_tokendesk_default | jq -r '[.modules[] | select(.name == "opensc-pkcs11") | .isolated] | first')
[ "$isolated" = "true" ] || die "tokendesk report: OpenSC is not isolated by default ($isolated)"
listed=$(run_tokendesk_isolated | jq --arg l "$label" '[.certificates[] | select(.token_label == $l and .parse_error == null)] | length')
[ "$listed" = "$count" ] || die "tokendesk report (isolated) parsed $listed certificates, not $count"
listed=$(run_p11tool 2>/dev/null | grep -c 'type=cert$' || true)
[ "$listed" = "$count" ] || die "p11tool lists $listed certificates, not $count"
listed=$(run_pkcs11tool 2>/dev/null | grep -c '^Certificate Object' || true)
[ "$listed" = "$count" ] || die "pkcs11-tool lists $listed certificates, not $count"

# median LIST: the median of the numbers on stdin.
median() {
    sort -n | awk '{ v[NR] = $1 } END { printf "%.1f\n", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# time_once FUNCTION: one timed run; appends its time (us) and peak RSS (KiB) to
# $tmp/FUNCTION.time and $tmp/FUNCTION.rss. The clock is read around GNU time, which adds its own
# fork and exec (~1 ms) to every tool alike.
time_once() {
    local fn=$1 t0 t1
    t0=$(date +%s%N)
    "$fn" /usr/bin/time -f %M -o "$tmp/rss" >/dev/null 2>&1 || die "$fn failed"
    t1=$(date +%s%N)
    echo $(( (t1 - t0) / 1000 )) >>"$tmp/$fn.time"
    tail -n 1 "$tmp/rss" >>"$tmp/$fn.rss"
}

# summary FUNCTION: "median min max" in ms and the median peak RSS in KiB of its runs.
summary() {
    local fn=$1 range
    range=$(sort -n "$tmp/$fn.time" | awk '{ v[NR] = $1 } END { printf "%.1f %.1f", v[1] / 1000, v[NR] / 1000 }')
    echo "$(awk '{ print $1 / 1000 }' "$tmp/$fn.time" | median) $range $(median <"$tmp/$fn.rss")"
}

# One warm-up each, then RUNS rounds of one run of each command in turn, each round starting one
# command further: the ratios compare runs made in the same minutes (this machine's speed drifts by
# a fifth from one minute to the next: pkcs11-tool -O's median was 128 ms in one block of seven runs
# and 143 ms in the next), and no command always follows the same one. p11tool, 10 to 30 s a run,
# has its own P11TOOL_RUNS after them.
[ "$runs" -ge 1 ] && [ "$p11tool_runs" -ge 1 ] || die "RUNS and P11TOOL_RUNS must be at least 1"
timed=(run_tokendesk run_tokendesk_default run_tokendesk_isolated run_pkcs11tool)
for fn in "${timed[@]}"; do
    "$fn" >/dev/null 2>&1 || die "$fn failed (warm-up)"
done
for ((i = 0; i < runs; ++i)); do
    for ((j = 0; j < ${#timed[@]}; ++j)); do
        time_once "${timed[$(( (i + j) % ${#timed[@]} ))]}"
    done
done
run_p11tool >/dev/null 2>&1 || die "run_p11tool failed (warm-up)"
for ((i = 0; i < p11tool_runs; ++i)); do
    time_once run_p11tool
done

read -r td_med td_min td_max td_rss < <(summary run_tokendesk)
read -r def_med def_min def_max def_rss < <(summary run_tokendesk_default)
read -r iso_med iso_min iso_max iso_rss < <(summary run_tokendesk_isolated)
read -r p11_med p11_min p11_max p11_rss < <(summary run_p11tool)
read -r pt_med pt_min pt_max pt_rss < <(summary run_pkcs11tool)

mib() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
echo "| command | median ms | min ms | max ms | peak RSS MiB |"
echo "|---|---:|---:|---:|---:|"
echo "| \`tokendesk report --json --in-process --module libsofthsm2.so\` | $td_med | $td_min | $td_max | $(mib "$td_rss") |"
echo "| \`tokendesk report --json --module libsofthsm2.so\` (isolation on: OpenSC in a child) | $def_med | $def_min |" \
    "$def_max | $(mib "$def_rss") (tokendesk's own) |"
echo "| \`TOKENDESK_ISOLATE=all tokendesk report --json --module libsofthsm2.so\` (SoftHSM2 too) | $iso_med |" \
    "$iso_min | $iso_max | $(mib "$iso_rss") (tokendesk's own) |"
echo "| \`p11tool --list-all-certs 'pkcs11:token=$label'\` | $p11_med | $p11_min | $p11_max | $(mib "$p11_rss") |"
echo "| \`pkcs11-tool --module libsofthsm2.so --token-label $label -O\` | $pt_med | $pt_min | $pt_max | $(mib "$pt_rss") |"
echo "($count certificates; $runs runs each after one warm-up, in turns; p11tool $p11tool_runs; $(nproc) CPUs)"

# Issue 15's targets, both printed before any verdict.
time_ratio=$(awk -v t="$td_med" -v b="$pt_med" 'BEGIN { printf "%.2f", t / b }')
rss_ratio=$(awk -v t="$td_rss" -v b="$pt_rss" 'BEGIN { printf "%.2f", t / b }')
echo "(a) tokendesk in process / pkcs11-tool -O, median time: ${time_ratio}x (target at most 0.70x)"
echo "(b) tokendesk in process / pkcs11-tool -O, peak RSS: ${rss_ratio}x (target at most 2.00x)"
default_ratio=$(awk -v t="$def_med" -v b="$pt_med" 'BEGIN { printf "%.2f", t / b }')
all_ratio=$(awk -v t="$iso_med" -v b="$pt_med" 'BEGIN { printf "%.2f", t / b }')
echo "(c) tokendesk with isolation on / pkcs11-tool -O, median time: ${default_ratio}x (target at most 1.00x)"
echo "    (every module isolated, SoftHSM2 too: ${all_ratio}x, shown)"

awk -v t="$td_med" -v a="$p11_med" -v b="$pt_med" 'BEGIN { exit !(t < a && t < b) }' ||
    die "tokendesk report ($td_med ms) is not faster than p11tool ($p11_med ms) and pkcs11-tool ($pt_med ms)"
missed=()
awk -v r="$time_ratio" 'BEGIN { exit !(r <= 0.70) }' || missed+=("(a) time ${time_ratio}x > 0.70x")
awk -v r="$rss_ratio" 'BEGIN { exit !(r <= 2.00) }' || missed+=("(b) peak RSS ${rss_ratio}x > 2.00x")
awk -v r="$default_ratio" 'BEGIN { exit !(r <= 1.00) }' || missed+=("(c) isolated time ${default_ratio}x > 1.00x")
[ ${#missed[@]} -eq 0 ] || die "issue 15's targets missed: ${missed[*]}"
