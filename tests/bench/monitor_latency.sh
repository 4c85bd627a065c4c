#!/usr/bin/env bash
# shellcheck disable=SC2016 # backquotes and awk programs in single quotes are meant literally
# Benchmark (issue 3): time from the simulated card's insertion (and removal) to the line
# printed by `tokendesk watch` (text, and --json), beside `pcsc_scan -n -q`, all three
# watching the same pcscd in the same run.
#
#   testbench.sh exec DIR tests/bench/monitor_latency.sh [ITERATIONS]
#
# Each iteration removes the card (SIGUSR1 to tokendesk-simcard: it closes its TCP link to
# vpcd), waits until all three tools have printed the removal, waits a random 0.3-0.8 s,
# inserts it (SIGUSR2: it connects), waits until all three have printed the insertion,
# waits a random 0.3-0.8 s. The time of a removal or an insertion is taken just before the
# signal is sent. Every output line of every tool is timestamped as its first byte arrives
# here (same clock, same reader loop); pcsc_scan's own event time is ctime(3), 1 s
# resolution, so unusable; tokendesk's own ISO-8601 "time" (1 ms, taken before the line
# is built) is shown as a cross-check.
#
# The shared floor: pcscd polls a vpcd reader for card presence every 400 ms (vpcd asks the
# card for its ATR each time; PCSCLITE_STATUS_POLL_RATE), and only then wakes the clients'
# SCardGetStatusChange. All tools wait on the same pcscd event, so each sample is about
# uniform in 0-400 ms plus the card's power-up; the per-event difference to pcsc_scan is
# what the tools themselves add. The random waits spread the events over pcscd's polling
# phase.
# Fails when a measurement could not be made (a tool missed an event or died).
set -Eeuo pipefail

bench_name=bench_monitor_latency
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=monitor_common.sh
. "$here/monitor_common.sh"

iterations=${1:-20}
event_timeout=5
tools=(watch text scan)

bench_init
start_simcard
sleep 1 # pcscd polls the reader every 400 ms: let it see the card before the tools start

# shellcheck disable=SC2119 # no extra environment: plain runs
start_watch
start_text
# shellcheck disable=SC2119
start_scan
all_alive() {
    alive_or_die watch "$watch_pid"; alive_or_die text "$text_pid"; alive_or_die scan "$scan_pid"
}
wait_until 15 initial_state_shown || {
    all_alive
    die "the tools did not show both readers and the card within 15 s
watch: $(cat "$bench_tmp/watch.out")
pcsc_scan: $(cat "$bench_tmp/scan.out")"
}
wait_until 5 grep -q "card_inserted \"$READER0\"" "$bench_tmp/text.out" ||
    { all_alive; die "tokendesk watch (text) did not show the card: $(cat "$bench_tmp/text.out")"; }
sleep 1

# count_events TOOL KIND: non-initial events of KIND (I or R) printed by TOOL so far.
count_events() { "${1}_events" | awk -v k="$2" '$1 == k && $3 != "initial"' | wc -l; }
all_saw() { # all_saw KIND N
    local tool
    for tool in "${tools[@]}"; do
        [ "$(count_events "$tool" "$1")" -ge "$2" ] || return 1
    done
}
seen() { local tool out=; for tool in "${tools[@]}"; do out+="$tool $(count_events "$tool" "$1"), "; done; echo "${out%, }"; }
random_pause() { sleep "0.$((300 + RANDOM % 500))"; }

: >"$bench_tmp/marks"
for i in $(seq "$iterations"); do
    printf 'R %s\n' "$EPOCHREALTIME" >>"$bench_tmp/marks"
    kill -USR1 "$simcard_pid"
    wait_until "$event_timeout" all_saw R "$i" ||
        { all_alive; die "removal $i: not seen by every tool within ${event_timeout} s ($(seen R))"; }
    random_pause
    printf 'I %s\n' "$EPOCHREALTIME" >>"$bench_tmp/marks"
    kill -USR2 "$simcard_pid"
    wait_until "$event_timeout" all_saw I "$i" ||
        { all_alive; die "insertion $i: not seen by every tool within ${event_timeout} s ($(seen I))"; }
    random_pause
done
grep -q '"inserted": *true' "$bench_tmp/simcard.json" || die "the simulated card is not inserted at the end"
all_alive
bench_stop "$watch_pid" "$text_pid" "$scan_pid"

# tokendesk's own "time" fields (JSON), as "KIND TIME" lines like watch_events.
own_events() {
    grep "\"reader\":\"$READER0\"" "$bench_tmp/watch.out" | grep -v '"initial":true' |
        sed -n 's/.*"event":"card_\(inserted\|removed\)".*"time":"\([^"]*\)".*/\1 \2/p' |
        while read -r kind iso; do
            printf '%s %s\n' "$([ "$kind" = inserted ] && echo I || echo R)" "$(date -u -d "$iso" +%s.%N)"
        done
}

# One timeline: marks, then each series' events; per mark, the first event of the same
# kind in each series is its sample (ms). Later events with no pending mark are extras.
{
    awk '{ print "mark", $1, $2 }' "$bench_tmp/marks"
    for s in watch text scan own; do
        "${s}_events" | awk -v s=$s '$3 != "initial" { print s, $1, $2 }'
    done
} | sort -s -k3,3n |
    awk '
        $1 == "mark" { n[$2]++; t[$2] = $3; started = 1
                       pending[$2, "watch"] = pending[$2, "text"] = pending[$2, "scan"] = pending[$2, "own"] = 1; next }
        !started { next }
        pending[$2, $1] { pending[$2, $1] = 0; printf "%s %s %d %.3f\n", $1, $2, n[$2], ($3 - t[$2]) * 1000; next }
        { printf "extra %s %s\n", $1, $2 }
    ' >"$bench_tmp/samples"

for s in watch text scan own; do
    for k in I R; do
        got=$(awk -v s=$s -v k=$k '$1 == s && $2 == k' "$bench_tmp/samples" | wc -l)
        [ "$got" -eq "$iterations" ] || die "$s: $got samples of $k for $iterations events
$(cat "$bench_tmp/samples")"
    done
done
if awk '$1 != "extra" && $4 < 0 { bad = 1 } END { exit !bad }' "$bench_tmp/samples"; then
    die "negative latency (clock trouble?): $(cat "$bench_tmp/samples")"
fi
extras=$(awk '$1 == "extra"' "$bench_tmp/samples")

# Per event, a tool minus pcsc_scan (ms), as samples "TOOL-scan KIND N MS".
awk '$1 != "extra" { v[$1, $2, $3] = $4; if ($3 > max) max = $3 }
     END { for (k = 1; k <= max; k++) for (ki = 0; ki < 2; ki++) { kind = ki ? "R" : "I"
             printf "watch-scan %s %d %.3f\n", kind, k, v["watch", kind, k] - v["scan", kind, k]
             printf "text-scan %s %d %.3f\n", kind, k, v["text", kind, k] - v["scan", kind, k]
             printf "json-own %s %d %.3f\n", kind, k, v["watch", kind, k] - v["own", kind, k] } }' \
    "$bench_tmp/samples" >"$bench_tmp/diffs"
cat "$bench_tmp/diffs" >>"$bench_tmp/samples"

# stats SERIES KIND: "median min max mean" (ms) of its samples.
stats() {
    awk -v s="$1" -v k="$2" '$1 == s && $2 == k { print $4 }' "$bench_tmp/samples" | sort -n | awk '
        { v[NR] = $1; sum += $1 }
        END {
            if (NR == 0) { print "- - - -"; exit }
            med = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
            printf "%.1f %.1f %.1f %.1f\n", med, v[1], v[NR], sum / NR
        }'
}
row() { # row LABEL SERIES KIND
    local med min max mean
    read -r med min max mean < <(stats "$2" "$3")
    printf '| %s | %s | %s | %s | %s |\n' "$1" "$med" "$min" "$max" "$mean"
}

echo
echo "## Card event to printed line: ${iterations} insertions and ${iterations} removals, same pcscd, same run"
echo
machine_line
versions_line
echo
echo "| ms, from the simulator's connect (insertion) or close (removal) to the printed line | median | min | max | mean |"
echo "|---|---:|---:|---:|---:|"
for k in I R; do
    what=insertion
    [ $k = I ] || what=removal
    row "$what → \`tokendesk watch\`" text $k
    row "$what → \`tokendesk watch --json\`" watch $k
    row "$what → \`pcsc_scan -n -q\`" scan $k
    row "$what: \`watch\` − \`pcsc_scan\`, per event" text-scan $k
    row "$what: \`watch --json\` − \`pcsc_scan\`, per event" watch-scan $k
    row "$what: \`watch --json\` line − its own \`time\` field, per event" json-own $k
done
echo
if [ -n "$extras" ]; then
    echo "lines printed with no card event pending (duplicates?):"
    echo "$extras" | awk '{ print $2, $3 }' | sort | uniq -c
else
    echo "each tool printed exactly one line per card event"
fi
