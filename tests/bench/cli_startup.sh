#!/usr/bin/env bash
# Benchmark (issue 15 item 2): what a command costs to start, now that `tokendesk` links no Qt
# Gui or Widgets, and no libldap, libsss_certmap or QtKeychain (tokendesk-accounts has them). In
# the same run, in RUNS rounds of every command (median and min wall time, peak RSS of the whole process by
# /usr/bin/time), with no pcscd (a socket nobody serves) and no display:
#   tokendesk report --json                  the p11-kit registered modules, no reader
#   tokendesk report --json --no-registered  no module and no reader (the issue's target)
#   pkcs11-tool -L                           OpenSC's module, no reader (its default)
#   tokendesk atr ATR                        no module; parses the card list to name the card
#   tokendesk --version                      the program's own start
# "No module": p11-kit's registered modules are system-wide (/usr/share/p11-kit/modules), so the
# row with none is the option users have for it, --no-registered (only --module's modules; none
# here, and TOKENDESK_MODULES is unset). Fails when a measurement could not be made, or when
# `report --json --no-registered` takes more than 1.5x of `pkcs11-tool -L`'s median.
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
unset DISPLAY WAYLAND_DISPLAY TOKENDESK_MODULES

atr='3B 88 80 01 54 6F 6B 65 6E 44 73 6B 0E'
labels=(tokendesk_report tokendesk_report_no_module pkcs11_tool_L tokendesk_atr tokendesk_version)
files=(report bare pkcs11 atr version)
command_of() { # command_of LABEL: sets cmd to the command measured under that label
    case $1 in
    tokendesk_report) cmd=("$TOKENDESK_BINARY" report --json) ;;
    tokendesk_report_no_module) cmd=("$TOKENDESK_BINARY" report --json --no-registered) ;;
    pkcs11_tool_L) cmd=(pkcs11-tool -L) ;;
    tokendesk_atr) cmd=("$TOKENDESK_BINARY" atr "$atr") ;;
    tokendesk_version) cmd=("$TOKENDESK_BINARY" --version) ;;
    esac
}
run() { command_of "$1" && "${cmd[@]}"; }
# In rounds, each command once per round after one warm-up round: the machine's drift (another
# process, the CPU's clock) then falls on every command alike instead of on one block of runs.
for label in "${labels[@]}"; do
    run "$label" >/dev/null 2>&1 || true
    : >"$tmp/$label.t"
done
for _ in $(seq "$runs"); do
    for label in "${labels[@]}"; do
        start=$EPOCHREALTIME
        run "$label" >/dev/null 2>&1 || true
        end=$EPOCHREALTIME
        awk -v a="$start" -v b="$end" 'BEGIN {printf "%.1f\n", (b - a) * 1000}' >>"$tmp/$label.t"
    done
done
# Peak RSS of the whole process (GNU time), the largest of five runs: apart from the timed ones,
# as time's own fork and wait would be counted in them.
rss() { # rss LABEL
    local i max=0 kib
    for i in 1 2 3 4 5; do
        command_of "$1"
        /usr/bin/time -f '%M' -o "$tmp/rss" "${cmd[@]}" >/dev/null 2>&1 || true
        kib=$(tail -n 1 "$tmp/rss" 2>/dev/null || true)
        if [[ "$kib" =~ ^[0-9]+$ ]] && [ "$kib" -gt "$max" ]; then
            max=$kib
        fi
    done
    echo "$max"
}
for i in "${!labels[@]}"; do
    label=${labels[$i]}
    peak=$(rss "$label")
    [ "$peak" -gt 0 ] || die "no peak RSS for $label (/usr/bin/time printed none)"
    sort -n "$tmp/$label.t" | awk -v l="$label" -v r="$peak" \
        '{t[NR] = $1} END {printf "%s %.1f %.1f %d\n", l, t[int((NR + 1) / 2)], t[1], r}' >"$tmp/${files[$i]}"
done
analysis=$("$TOKENDESK_BINARY" atr "$atr") || die "tokendesk atr failed"
grep -q TCK <<<"$analysis" || die "tokendesk atr printed no analysis"
"$TOKENDESK_BINARY" report --json --no-registered >"$tmp/bare.json" 2>/dev/null || true
python3 -c 'import json,sys; d = json.load(open(sys.argv[1])); sys.exit(1 if d["modules"] or d.get("readers") else 0)' \
    "$tmp/bare.json" || die "report --json --no-registered is not a report with no module and no reader"

printf '%-28s %10s %10s %12s\n' command "median ms" "min ms" "peak RSS KiB"
for f in report bare pkcs11 atr version; do read -r l med min rss <"$tmp/$f"; printf '%-28s %10s %10s %12s\n' "$l" "$med" "$min" "$rss"; done
read -r _ p_med _ _ <"$tmp/pkcs11"
ratio() { awk -v a="$1" -v b="$p_med" 'BEGIN {printf "%.2fx", a / b}'; }
for f in report bare atr version; do
    read -r l med _ _ <"$tmp/$f"
    echo "$l / pkcs11_tool_L: $(ratio "$med")"
done
read -r _ b_med _ _ <"$tmp/bare"
awk -v a="$b_med" -v b="$p_med" 'BEGIN {exit !(a <= 1.5 * b)}' ||
    die "tokendesk report --json with no module and no reader takes ${b_med} ms, more than 1.5x pkcs11-tool -L's ${p_med} ms"
