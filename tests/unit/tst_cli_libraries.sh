#!/usr/bin/env bash
# The command line runs without Qt Gui, Qt Widgets or any Qt plugin (issue 15 item 2): `tokendesk`
# is linked without them, and the libraries the dynamic loader maps while commands run (LD_DEBUG)
# include none of them; `tokendesk` with no command execs tokendesk-window, which has them.
# Nor does `tokendesk` map libldap, libsss_certmap or QtKeychain (with QtDBus) for report, atr,
# --version and --help: the commands that need them are tokendesk-accounts', exec'd (issue 15).
#
#   tst_cli_libraries.sh TOKENDESK_BINARY
set -euo pipefail
bin=${1:?usage: tst_cli_libraries.sh TOKENDESK_BINARY}
fail() { echo "FAIL: $*" >&2; exit 1; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/tst_cli_libraries.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

forbidden='libQt6(Gui|Widgets|XcbQpa|OpenGL|DBus)|/plugins/|libxcb|libX11|libGL|libldap|liblber|libsss_certmap|libqt6keychain'
objdump -p "$bin" | awk '$1 == "NEEDED" {print $2}' >"$tmp/needed"
! grep -E "$forbidden" "$tmp/needed" || fail "tokendesk is linked with: $(grep -E "$forbidden" "$tmp/needed" | tr '\n' ' ')"
accounts=$(dirname "$bin")/tokendesk-accounts
objdump -p "$accounts" | awk '$1 == "NEEDED" {print $2}' >"$tmp/accounts.needed"
for lib in libldap libsss_certmap libqt6keychain; do
    grep -q "^$lib" "$tmp/accounts.needed" || fail "tokendesk-accounts is not linked with $lib"
done
! grep -E 'libQt6(Gui|Widgets)' "$tmp/accounts.needed" || fail "tokendesk-accounts is linked with Qt Gui or Widgets"
grep -q libQt6Core "$tmp/needed" || fail "tokendesk is not linked with Qt Core: is this the right binary?"
window=$(dirname "$bin")/tokendesk-window
# (Never `producer | grep -q` under pipefail: grep -q leaves early, the producer gets SIGPIPE.)
objdump -p "$window" >"$tmp/window.headers"
grep -q 'NEEDED.*libQt6Widgets' "$tmp/window.headers" || fail "tokendesk-window is not linked with Qt Widgets"

# Commands as a script runs them: no pcscd (a socket nobody serves), no display.
export PCSCLITE_CSOCK_NAME=$tmp/no-pcscd.comm
unset DISPLAY WAYLAND_DISPLAY TOKENDESK_MODULES
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
    echo "$name: rc $rc, $(grep -oE 'file=[^ ;]+' "$tmp/$name.loaded" | sort -u | wc -l) files mapped, no Qt Gui, Widgets, plugin, QtDBus, libldap or libsss_certmap"
}
run report report --json
python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$tmp/report.out" || fail "report --json wrote no JSON"
run atr atr '3B 88 80 01 54 6F 6B 65 6E 44 73 6B 0E'
[ "$(cat "$tmp/atr.rc")" = 0 ] && grep -q TCK "$tmp/atr.out" || fail "atr: $(cat "$tmp/atr.err")"
run help --help
grep -q 'pairings' "$tmp/help.out" || fail "--help lists no pairings: the commands of tokendesk-accounts are missing"
run version --version
grep -qx 'tokendesk [0-9.]*' "$tmp/version.out" || fail "--version: $(cat "$tmp/version.out")"
run report_no_registered report --json --no-registered
python3 -c 'import json,sys; d = json.load(open(sys.argv[1])); assert d["modules"] == [], d["modules"]' \
    "$tmp/report_no_registered.out" || fail "report --json --no-registered listed modules"

# A command of tokendesk-accounts: `tokendesk` execs it (the same process), which maps libldap.
rc=0
LD_DEBUG=files LD_DEBUG_OUTPUT="$tmp/pairings" "$bin" pairings --help >"$tmp/pairings.out" 2>"$tmp/pairings.err" || rc=$?
[ "$rc" = 0 ] && grep -q -- '--store' "$tmp/pairings.out" || fail "pairings --help: rc $rc, $(cat "$tmp/pairings.err")"
grep -q 'file=.*libldap' "$tmp/pairings".[0-9]* || fail "pairings --help did not run in tokendesk-accounts"
echo "pairings: rc 0, exec'd tokendesk-accounts (libldap mapped)"

# report reads pairings: with a directory among the stores it execs tokendesk-accounts, which
# reaches it (port 1 on loopback: refused at once) and says so in the report.
rc=0
LD_DEBUG=files LD_DEBUG_OUTPUT="$tmp/directory" "$bin" report --json --no-registered \
    --store ldap://127.0.0.1:1/dc=example,dc=test >"$tmp/directory.out" 2>"$tmp/directory.err" || rc=$?
grep -q 'file=.*libldap' "$tmp/directory".[0-9]* || fail "report with an ldap:// store did not run in tokendesk-accounts"
python3 -c 'import json,sys; d = json.load(open(sys.argv[1])); assert [e["code"] for e in d["pairing_errors"]] == ["directory_unreachable"], d' \
    "$tmp/directory.out" || fail "report with an unreachable ldap:// store: rc $rc, $(cat "$tmp/directory.err")"
echo "report --store ldap://: rc $rc, exec'd tokendesk-accounts, directory_unreachable reported"
