#!/usr/bin/env bash
# shellcheck disable=SC2016 # backquotes and awk programs in single quotes are meant literally
# Benchmark (issue 3): PC/SC calls made while idle by `tokendesk watch` and by
# `pcsc_scan -n -q`, side by side in the same run, on the same pcscd, with two readers
# and one simulated card inserted.
#
#   testbench.sh exec DIR tests/bench/monitor_idle_calls.sh [WINDOW_S [SETTLE_S]]
#
# Both tools run at once under pcsc-lite's spy library (libpcscspy, from libpcsclite-dev,
# LD_PRELOADed; it logs every call with gettimeofday() timestamps into "$HOME/pcsc-spy",
# so each tool gets a HOME of its own). Once both have printed their initial state,
# SETTLE_S seconds (default 2) pass, then the idle window of WINDOW_S seconds (default 10)
# is timed, then both are stopped with SIGINT. Counted from the raw logs:
#   start-up  calls begun before the window
#   begun     calls begun inside the window
#   active    calls begun inside the window or still running when it opened (a call
#             blocked in SCardGetStatusChange across the whole window counts once):
#             these are the calls of the window, counted by pcsc-spy itself on an
#             excerpt of the log holding only them, and cross-checked here
#   shutdown  calls begun after the window (SIGINT: SCardCancel, SCardReleaseContext)
# Fails when a measurement could not be made, or when `tokendesk watch` has more than 3
# active calls in the window or more than pcsc_scan (issue 3: no polling).
set -Eeuo pipefail

bench_name=bench_monitor_idle_calls
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=monitor_common.sh
. "$here/monitor_common.sh"

window=${1:-10}
settle=${2:-2}
max_calls=3

command -v pcsc-spy >/dev/null || die "pcsc-spy is missing (Debian package libpcsclite-dev)"
spy_lib=$(ldconfig -p | awk '$1 == "libpcscspy.so.0" { print $NF; exit }')
[ -f "${spy_lib:-/nonexistent}" ] || die "libpcscspy.so.0 is missing (Debian package libpcsclite-dev)"

bench_init
mkdir -p "$bench_tmp/home-watch" "$bench_tmp/home-scan"
# A regular file works as well as pcsc-spy's FIFO: libpcscspy opens "$HOME/pcsc-spy"
# O_WRONLY (no O_CREAT) at the first SCardEstablishContext and appends a line per event.
: >"$bench_tmp/home-watch/pcsc-spy"
: >"$bench_tmp/home-scan/pcsc-spy"

start_simcard
sleep 1 # pcscd polls the reader every 400 ms: let it see the card before the tools start

start_watch HOME="$bench_tmp/home-watch" LD_PRELOAD="$spy_lib"
start_scan HOME="$bench_tmp/home-scan" LD_PRELOAD="$spy_lib"
wait_until 15 initial_state_shown || {
    alive_or_die watch "$watch_pid"; alive_or_die scan "$scan_pid"
    die "the tools did not show both readers and the card within 15 s
watch: $(cat "$bench_tmp/watch.out")
pcsc_scan: $(cat "$bench_tmp/scan.out")"
}
sleep "$settle"
t0=$EPOCHREALTIME
sleep "$window"
t1=$EPOCHREALTIME
alive_or_die watch "$watch_pid"
alive_or_die scan "$scan_pid"
# Nothing may have happened in the window: an event would not be idle.
events_watch=$(grep -c '"event":' "$bench_tmp/watch.out" | tr -d ' ')
initial_watch=$(grep -c '"initial":true' "$bench_tmp/watch.out" | tr -d ' ')
[ "$events_watch" = "$initial_watch" ] || die "tokendesk watch printed events during the idle run: $(cat "$bench_tmp/watch.out")"
[ "$(scan_events | wc -l)" = 1 ] || die "pcsc_scan printed events during the idle run: $(cat "$bench_tmp/scan.out")"
bench_stop "$watch_pid" "$scan_pid"
wait "$watch_pid" 2>/dev/null || true
wait "$scan_pid" 2>/dev/null || true

# count LOG EXCERPT: per-function counts "FUNCTION STARTUP BEGUN ACTIVE SHUTDOWN" on stdout,
# the log lines of the window's active calls into EXCERPT (a log pcsc-spy can read).
# Log lines: "THREAD@>|sec|usec|Function", argument lines "THREAD@value",
# "THREAD@<|sec|usec|Function|text|rv". A thread's calls do not nest.
count() {
    awk -F'|' -v t0="$t0" -v t1="$t1" -v excerpt="$2" '
        {
            at = index($0, "@"); thread = substr($0, 1, at - 1); rest = substr($0, at + 1)
            if (rest ~ /^>\|/) {
                fn[thread] = $4; start[thread] = $2 + $3 / 1e6; buf[thread] = $0; open[thread] = 1
                names[$4] = 1
                if (start[thread] < t0) startup[$4]++
                else if (start[thread] < t1) begun[$4]++
                else shutdown[$4]++
                next
            }
            if (!open[thread]) next
            buf[thread] = buf[thread] "\n" $0
            if (rest ~ /^<\|/) {
                end = $2 + $3 / 1e6; open[thread] = 0
                if (start[thread] < t1 && end >= t0) { active[fn[thread]]++; print buf[thread] >excerpt }
            }
        }
        END {
            # A call never answered (the tool died in it) is active if it began before t1.
            for (t in open) if (open[t] && start[t] < t1) { active[fn[t]]++; unfinished++ }
            for (f in names) printf "%s %d %d %d %d\n", f, startup[f], begun[f], active[f], shutdown[f]
            if (unfinished) printf "UNFINISHED %d 0 0 0\n", unfinished
        }
    ' "$1" | sort
}

# spy_counts EXCERPT: per-function call counts as pcsc-spy reports them (summed over threads).
spy_counts() {
    [ -s "$1" ] || return 0
    pcsc-spy -n "$1" 2>&1 | awk '
        match($0, /\( *[0-9]+ calls\)/) {
            n = substr($0, RSTART + 1); sub(/ calls.*/, "", n)
            f = $NF; total[f] += n
        }
        END { for (f in total) print f, total[f] }
    ' | sort
}

for tool in watch scan; do
    log="$bench_tmp/home-$tool/pcsc-spy"
    [ -s "$log" ] || die "the spy log of $tool is empty: libpcscspy did not log (is $spy_lib loadable?)"
    count "$log" "$bench_tmp/$tool.excerpt" >"$bench_tmp/$tool.counts"
    spy_counts "$bench_tmp/$tool.excerpt" >"$bench_tmp/$tool.spy"
    # pcsc-spy's count of the window must be ours.
    if ! diff <(awk '$4 > 0 { print $1, $4 }' "$bench_tmp/$tool.counts" | sort) "$bench_tmp/$tool.spy" >/dev/null; then
        die "pcsc-spy and this script disagree on the calls of $tool in the window:
ours: $(awk '$4 > 0 { print $1, $4 }' "$bench_tmp/$tool.counts")
pcsc-spy: $(cat "$bench_tmp/$tool.spy")"
    fi
    if grep -q '^UNFINISHED' "$bench_tmp/$tool.counts"; then
        note "warning: $tool left a call unanswered (killed?): counted as active"
    fi
    # The whole run as pcsc-spy shows it, for the log.
    note "pcsc-spy summary of the whole run of $tool:"
    pcsc-spy -n "$log" 2>&1 | sed -n '/^Thread /,$p' >&2
done

# timeouts EXCERPT: the dwTimeout of each SCardGetStatusChange of the window, in ms.
timeouts() {
    [ -s "$1" ] || return 0
    awk '
        { at = index($0, "@"); thread = substr($0, 1, at - 1); rest = substr($0, at + 1) }
        rest ~ /^>\|/ { arg[thread] = (rest ~ /\|SCardGetStatusChange$/) ? 0 : -1; next }
        arg[thread] >= 0 && ++arg[thread] == 2 {
            v = rest; sub(/^0x/, "", v); n = 0
            for (i = 1; i <= length(v); i++) n = n * 16 + index("0123456789ABCDEF", toupper(substr(v, i, 1))) - 1
            print (n == 4294967295 ? "INFINITE" : n " ms"); arg[thread] = -1
        }
    ' "$1" | sort | uniq -c | awk '{ c = $1; $1 = ""; printf "%s%s x%d", (NR > 1 ? ", " : ""), substr($0, 2), c } END { print "" }'
}

total() { awk -v c="$2" '$1 != "UNFINISHED" { s += $c } END { print s + 0 }' "$bench_tmp/$1.counts"; }
watch_active=$(total watch 4)
scan_active=$(total scan 4)
watch_begun=$(total watch 3)
scan_begun=$(total scan 3)

window_s=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
echo
echo "## PC/SC calls in ${window_s} s of idle (2 readers, 1 card), same pcscd, same run"
echo
machine_line
versions_line
echo "window opened ${settle} s after both tools had printed their initial state"
echo
echo "| tool | function | start-up | begun in window | active in window (pcsc-spy) | shutdown |"
echo "|---|---|---:|---:|---:|---:|"
for tool in watch scan; do
    label='`tokendesk watch --json`'
    [ $tool = watch ] || label='`pcsc_scan -n -q`'
    awk -v label="$label" '$1 != "UNFINISHED" { printf "| %s | %s | %d | %d | %d | %d |\n", label, $1, $2, $3, $4, $5 }' \
        "$bench_tmp/$tool.counts"
    awk -v label="$label" '$1 != "UNFINISHED" { a += $2; b += $3; c += $4; d += $5 }
        END { printf "| %s | **total** | %d | **%d** | **%d** | %d |\n", label, a, b, c, d }' "$bench_tmp/$tool.counts"
done
echo
echo "tokendesk watch: ${watch_active} active / ${watch_begun} begun; pcsc_scan: ${scan_active} active / ${scan_begun} begun"
echo "timeouts of the window's SCardGetStatusChange calls: tokendesk watch $(timeouts "$bench_tmp/watch.excerpt"); pcsc_scan $(timeouts "$bench_tmp/scan.excerpt")"

fail=0
if [ "$watch_active" -gt "$max_calls" ]; then
    note "FAILED: tokendesk watch made $watch_active PC/SC calls in the idle window (target: at most $max_calls)"
    fail=1
fi
if [ "$watch_active" -gt "$scan_active" ]; then
    note "FAILED: tokendesk watch made more PC/SC calls ($watch_active) than pcsc_scan ($scan_active) in the idle window"
    fail=1
elif [ "$watch_active" -eq "$scan_active" ]; then
    note "note: tokendesk watch made as many calls as pcsc_scan ($watch_active): pcsc_scan does not poll either"
fi
if [ $fail = 1 ]; then
    note "calls of tokendesk watch in and around the window (pcsc-spy):"
    pcsc-spy -n "$bench_tmp/watch.excerpt" >&2 || true
    exit 1
fi
