#!/usr/bin/env bash
# The bench's env file is sourced by every bench test and by the demo: a checkout path with
# quotes, `$(...)` or backticks, or a port that is not a number, must neither break it nor run
# shell code. Starts a bench of its own (its own ports, its own pcscd namespace), stops it by pid.
#
#   tst_testbench_quoting.sh TESTBENCH_SH FIRST_PORT
set -uo pipefail
bench=$1 port=$2
top=$(mktemp -d)
cd "$top" || exit 1
marker="$top/r" # what the names below would create if any of them ran
failures=0
check() { # check DESCRIPTION CMD...
    if "${@:2}"; then echo "PASS: $1"; else echo "FAIL: $1"; failures=$((failures + 1)); fi
}
cleanup() { "$bench" stop "$dir" >/dev/null 2>&1; "$bench" stop "$top/bad" >/dev/null 2>&1; rm -rf "$top"; }
trap cleanup EXIT

# Short: the PC/SC and D-Bus sockets live in it, and a socket path has at most 107 bytes.
# shellcheck disable=SC2016 # the $( ) and backticks are meant literally: they must not run
dir="$top/it's \$(touch r)\`touch r\`\"b\""

# Ports that are not numbers are refused before anything evaluates them.
# shellcheck disable=SC2016
for bad in '1+1' '$(touch r)' 'a[$(touch r)]' 70000 0 ''; do
    "$bench" start "$top/bad" "$bad" >/dev/null 2>&1
    rc=$?
    check "port $(printf %q "$bad") refused with exit 2 (got $rc)" test "$rc" = 2
done
check "no bad port ran code" test ! -e "$marker"
check "no bench folder for a bad port" test ! -e "$top/bad/env"

check "bench starts in a folder named with quotes and substitutions" "$bench" start "$dir" "$port"
check "the folder is its owner's only (0700)" test "$(stat -c %a "$dir")" = 700
got=$("$bench" exec "$dir" sh -c 'printf %s "$TOKENDESK_TESTBENCH_DIR"')
check "TOKENDESK_TESTBENCH_DIR reads back as the folder" test "$got" = "$dir"
got=$("$bench" exec "$dir" sh -c 'printf %s "$TOKENDESK_VPCD_PORT"')
check "the port reads back" test "$got" = "$port"
readers() { [[ $("$bench" exec "$dir" opensc-tool -l 2>/dev/null) == *'Virtual PCD 00 01'* ]]; }
check "the readers answer through PCSCLITE_CSOCK_NAME" readers
check "the keyring answers through DBUS_SESSION_BUS_ADDRESS" "$bench" exec "$dir" dbus-send --session \
    --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus org.freedesktop.DBus.GetNameOwner \
    string:org.freedesktop.secrets
"$bench" pcscd-stop "$dir"
check "no readers while pcscd is stopped" eval '! readers'
check "pcscd restarts with the same port" "$bench" pcscd-start "$dir"
check "the readers answer after the restart" readers
check "sourcing the env ran no code" test ! -e "$marker"
check "stop removes the bench" "$bench" stop "$dir"
check "the folder is gone" test ! -e "$dir"

echo "$((16 - failures)) passed, $failures failed"
[ $failures -eq 0 ]
