#!/usr/bin/env bash
# Benchmark (issue 15 item 3): idle stays idle. The window open on the simulated card (OpenSC)
# and a SoftHSM2 virtual token with nothing happening, beside `pcsc_scan -n -q` on the same pcscd
# in the same run: the context switches of every thread of each process (the sum of
# voluntary_ctxt_switches and nonvoluntary_ctxt_switches in /proc/PID/task/*/status) over the
# same window of WINDOW_S seconds. TokenDesk's count includes its children, the module hosts of
# the modules it isolates (OpenSC's: docs/ISOLATION.md).
#
#   testbench.sh exec DIR tests/bench/idle_context_switches.sh [WINDOW_S [MAX]]
#
# The window is measured once it has settled: no context switch for a whole second (it has
# read the card and the token and waits for events), at most 60 s after it started. Fails when
# a measurement could not be made, or when the window switches more than MAX times (default 5)
# in the window. A thread that ends inside the window takes its count with it (none should).
set -Eeuo pipefail

bench_name=bench_idle_context_switches
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=monitor_common.sh
. "$here/monitor_common.sh"

window=${1:-10}
max=${2:-5}

switches() { # switches PID: the sum over its threads now
    local total=0 n f
    for f in /proc/"$1"/task/*/status; do
        n=$(awk '/^(non)?voluntary_ctxt_switches:/ {s += $2} END {print s + 0}' "$f" 2>/dev/null) || n=0
        total=$((total + n))
    done
    echo "$total"
}
threads() { ls /proc/"$1"/task | wc -l; }
family() { # family PID: it and its children
    echo "$1"
    cat /proc/"$1"/task/*/children 2>/dev/null | tr ' ' '\n' | sed '/^$/d'
}
family_switches() { # family_switches PID: the sum over the threads of it and its children
    local total=0 p
    for p in $(family "$1"); do total=$((total + $(switches "$p"))); done
    echo "$total"
}
family_threads() {
    local total=0 p
    for p in $(family "$1"); do total=$((total + $(threads "$p"))); done
    echo "$total"
}
family_maps() { local p; for p in $(family "$1"); do cat /proc/"$p"/maps 2>/dev/null; done; }

bench_init
command -v softhsm2-util >/dev/null || die "softhsm2-util is missing (Debian package softhsm2)"
[ -n "${SOFTHSM2_CONF:-}" ] || die "SOFTHSM2_CONF is not set by the test bench"
softhsm2-util --init-token --free --label "Idle bench $$" --pin 123456 --so-pin 12345678 >"$bench_tmp/softhsm.log" 2>&1 ||
    die "softhsm2-util --init-token: $(cat "$bench_tmp/softhsm.log")"
token_serial=$(softhsm2-util --show-slots | awk -v l="Idle bench $$" '/Serial number:/ {s = $3} /Label:/ && index($0, l) {print s; exit}')
cleanup_token() { [ -z "$token_serial" ] || softhsm2-util --delete-token --serial "$token_serial" >/dev/null 2>&1 || true; token_serial=; }
trap 'rc=$?; set +e; cleanup_token; (exit $rc); bench_cleanup' EXIT

start_simcard
sleep 1 # pcscd polls the reader every 400 ms: let it see the card before the tools start

QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR="$bench_tmp" "$TOKENDESK_BINARY" >"$bench_tmp/window.out" 2>"$bench_tmp/window.err" &
window_pid=$!
bench_track window "$window_pid"
start_scan

# Settled: one whole second without a switch, polled every 0.25 s.
settled=0
deadline=$((SECONDS + 60))
last=$(family_switches "$window_pid")
quiet_since=$EPOCHREALTIME
while [ $SECONDS -lt $deadline ]; do
    sleep 0.25
    alive_or_die window "$window_pid"
    now=$(family_switches "$window_pid")
    if [ "$now" != "$last" ]; then
        last=$now
        quiet_since=$EPOCHREALTIME
    elif awk -v a="$quiet_since" -v b="$EPOCHREALTIME" 'BEGIN {exit !(b - a >= 1.0)}'; then
        settled=1
        break
    fi
done
[ $settled = 1 ] || die "the window never stayed still for a second in 60 s ($last switches so far)"
maps=$(family_maps "$window_pid") # (not piped into grep -q: pipefail would see family_maps' SIGPIPE)
grep -q 'opensc-pkcs11\.so' <<<"$maps" || die "the window has not loaded OpenSC's module: $(cat "$bench_tmp/window.err")"
grep -q 'libsofthsm2\.so' <<<"$maps" || die "the window has not loaded SoftHSM2: $(cat "$bench_tmp/window.err")"
hosts=$(($(family "$window_pid" | wc -l) - 1))

w0=$(family_switches "$window_pid"); s0=$(switches "$scan_pid")
wt=$(family_threads "$window_pid"); st=$(threads "$scan_pid")
sleep "$window"
alive_or_die window "$window_pid"; alive_or_die scan "$scan_pid"
w1=$(family_switches "$window_pid"); s1=$(switches "$scan_pid")
kill -TERM "$window_pid"
wait "$window_pid" 2>/dev/null || die "the window did not end cleanly on SIGTERM"
cleanup_token

window_switches=$((w1 - w0)); scan_switches=$((s1 - s0))
echo "idle ${window} s: TokenDesk window ${window_switches} context switches (${wt} threads, ${hosts} module hosts included), pcsc_scan ${scan_switches} (${st} threads)"
[ "$window_switches" -le "$max" ] || die "the window switched $window_switches times in $window s (at most $max)"
