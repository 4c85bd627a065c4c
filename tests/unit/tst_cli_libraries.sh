#!/usr/bin/env bash
# The command line runs without Qt Gui, Qt Widgets or any Qt plugin (issue 15 item 2): `tokendesk`
# is linked without them, and the libraries the dynamic loader maps while commands run (LD_DEBUG)
# include none of them; `tokendesk` with no command execs tokendesk-window, which has them.
#
#   tst_cli_libraries.sh TOKENDESK_BINARY
set -euo pipefail
bin=${1:?usage: tst_cli_libraries.sh TOKENDESK_BINARY}
fail() { echo "FAIL: $*" >&2; exit 1; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/tst_cli_libraries.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

forbidden='libQt6(Gui|Widgets|XcbQpa|OpenGL)|/plugins/|libxcb|libX11|libGL'
objdump -p "$bin" | awk '$1 == "NEEDED" {print $2}' >"$tmp/needed"
! grep -E "$forbidden" "$tmp/needed" || fail "tokendesk is linked with: $(grep -E "$forbidden" "$tmp/needed" | tr '\n' ' ')"
grep -q libQt6Core "$tmp/needed" || fail "tokendesk is not linked with Qt Core: is this the right binary?"
window=$(dirname "$bin")/tokendesk-window
objdump -p "$window" | grep -q 'NEEDED.*libQt6Widgets' || fail "tokendesk-window is not linked with Qt Widgets"

# Commands as a script runs them: no pcscd (a socket nobody serves), no display.
export PCSCLITE_CSOCK_NAME=$tmp/no-pcscd.comm
unset DISPLAY WAYLAND_DISPLAY
export QT_QPA_PLATFORM=offscreen
run() { # run NAME ARGS...: the command, with the loader's list of the files it maps
    local name=$1 rc=0
    shift
    LD_DEBUG=files LD_DEBUG_OUTPUT="$tmp/$name" "$bin" "$@" >"$tmp/$name.out" 2>"$tmp/$name.err" || rc=$?
    echo "$rc" >"$tmp/$name.rc"
    cat "$tmp/$name".[0-9]* >"$tmp/$name.loaded"
    grep -q 'file=.*libQt6Core' "$tmp/$name.loaded" || fail "$name: LD_DEBUG recorded nothing"
    if grep -E "file=.*($forbidden)" "$tmp/$name.loaded" >"$tmp/$name.bad"; then
        fail "$name loaded: $(sed -E 's/.*file=([^ ;]*).*/\1/' "$tmp/$name.bad" | sort -u | tr '\n' ' ')"
    fi
    echo "$name: rc $rc, $(grep -oE 'file=[^ ;]+' "$tmp/$name.loaded" | sort -u | wc -l) files mapped, no Qt Gui, Widgets or plugin"
}
run report report --json
python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$tmp/report.out" || fail "report --json wrote no JSON"
run atr atr '3B 88 80 01 54 6F 6B 65 6E 44 73 6B 0E'
[ "$(cat "$tmp/atr.rc")" = 0 ] && grep -q TCK "$tmp/atr.out" || fail "atr: $(cat "$tmp/atr.err")"
run help --help
run version --version
grep -qx 'tokendesk [0-9.]*' "$tmp/version.out" || fail "--version: $(cat "$tmp/version.out")"
