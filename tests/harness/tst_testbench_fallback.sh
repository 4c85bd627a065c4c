#!/usr/bin/env bash
# The bench where mount namespaces are refused (an unprivileged container, a chroot whose root is
# not a mount point). `unshare` is shadowed by one that fails as the real one does there, first in
# PATH. Then:
#   - start runs pcscd without a namespace, on the bench's own socket; real peers (pcsc_scan,
#     opensc-tool) see its two vpcd readers and a simulated card through `exec`; pcscd-stop and
#     pcscd-start still work; stop leaves no process, no socket and no pid file of ours behind;
#   - beside another pcscd on the standard socket (a fake: a listener of this test's own, on a path
#     of its own named by TESTBENCH_STANDARD_SOCKET, so the host's /run/pcscd is not touched), start
#     refuses with one sentence and starts nothing; a socket whose pcscd is gone does not block it.
# Everything it starts it stops by pid.
#
#   tst_testbench_fallback.sh TESTBENCH_SH SIMCARD FIRST_PORT
#
# Exits 77 (CTest: skipped) only when a pcscd serves /run/pcscd/pcscd.comm on this machine: the
# fallback refuses to run beside one, by design.
# shellcheck disable=SC2016 # single-quoted on purpose: eval'd checks and inner shells expand them
set -uo pipefail
bench=$1 simcard=$2 port=$3
standard=/run/pcscd/pcscd.comm
python=/usr/bin/python3
[ -x "$python" ] || python=python3

serves() { # serves PATH: something listens on the unix socket PATH
    "$python" -c '
import socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
s.settimeout(2)
try:
    s.connect(sys.argv[1])
except (PermissionError, TimeoutError):
    pass
except OSError:
    sys.exit(1)
' "$1"
}

if serves "$standard"; then
    echo "SKIP: a pcscd serves $standard on this machine, and the bench's fallback refuses to run beside one by design; stop it (systemctl stop pcscd.socket pcscd.service) to run this test"
    exit 77
fi

top=$(mktemp -d)
dir="$top/b"
fake_pid='' sim_pid=''
passed=0 failures=0
check() { # check DESCRIPTION CMD...
    if "${@:2}"; then
        echo "PASS: $1"
        passed=$((passed + 1))
    else
        echo "FAIL: $1"
        failures=$((failures + 1))
    fi
}
alive() { # alive PID: running (a zombie waiting for its parent counts as gone)
    local st
    st=$(ps -o stat= -p "$1" 2>/dev/null) && [ -n "$st" ] && [[ $st != Z* ]]
}
ours() { pgrep -f -- "$top" >/dev/null; } # any process whose command line names the test's folder
cleanup() {
    "$bench" stop "$dir" >/dev/null 2>&1
    "$bench" stop "$top/r" >/dev/null 2>&1
    [ -z "$fake_pid" ] || kill -TERM "$fake_pid" 2>/dev/null
    [ -z "$sim_pid" ] || kill -TERM "$sim_pid" 2>/dev/null
    wait 2>/dev/null
    rm -rf "$top"
}
trap cleanup EXIT

# What util-linux's unshare prints in an unprivileged container (in a chroot whose root is not a
# mount point: "cannot change root filesystem propagation: Invalid argument"), and its status.
mkdir "$top/bin"
cat >"$top/bin/unshare" <<'EOF'
#!/bin/sh
echo "unshare: unshare failed: Operation not permitted" >&2
exit 1
EOF
chmod +x "$top/bin/unshare"
export PATH="$top/bin:$PATH"
check "unshare is the failing one" sh -c '! unshare --mount true 2>/dev/null'
had_standard=0
[ -e "$standard" ] && had_standard=1

# Up without a namespace.
"$bench" start "$dir" "$port" 2>"$top/start.err"
rc=$?
cat "$top/start.err"
check "start works where unshare is refused (exit $rc)" test "$rc" = 0
check "start says why there is no namespace" grep -q 'refused here (unshare: unshare failed: Operation not permitted)' "$top/start.err"
check "the bench knows it runs pcscd without a namespace" test "$(cat "$dir/pcscd.mode" 2>/dev/null)" = socket
pcscd_pid=$(cat "$dir/pcscd.pid" 2>/dev/null)
check "its pid file names pcscd itself" test "$(ps -o comm= -p "${pcscd_pid:-0}")" = pcscd
check "pcscd shares this test's mount namespace" \
    test "$(readlink "/proc/${pcscd_pid:-0}/ns/mnt")" = "$(readlink /proc/self/ns/mnt)"
sock=$("$bench" exec "$dir" sh -c 'printf %s "$PCSCLITE_CSOCK_NAME"')
check "clients are pointed at the bench's own socket" test "$sock" = "$dir/pcscd/run/pcscd.comm" -a -S "$sock"
check "pcscd serves the bench's socket" serves "$sock"
if [ $had_standard = 0 ]; then
    check "nothing appeared on the standard socket" test ! -e "$standard"
fi

# A real client sees the readers; a simulated card is seen, and spoken to.
readers=$("$bench" exec "$dir" timeout 20 pcsc_scan -r 2>&1)
echo "$readers"
check "pcsc_scan -r lists Virtual PCD 00 00" grep -q 'Virtual PCD 00 00' <<<"$readers"
check "pcsc_scan -r lists Virtual PCD 00 01" grep -q 'Virtual PCD 00 01' <<<"$readers"
"$bench" exec "$dir" "$simcard" --port "$port" --info "$dir/card.json" >"$top/simcard.log" 2>&1 &
sim_pid=$!
echo "$sim_pid" >"$dir/simcard.pid" # the bench's stop stops what a test left in its folder
atr=''
for _ in $(seq 100); do
    atr=$("$bench" exec "$dir" opensc-tool -r 0 -a 2>/dev/null | tr -dc '0-9a-fA-F' | tr 'A-F' 'a-f')
    [ -n "$atr" ] && break
    sleep 0.1
done
want=$(jq -r .atr "$dir/card.json" 2>/dev/null | tr -dc '0-9a-fA-F' | tr 'A-F' 'a-f')
check "opensc-tool -a reads the simulated card's ATR ($atr) in reader 0" test -n "$atr" -a "$atr" = "$want"
name=$("$bench" exec "$dir" opensc-tool -r 0 -n 2>&1)
check "OpenSC talks to the card through the bench's pcscd ($name)" grep -q "Personal Identity Verification" <<<"$name"

# pcscd-stop and pcscd-start, as tst_readermonitor uses them.
"$bench" pcscd-stop "$dir"
check "pcscd-stop stops pcscd" eval '! alive "${pcscd_pid:-0}"'
check "no pid file of the dead pcscd is left in /run/pcscd" \
    sh -c "! [ -f /run/pcscd/pcscd.pid ] || [ \"\$(tr -dc 0-9 </run/pcscd/pcscd.pid)\" != ${pcscd_pid:-0} ]"
check "pcscd-start starts it again" "$bench" pcscd-start "$dir"
new_pcscd=$(cat "$dir/pcscd.pid" 2>/dev/null)
readers=$("$bench" exec "$dir" timeout 20 pcsc_scan -r 2>&1)
check "the readers are back" grep -q 'Virtual PCD 00 01' <<<"$readers"

# A simulator's pid file that a test killed at its time-out left behind (the simulator died with
# it): by the stop, its pid may name another process, which the stop must leave alone.
sleep 60 &
bystander=$!
echo "$bystander" >"$dir/simcard-$bystander.pid"

# Stop: nothing left behind.
check "stop works" "$bench" stop "$dir"
check "stop leaves alone a process that a stale simcard-PID.pid names" alive "$bystander"
kill "$bystander" 2>/dev/null
wait "$bystander" 2>/dev/null
wait "$sim_pid" 2>/dev/null
check "pcscd is gone" eval '! alive "${new_pcscd:-0}"'
check "the simulated card is gone" eval '! alive "$sim_pid"'
sim_pid=''
check "no process names the test's folder" eval '! ours'
check "the bench folder and its socket are gone" test ! -e "$dir"
check "no pid file of the bench's pcscd is left in /run/pcscd" \
    sh -c "! [ -f /run/pcscd/pcscd.pid ] || [ \"\$(tr -dc 0-9 </run/pcscd/pcscd.pid)\" != ${new_pcscd:-0} ]"
if [ $had_standard = 0 ]; then
    check "still nothing on the standard socket" test ! -e "$standard"
fi

# Another pcscd on the standard socket: a listener that never answers, started and stopped by pid.
mkdir "$top/std"
fake="$top/std/pcscd.comm"
"$python" -c 'import socket, sys, time
s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
s.bind(sys.argv[1])
s.listen(8)
time.sleep(600)' "$fake" &
fake_pid=$!
for _ in $(seq 50); do serves "$fake" && break; sleep 0.1; done
check "the fake pcscd listens on $fake" serves "$fake"
TESTBENCH_STANDARD_SOCKET="$fake" "$bench" start "$top/r" "$port" 2>"$top/refused.err"
rc=$?
cat "$top/refused.err"
check "start refuses beside another pcscd (exit $rc)" test "$rc" != 0
check "with one sentence" test "$(wc -l <"$top/refused.err")" = 1
check "that names the other pcscd's socket and what to do" \
    grep -q "another pcscd serves $fake; stop that pcscd .* or run this where unshare --mount works" "$top/refused.err"
check "no bench folder is left" test ! -e "$top/r"
check "no pcscd was started" eval '! pgrep -f -- "$top/r" >/dev/null'
check "the other pcscd is left alone" eval 'alive "$fake_pid" && serves "$fake"'
kill -TERM "$fake_pid"
wait "$fake_pid" 2>/dev/null
check "the fake pcscd is gone" eval '! alive "$fake_pid"'
fake_pid=''

# Its socket is left behind, as by a pcscd that crashed: that does not block the bench.
check "a socket nobody serves does not block start" env TESTBENCH_STANDARD_SOCKET="$fake" "$bench" start "$top/r" "$port"
check "stop works again" "$bench" stop "$top/r"
check "no process names the test's folder at the end" eval '! ours'

echo "$passed passed, $failures failed"
[ $failures -eq 0 ]
