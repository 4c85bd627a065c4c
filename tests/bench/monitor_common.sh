# shellcheck shell=bash
# Shared by the reader-monitor benchmarks (sourced, not run). They run inside the test
# bench (testbench.sh exec): PCSCLITE_CSOCK_NAME, TOKENDESK_VPCD_PORT and
# TOKENDESK_TESTBENCH_DIR come from it; TOKENDESK_BINARY and TOKENDESK_SIMCARD from CTest.
#
# Every process started here is recorded by pid (also in the bench folder, so that
# `testbench.sh stop` finds what a killed benchmark left) and stopped by pid on exit.

export LC_ALL=C # "$EPOCHREALTIME" and printf %f with a decimal point

READER0="Virtual PCD 00 00" # the simulated card goes in here
READER1="Virtual PCD 00 01" # stays empty

bench_name=${bench_name:-bench_monitor}
bench_pids=()
bench_tmp=

die() { echo "$bench_name: FAILED: $*" >&2; exit 1; }
note() { echo "$bench_name: $*" >&2; }

bench_init() {
    if [ -z "${TOKENDESK_TESTBENCH_DIR:-}" ] || [ -z "${PCSCLITE_CSOCK_NAME:-}" ]; then
        die "not inside the test bench (run through testbench.sh exec)"
    fi
    [ -n "${TOKENDESK_VPCD_PORT:-}" ] || die "TOKENDESK_VPCD_PORT is not set"
    [ -x "${TOKENDESK_BINARY:-}" ] || die "TOKENDESK_BINARY is not an executable: '${TOKENDESK_BINARY:-}'"
    [ -x "${TOKENDESK_SIMCARD:-}" ] || die "TOKENDESK_SIMCARD is not an executable: '${TOKENDESK_SIMCARD:-}'"
    command -v pcsc_scan >/dev/null || die "pcsc_scan is missing (Debian package pcsc-tools)"
    command -v stdbuf >/dev/null || die "stdbuf is missing (coreutils)"
    bench_tmp=$(mktemp -d "${TMPDIR:-/tmp}/$bench_name.XXXXXX")
    trap bench_cleanup EXIT
    trap 'exit 130' INT TERM
}

# bench_track NAME PID: remember PID, stopped at exit.
bench_track() {
    bench_pids+=("$2")
    echo "$2" >"$TOKENDESK_TESTBENCH_DIR/$bench_name.$1.pid"
}

# bench_stop PID...: SIGINT (how a user stops watch and pcsc_scan), SIGKILL after 5 s.
bench_stop() {
    local pid
    for pid in "$@"; do kill -INT "$pid" 2>/dev/null || true; done
    for _ in $(seq 50); do
        local alive=0
        for pid in "$@"; do kill -0 "$pid" 2>/dev/null && alive=1; done
        [ $alive = 1 ] || return 0
        sleep 0.1
    done
    for pid in "$@"; do kill -KILL "$pid" 2>/dev/null || true; done
}

bench_cleanup() {
    local rc=$?
    set +e
    [ ${#bench_pids[@]} -eq 0 ] || bench_stop "${bench_pids[@]}"
    wait 2>/dev/null
    rm -f "$TOKENDESK_TESTBENCH_DIR/$bench_name".*.pid
    [ -z "$bench_tmp" ] || rm -rf "$bench_tmp"
    exit $rc
}

# stamp: copy stdin to stdout, each line prefixed with the wall-clock time at which it
# arrived here ("seconds.microseconds"), so both tools are timed by the same clock.
# The time is that of the line's first byte: bash reads a pipe a byte at a time, and a
# long line (watch's JSON) would otherwise be stamped ~1 ms later than a short one.
stamp() {
    local first rest
    while IFS= read -r -n 1 first; do
        local t=$EPOCHREALTIME
        rest=
        [ -z "$first" ] || IFS= read -r rest || true
        printf '%s %s\n' "$t" "$first$rest"
    done
}

# start_simcard: the card, inserted into READER0; sets simcard_pid.
start_simcard() {
    "$TOKENDESK_SIMCARD" --port "$TOKENDESK_VPCD_PORT" --info "$bench_tmp/simcard.json" \
        --state "$bench_tmp/simcard.state" >"$bench_tmp/simcard.log" 2>&1 &
    simcard_pid=$!
    bench_track simcard "$simcard_pid"
    wait_until 15 grep -q '"inserted": *true' "$bench_tmp/simcard.json" ||
        die "the simulated card did not connect to vpcd on port $TOKENDESK_VPCD_PORT: $(cat "$bench_tmp/simcard.log")"
}

# start_watch [ENV=VALUE...]: `tokendesk watch --json`, lines stamped into watch.out; sets watch_pid.
start_watch() {
    env "$@" "$TOKENDESK_BINARY" watch --json > >(stamp >"$bench_tmp/watch.out") 2>"$bench_tmp/watch.err" &
    watch_pid=$!
    bench_track watch "$watch_pid"
}

# start_text: `tokendesk watch` (text lines, no card-name lookup), stamped into text.out;
# sets text_pid.
start_text() {
    "$TOKENDESK_BINARY" watch > >(stamp >"$bench_tmp/text.out") 2>"$bench_tmp/text.err" &
    text_pid=$!
    bench_track text "$text_pid"
}

# start_scan [ENV=VALUE...]: `pcsc_scan -n -q` (no ATR analysis, no download of
# smartcard_list.txt, no banner or spinner), line-buffered, stamped into scan.out; sets scan_pid.
start_scan() {
    env "$@" stdbuf -oL pcsc_scan -n -q > >(stamp >"$bench_tmp/scan.out") 2>"$bench_tmp/scan.err" &
    scan_pid=$!
    bench_track scan "$scan_pid"
}

# wait_until SECONDS CMD...: retry CMD every 50 ms.
wait_until() {
    local deadline=$((SECONDS + $1)); shift
    until "$@" >/dev/null 2>&1; do
        [ $SECONDS -lt $deadline ] || return 1
        sleep 0.05
    done
}

alive_or_die() { # alive_or_die NAME PID
    kill -0 "$2" 2>/dev/null && return 0
    die "$1 exited early; its stderr: $(cat "$bench_tmp/$1.err" 2>/dev/null)"
}

# Events as "KIND TIME" lines (KIND I = card inserted, R = card removed in READER0, the
# initial state included), from the stamped output of each tool.
watch_events() {
    awk -v reader="\"reader\":\"$READER0\"" '
        index($0, reader) == 0 { next }
        /"event":"card_inserted"/ { print "I", $1, (index($0, "\"initial\":true") ? "initial" : "") }
        /"event":"card_removed"/  { print "R", $1, (index($0, "\"initial\":true") ? "initial" : "") }
    ' "$bench_tmp/watch.out"
}

# `tokendesk watch` text lines: "TIME EVENT "READER" [ATR]"; the initial state is not marked,
# but the card is in at the start, so the first insertion is the initial one.
text_events() {
    awk -v reader="\"$READER0\"" '
        index($0, reader) == 0 { next }
        $3 == "card_inserted" { print "I", $1, (n++ == 0 ? "initial" : "") }
        $3 == "card_removed"  { print "R", $1, ""; n++ }
    ' "$bench_tmp/text.out"
}

# pcsc_scan prints a block per event: an empty line, a ctime(3) line (1 s resolution, so
# not used), then " Reader N: NAME", "  Event number: N", "  Card state: Card inserted, ..."
# for each reader that changed. The event is timed by the arrival of the ctime line.
scan_events() {
    awk -v reader="$READER0" '
        { ts = $1; line = substr($0, length($1) + 2) }
        line ~ /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) [A-Z][a-z][a-z] / { block = ts; n++; next }
        line ~ /^ Reader [0-9]+: / { sub(/^ Reader [0-9]+: /, "", line); current = line; next }
        line ~ /^  Card state: / && current == reader {
            if (line ~ /Card inserted/) print "I", block, (n == 1 ? "initial" : "")
            else if (line ~ /Card removed/) print "R", block, (n == 1 ? "initial" : "")
        }
    ' "$bench_tmp/scan.out"
}

# The initial state of both tools shows READER1 too, and a card in READER0.
initial_state_shown() {
    grep -q "\"event\":\"reader_added\".*\"reader\":\"$READER1\"" "$bench_tmp/watch.out" &&
        grep -q "\"event\":\"card_inserted\".*\"initial\":true.*\"reader\":\"$READER0\"" "$bench_tmp/watch.out" &&
        [ "$(grep -c '^[^ ]*   Card state: ' "$bench_tmp/scan.out")" -ge 2 ]
}

machine_line() {
    local cpu
    cpu=$(awk -F': *' '/^model name/ { print $2; exit }' /proc/cpuinfo)
    printf '%s, nproc %s, %s, kernel %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$(nproc)" "${cpu:-unknown CPU}" "$(uname -r)"
}

versions_line() {
    printf 'pcscd %s, pcsc-tools %s, vsmartcard-vpcd %s\n' \
        "$(dpkg-query -W -f '${Version}' pcscd 2>/dev/null || echo '?')" \
        "$(dpkg-query -W -f '${Version}' pcsc-tools 2>/dev/null || echo '?')" \
        "$(dpkg-query -W -f '${Version}' vsmartcard-vpcd 2>/dev/null || echo '?')"
}
