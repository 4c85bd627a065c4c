#!/usr/bin/env bash
# Benchmark (issue 15 item 2): what a command costs to start, now that `tokendesk` links no Qt
# Gui or Widgets. In the same run, RUNS times each (median and min wall time, peak RSS of the
# whole process by /usr/bin/time), with no pcscd (a socket nobody serves) and no display:
#   tokendesk report --json      the p11-kit registered modules, no reader
#   pkcs11-tool -L               OpenSC's module, no reader (its default)
#   tokendesk atr ATR            no module at all: the program's own start
# Fails when a measurement could not be made, or when `tokendesk atr` (no module) takes more than
# 1.5x of `pkcs11-tool -L`'s median (the issue's target for a start with no module).
#
#   cli_startup.sh [RUNS]
set -euo pipefail
export LC_ALL=C
runs=${1:-21}
name=bench_cli_startup
die() { echo "$name: FAILED: $*" >&2; exit 1; }
[ -x "${TOKENDESK_BINARY:-}" ] || die "TOKENDESK_BINARY is not an executable"
command -v pkcs11-tool >/dev/null || die "pkcs11-tool is missing (Debian package opensc)"
[ -x /usr/bin/time ] || die "/usr/bin/time is missing (Debian package time)"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/$name.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
export PCSCLITE_CSOCK_NAME=$tmp/no-pcscd.comm
unset DISPLAY WAYLAND_DISPLAY

measure() { # measure LABEL CMD...: RUNS runs after one warm-up; prints "LABEL median min rss"
    local label=$1 i
    shift
    "$@" >/dev/null 2>&1 || true
    : >"$tmp/$label.t"
    for i in $(seq "$runs"); do
        /usr/bin/time -f '%e %M' -o "$tmp/$label.one" "$@" >/dev/null 2>&1 || true
        local start=$EPOCHREALTIME
        "$@" >/dev/null 2>&1 || true
        local end=$EPOCHREALTIME
        echo "$(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.1f", (b - a) * 1000}') $(tail -n 1 "$tmp/$label.one" | awk '{print $2}')" >>"$tmp/$label.t"
    done
    sort -n "$tmp/$label.t" | awk -v l="$label" '{t[NR] = $1; if ($2 > r) r = $2} END {printf "%s %.1f %.1f %d\n", l, t[int((NR + 1) / 2)], t[1], r}'
}

atr='3B 88 80 01 54 6F 6B 65 6E 44 73 6B 0E'
measure tokendesk_report "$TOKENDESK_BINARY" report --json >"$tmp/report"
measure pkcs11_tool_L pkcs11-tool -L >"$tmp/pkcs11"
measure tokendesk_atr "$TOKENDESK_BINARY" atr "$atr" >"$tmp/atr"
"$TOKENDESK_BINARY" atr "$atr" | grep -q TCK || die "tokendesk atr printed no analysis"

printf '%-28s %10s %10s %12s\n' command "median ms" "min ms" "peak RSS KiB"
for f in report pkcs11 atr; do read -r l med min rss <"$tmp/$f"; printf '%-28s %10s %10s %12s\n' "$l" "$med" "$min" "$rss"; done
read -r _ p_med _ _ <"$tmp/pkcs11"
read -r _ a_med _ _ <"$tmp/atr"
read -r _ r_med _ _ <"$tmp/report"
echo "tokendesk atr / pkcs11-tool -L: $(awk -v a="$a_med" -v b="$p_med" 'BEGIN {printf "%.2fx", a / b}'); tokendesk report --json / pkcs11-tool -L: $(awk -v a="$r_med" -v b="$p_med" 'BEGIN {printf "%.2fx", a / b}')"
awk -v a="$a_med" -v b="$p_med" 'BEGIN {exit !(a <= 1.5 * b)}' || die "tokendesk atr takes ${a_med} ms, more than 1.5x pkcs11-tool -L's ${p_med} ms"
