#!/usr/bin/env bash
# The smart-card test bench (see ../shared/TESTBENCH.md): a private pcscd with two
# vpcd readers, an OPENSC_CONF that makes OpenSC deterministic, a SoftHSM2 config
# and a D-Bus session with an unlocked gnome-keyring.
#
#   testbench.sh start DIR [VPCD_PORT]   start everything, write DIR/env
#                                        (TESTBENCH_SECRETS=0: no D-Bus/keyring and
#                                        the caller's HOME, as the demo wants)
#   testbench.sh stop DIR                stop what DIR/*.pid names, remove DIR
#   testbench.sh exec DIR CMD...         run CMD with DIR/env loaded
#   testbench.sh pcscd-stop DIR          stop the bench's pcscd (as if it crashed)
#   testbench.sh pcscd-start DIR         start it again, same readers and ports
#
# Everything started is recorded by pid in DIR and stopped by pid: the bench
# never touches a process it did not start.
#
# pcscd runs in a mount namespace of its own when this machine allows one; where
# `unshare --mount` is refused (an unprivileged container, a chroot whose root is not
# a mount point) it runs without one, on a socket in DIR that it inherits (see
# start_pcscd), and only while no other pcscd serves the standard socket.
# TESTBENCH_STANDARD_SOCKET names that socket (default /run/pcscd/pcscd.comm): tests
# point it at a fake pcscd of theirs.
set -Eeuo pipefail

usage() { echo "usage: $0 start|stop|exec DIR ..." >&2; exit 2; }
[ $# -ge 2 ] || usage
cmd=$1 dir=$2
shift 2

log() { echo "testbench: $*" >&2; }

wait_for() { # wait_for SECONDS CMD... : retry CMD every 0.1 s
    local deadline=$((SECONDS + $1)); shift
    until "$@" >/dev/null 2>&1; do
        [ $SECONDS -lt $deadline ] || return 1
        sleep 0.1
    done
}

stop_pids() { # stop_pids FILE... : TERM every pid named, KILL what is left after 3 s
    local f pid pids=()
    for f in "$@"; do
        [ -f "$f" ] || continue
        pid=$(cat "$f")
        rm -f "$f"
        # A simulator's file outlives a test killed at its time-out (the simulator died with it):
        # its pid may name another process by now.
        case $f in
        */simcard-*.pid) [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = tokendesk-simca ] || continue ;;
        esac
        if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
            kill -TERM "$pid" 2>/dev/null || true
            pids+=("$pid")
        fi
    done
    [ ${#pids[@]} -gt 0 ] || return 0
    for _ in $(seq 30); do
        local alive=0
        for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
        [ $alive = 1 ] || return 0
        sleep 0.1
    done
    for pid in "${pids[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
}

# pcscd 1.9.9's own files: the socket it binds and the pid file it writes (compiled in).
pcscd_run=/run/pcscd
standard_socket=${TESTBENCH_STANDARD_SOCKET:-$pcscd_run/pcscd.comm}

# Debian's python3 first: a version manager's shim earlier on PATH can take 0.4 s to start.
python=/usr/bin/python3
[ -x "$python" ] || python=python3

pick_namespace() { # sets ns to the first form that can mount our folder on /run/pcscd; else ns_error
    local form out
    ns=() ns_error=''
    for form in 'unshare --mount' 'unshare --user --map-root-user --mount'; do
        [ "$form" != 'unshare --mount' ] || [ "$(id -u)" -eq 0 ] || continue
        # The very mount pcscd needs, in a throw-away namespace: `unshare --mount true` can work
        # where the bind mount is refused.
        # shellcheck disable=SC2016,SC2086 # $1 is the inner shell's; $form is two or four words
        if out=$($form sh -c 'mkdir -p /run/pcscd && mount --bind "$1" /run/pcscd' sh "$dir/pcscd/run" 2>&1); then
            read -ra ns <<<"$form"
            return 0
        fi
        [ -n "$ns_error" ] || ns_error=$(printf '%s\n' "$out" | head -n 1)
    done
    return 1
}

serves() { # serves PATH: something listens on the unix socket PATH (refused or absent: no)
    "$python" -c '
import socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
s.settimeout(2)
try:
    s.connect(sys.argv[1])
except (PermissionError, TimeoutError):
    pass  # there, only not for us: served all the same
except OSError:
    sys.exit(1)
' "$1"
}

# Without a namespace, pcscd is handed a listening socket the way systemd hands one over
# (LISTEN_FDS/LISTEN_PID, fd 3): pcscd 1.9.9 serves an inherited socket whatever its path, where
# the socket it binds itself is always /run/pcscd/pcscd.comm (PCSCLITE_CSOCK_NAME moves clients
# only). The helper execs pcscd, so $! is pcscd.
# shellcheck disable=SC2016 # Python, not shell
activate='
import os, socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
s.bind(sys.argv[1])
s.listen(64)
if s.fileno() != 3:
    os.dup2(s.fileno(), 3)
os.set_inheritable(3, True)
os.environ["LISTEN_FDS"] = "1"
os.environ["LISTEN_PID"] = str(os.getpid())
os.execvp(sys.argv[2], sys.argv[2:])
'

start_pcscd() {
    local port=$1
    mkdir -p "$dir/pcscd/run" "$dir/pcscd/conf"
    # Two readers: "Virtual PCD 00 00" on $port, "Virtual PCD 00 01" on $port+1.
    sed "s/^CHANNELID.*/CHANNELID    $(printf '0x%X' "$port")/;
         s|^DEVICENAME.*|DEVICENAME   /dev/null:$(printf '0x%X' "$port")|" \
        /etc/reader.conf.d/vpcd >"$dir/pcscd/conf/vpcd"

    # pcscd 1.9.9 always serves /run/pcscd/pcscd.comm. In a mount namespace of
    # its own, our folder is bind-mounted there, so the socket appears in
    # $dir/pcscd/run and the system's pcscd (if any) is left alone.
    local ns ns_error
    if pick_namespace; then
        echo namespace >"$dir/pcscd.mode"
        # shellcheck disable=SC2016 # expanded by the inner shell
        "${ns[@]}" sh -c 'mkdir -p /run/pcscd && mount --bind "$1" /run/pcscd && exec pcscd -f -i -c "$2"' \
            sh "$dir/pcscd/run" "$dir/pcscd/conf" </dev/null >"$dir/pcscd.log" 2>&1 &
    else
        # No namespace: the socket is still ours, but pcscd also writes $pcscd_run/pcscd.pid and
        # deletes it when it exits, which would break a pcscd that serves the standard socket. Such
        # a one is left alone: the bench refuses to start beside it.
        if serves "$standard_socket"; then
            log "cannot start a private pcscd: mount namespaces are refused here ($ns_error) and another pcscd serves $standard_socket; stop that pcscd (e.g. systemctl stop pcscd.socket pcscd.service) or run this where unshare --mount works"
            return 1
        fi
        if [ ! -d "$pcscd_run" ] && [ ! -w "${pcscd_run%/*}" ]; then
            log "cannot start a private pcscd: mount namespaces are refused here ($ns_error) and without one pcscd needs $pcscd_run, which is missing; create it as root (install -d -m 0755 $pcscd_run) or run the bench as root"
            return 1
        fi
        log "mount namespaces are refused here ($ns_error): pcscd serves the bench's socket without one"
        echo socket >"$dir/pcscd.mode"
        rm -f "$dir/pcscd/run/pcscd.comm"
        "$python" -c "$activate" "$dir/pcscd/run/pcscd.comm" pcscd -f -i -c "$dir/pcscd/conf" \
            </dev/null >"$dir/pcscd.log" 2>&1 &
    fi
    echo $! >"$dir/pcscd.pid"
    if ! wait_for 10 test -S "$dir/pcscd/run/pcscd.comm"; then
        log "pcscd did not come up; its log:"; cat "$dir/pcscd.log" >&2
        return 1
    fi
    # vpcd opens its listening sockets when pcscd loads the readers. opensc-tool -l exits 0 with
    # no readers too: look for the second one by name (a port in use leaves pcscd without it).
    if ! wait_for 10 lists_readers; then
        log "pcscd lists no readers (is vpcd port $port or $((port + 1)) in use?); its log:"
        cat "$dir/pcscd.log" >&2
        return 1
    fi
}

# Without a namespace, pcscd writes the host's /run/pcscd/pcscd.pid; it deletes it on TERM, not
# when killed. The bench removes it only while it names the bench's pcscd, once that is gone.
read_pcscd() { # sets pcscd_pid and pcscd_mode, before the pid file goes
    pcscd_pid=$(cat "$dir/pcscd.pid" 2>/dev/null || true)
    pcscd_mode=$(cat "$dir/pcscd.mode" 2>/dev/null || true)
}
drop_host_pidfile() {
    if [ "$pcscd_mode" = socket ] && [ -n "$pcscd_pid" ] && [ -f "$pcscd_run/pcscd.pid" ] &&
        [ "$(tr -dc 0-9 <"$pcscd_run/pcscd.pid")" = "$pcscd_pid" ] && ! kill -0 "$pcscd_pid" 2>/dev/null; then
        rm -f "$pcscd_run/pcscd.pid"
    fi
}

lists_readers() {
    [[ $(PCSCLITE_CSOCK_NAME="$dir/pcscd/run/pcscd.comm" opensc-tool -l 2>/dev/null) == *'Virtual PCD 00 01'* ]]
}

write_opensc_conf() {
    cat >"$dir/opensc.conf" <<'CONF'
app default {
    # No PIN state leaks from one process to the next.
    reader_driver pcsc { disconnect_action = reset; }
    framework pkcs15 { use_file_caching = no; }
}
app opensc-pkcs11 {
    # C_InitPIN in an unlogged session with the PUK unblocks (PIV RESET RETRY COUNTER).
    pkcs11 { user_pin_unblock_style = set_pin_in_unlogged_session; }
}
CONF
}

write_softhsm_conf() {
    mkdir -p "$dir/softhsm/tokens"
    cat >"$dir/softhsm/softhsm2.conf" <<CONF
directories.tokendir = $dir/softhsm/tokens
objectstore.backend = file
log.level = ERROR
slots.removable = false
CONF
}

start_secrets() {
    mkdir -p "$dir/home/.local/share/keyrings" "$dir/home/.config" "$dir/home/.cache" "$dir/xdg-runtime"
    chmod 700 "$dir/xdg-runtime"
    dbus-daemon --session --nofork --address="unix:path=$(dbus_path "$dir/bus")" </dev/null >"$dir/dbus.log" 2>&1 &
    echo $! >"$dir/dbus.pid"
    wait_for 10 test -S "$dir/bus" || { log "dbus-daemon did not start"; return 1; }
    # The keyring's own password, not a user secret: the bench's keyring is thrown away.
    # Fed through a process substitution so that $! is the daemon itself.
    HOME="$dir/home" XDG_RUNTIME_DIR="$dir/xdg-runtime" XDG_DATA_HOME="$dir/home/.local/share" \
        DBUS_SESSION_BUS_ADDRESS="unix:path=$(dbus_path "$dir/bus")" \
        gnome-keyring-daemon --foreground --unlock --components=secrets \
        < <(printf 'testbench') >"$dir/keyring.log" 2>&1 &
    echo $! >"$dir/keyring.pid"
    if ! wait_for 10 env DBUS_SESSION_BUS_ADDRESS="unix:path=$(dbus_path "$dir/bus")" \
        dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
        org.freedesktop.DBus.GetNameOwner string:org.freedesktop.secrets; then
        log "gnome-keyring did not take org.freedesktop.secrets; its log:"; cat "$dir/keyring.log" >&2
        return 1
    fi
}

valid_port() { # the first of two vpcd ports: digits only, never evaluated as arithmetic first
    [[ $1 =~ ^[0-9]{1,5}$ ]] && [ "$((10#$1))" -ge 1 ] && [ "$((10#$1))" -le 65534 ]
}

dbus_path() { # a D-Bus address value: bytes outside [-0-9A-Za-z_/.\*] %-escaped, as the spec wants
    local LC_ALL=C s=$1 out='' c i
    for ((i = 0; i < ${#s}; i++)); do
        c=${s:i:1}
        case $c in
        [-0-9A-Za-z_/.\\*]) out+=$c ;;
        *) out+=$(printf '%%%02X' "$(($(printf '%d' "'$c") & 255))") ;;
        esac
    done
    printf '%s' "$out"
}

warn_ephemeral() { # warn_ephemeral PORT: vpcd's two ports inside the kernel's ephemeral range
    # Any outgoing connection on this machine may hold such a port as its local end when vpcd binds
    # it, and then the reader fails with "Address already in use" (seen in CI: port 40022).
    local range lo hi
    range=$(cat /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null) || return 0
    read -r lo hi <<<"$range"
    [ -n "$lo" ] && [ -n "$hi" ] || return 0
    if [ "$1" -le "$hi" ] && [ $(($1 + 1)) -ge "$lo" ]; then
        log "warning: vpcd ports $1 and $(($1 + 1)) are in the ephemeral range $lo-$hi, where an outgoing connection can take them first; a port below $lo is safer"
    fi
}

export_line() { # export_line NAME VALUE: a line of DIR/env that a shell sources back as it was
    printf 'export %s=%q\n' "$1" "$2"
}

case $cmd in
start)
    port=${TOKENDESK_VPCD_PORT:-30000}
    [ $# -eq 0 ] || port=$1
    valid_port "$port" || { log "the vpcd port must be a number from 1 to 65534, not: $(printf %q "$port")"; exit 2; }
    port=$((10#$port))
    warn_ephemeral "$port"
    [ ! -e "$dir/env" ] || "$0" stop "$dir"
    # The bench holds the keyring, the tokens and the PC/SC socket: for its owner only.
    (umask 077 && mkdir -p "$dir")
    chmod 0700 "$dir"
    dir=$(cd "$dir" && pwd)
    trap '"$0" stop "$dir"' ERR
    start_pcscd "$port"
    write_opensc_conf
    write_softhsm_conf
    echo "$port" >"$dir/vpcd-port"
    {
        export_line TOKENDESK_TESTBENCH_DIR "$dir"
        export_line PCSCLITE_CSOCK_NAME "$dir/pcscd/run/pcscd.comm"
        export_line TOKENDESK_VPCD_PORT "$port"
        export_line OPENSC_CONF "$dir/opensc.conf"
        export_line SOFTHSM2_CONF "$dir/softhsm/softhsm2.conf"
    } >"$dir/env"
    if [ "${TESTBENCH_SECRETS:-1}" != 0 ]; then
        start_secrets
        {
            export_line DBUS_SESSION_BUS_ADDRESS "unix:path=$(dbus_path "$dir/bus")"
            export_line HOME "$dir/home"
            export_line XDG_CONFIG_HOME "$dir/home/.config"
            export_line XDG_DATA_HOME "$dir/home/.local/share"
            export_line XDG_CACHE_HOME "$dir/home/.cache"
            export_line XDG_RUNTIME_DIR "$dir/xdg-runtime"
        } >>"$dir/env"
    fi
    trap - ERR
    log "up in $dir (vpcd ports $port and $((port + 1)))"
    ;;
stop)
    [ -d "$dir" ] || exit 0
    # Ours, and anything a test recorded there (a simulated card it left behind).
    shopt -s nullglob
    read_pcscd
    stop_pids "$dir"/*.pid
    drop_host_pidfile
    rm -rf "$dir"
    ;;
pcscd-stop)
    read_pcscd
    [ -z "$pcscd_pid" ] || kill -KILL "$pcscd_pid" 2>/dev/null || true
    stop_pids "$dir/pcscd.pid"
    drop_host_pidfile
    ;;
pcscd-start)
    [ -f "$dir/env" ] || { log "no bench in $dir"; exit 1; }
    dir=$(cd "$dir" && pwd)
    port=$(cat "$dir/vpcd-port")
    valid_port "$port" || { log "$dir/vpcd-port does not hold a port"; exit 1; }
    rm -f "$dir/pcscd/run/pcscd.comm"
    start_pcscd "$port"
    ;;
exec)
    [ -f "$dir/env" ] || { log "no bench in $dir (did the setup fixture run?)"; exit 1; }
    # shellcheck disable=SC1091
    . "$dir/env"
    exec "$@"
    ;;
*) usage ;;
esac
