#!/usr/bin/env bash
# A private OpenLDAP slapd for the directory pairing tests (see shared/TESTBENCH.md): the
# directory that TokenDesk's ldap:// pairing store writes certificates to and SSSD reads them from.
#
#   slapd.sh start DIR PORT [USERS]   load and start a directory on 127.0.0.1, write DIR/env
#   slapd.sh stop DIR                 stop the slapd that DIR/slapd.pid names, remove the runtime files
#
# The directory: suffix dc=tokendesk,dc=test; ou=people with alice, bob and carol (inetOrgPerson +
# posixAccount, uidNumber 2001..2003, no certificate); with USERS=N also user00001..userN, each with
# one certificate of its own (serial and subject differ, issuer the test CA; the signatures are not
# valid, slapd does not check them). Listeners ldap://127.0.0.1:PORT and ldaps://127.0.0.1:PORT+1
# with a server certificate from a test CA (DIR/ca.pem). Binds: cn=writer (writes userCertificate
# and description under ou=people), cn=reader (reads), anonymous (reads ou=people); their passwords
# in DIR/writer.pw and DIR/reader.pw (0600, no newline: what `ldapsearch -y` expects). Searches
# answer 500 entries at most, paged searches (RFC 2696) any number: as a real directory, a client
# that wants everything has to page.
#
# DIR/env holds KEY='value' lines (single-quoted as in the shell): LDAP_URL, LDAPS_URL, BASE,
# SUFFIX, WRITER_DN, READER_DN, WRITER_PW_FILE, READER_PW_FILE, CA_FILE, PORT, LDAPS_PORT, PID.
#
# `slapd` (without -d) returns once its daemon has bound the sockets, written the pid file and
# opened the database; the daemon calls listen() only after that, so start then connects to both
# ports until they accept (the first connect nearly always does). No fixed sleep. The CA and server
# keys stay in DIR between runs (made once, about 10 ms with P-256 keys); the rest is made anew.
set -Eeuo pipefail

usage() { echo "usage: $0 start DIR PORT [USERS] | stop DIR" >&2; exit 2; }
[ $# -ge 2 ] || usage
cmd=$1 dir=$2
shift 2
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

SUFFIX='dc=tokendesk,dc=test'
BASE="ou=people,$SUFFIX"
WRITER_DN="cn=writer,$SUFFIX"
READER_DN="cn=reader,$SUFFIX"
MAX_USERS=99999 # user00001..user99999: fixed-width names keep the generated certificates one size

log() { echo "slapd.sh: $*" >&2; }

valid_number() { # valid_number VALUE MIN MAX: digits only, never evaluated as arithmetic first
    [[ $1 =~ ^[0-9]{1,5}$ ]] && [ "$((10#$1))" -ge "$2" ] && [ "$((10#$1))" -le "$3" ]
}

conf_quote() { # a slapd.conf argument: double quotes, with \ and " escaped (slapd.conf's own rule)
    local s=${1//\\/\\\\}
    printf '"%s"' "${s//\"/\\\"}"
}

env_line() { # env_line NAME VALUE: NAME='VALUE', ' written as '\'' (what a shell reads back)
    local q="'\\''"
    printf "%s='%s'\n" "$1" "${2//\'/$q}"
}

our_slapd() { # our_slapd PID: is PID a slapd started with DIR's slapd.conf? (never signal another)
    local pid=$1 args
    [[ $pid =~ ^[0-9]+$ ]] && [ -r "/proc/$pid/cmdline" ] || return 1
    args=$(tr '\0' '\n' <"/proc/$pid/cmdline" 2>/dev/null) || return 1
    [[ $args == *"$dir/slapd.conf"* ]]
}

running() { # running PID: alive and not a zombie
    local stat
    stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
    stat=${stat##*) } # the fields after "(comm)", which may hold spaces
    [ "${stat%% *}" != Z ]
}

stop_slapd() {
    local pid
    [ -f "$dir/slapd.pid" ] || return 0
    pid=$(tr -d '[:space:]' <"$dir/slapd.pid")
    our_slapd "$pid" || return 0
    kill -TERM "$pid" 2>/dev/null || return 0
    # slapd is not our child (it daemonized): no wait(2). It exits about 20 ms after TERM, but
    # whoever adopted it may reap it a second or two later, and `kill -0` succeeds on a zombie:
    # wait for the zombie, not for the pid to vanish.
    for _ in $(seq 250); do
        running "$pid" || return 0
        sleep 0.02
    done
    log "slapd $pid did not stop on TERM in 5 s: KILL"
    kill -KILL "$pid" 2>/dev/null || true
    for _ in $(seq 100); do
        running "$pid" || return 0
        sleep 0.02
    done
}

remove_runtime_files() { # keep the CA and the server key and certificate: they are the cache
    rm -rf "$dir/db"
    rm -f "$dir/slapd.pid" "$dir/slapd.args" "$dir/slapd.log" "$dir/slapd.conf" "$dir/env" "$dir/writer.pw" \
        "$dir/reader.pw" "$dir/base.ldif" "$dir/users.ldif" "$dir/slapadd.log" "$dir/user-template.der" \
        "$dir/user-template.key"
}

make_tls() {
    if [ -s "$dir/ca.pem" ] && [ -s "$dir/ca.key" ] && [ -s "$dir/server.pem" ] && [ -s "$dir/server.key" ] &&
        openssl verify -CAfile "$dir/ca.pem" "$dir/server.pem" >/dev/null 2>&1; then
        return 0
    fi
    rm -f "$dir/ca.pem" "$dir/ca.key" "$dir/server.pem" "$dir/server.key"
    (
        umask 077
        openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -noenc -keyout "$dir/ca.key" \
            -out "$dir/ca.pem" -days 3650 -subj '/O=TokenDesk test/CN=TokenDesk test directory CA' \
            -addext 'basicConstraints=critical,CA:TRUE' -addext 'keyUsage=critical,keyCertSign,cRLSign'
        openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -noenc -keyout "$dir/server.key" \
            -out "$dir/server.pem" -days 3650 -CA "$dir/ca.pem" -CAkey "$dir/ca.key" \
            -subj '/O=TokenDesk test/CN=localhost' -addext 'subjectAltName=IP:127.0.0.1,DNS:localhost' \
            -addext 'basicConstraints=critical,CA:FALSE' -addext 'keyUsage=critical,digitalSignature' \
            -addext 'extendedKeyUsage=serverAuth'
    ) 2>/dev/null || { log "openssl could not make the test CA or the server certificate"; return 1; }
    chmod 0644 "$dir/ca.pem" "$dir/server.pem"
}

make_password() { # make_password FILE: 24 random characters, 0600, no newline
    (umask 077 && openssl rand -base64 18 | tr -d '\n' >"$1")
    chmod 0600 "$1"
}

write_conf() {
    local writer reader people
    writer="dn.exact=$(conf_quote "$WRITER_DN")"
    reader="dn.exact=$(conf_quote "$READER_DN")"
    people="dn.subtree=$(conf_quote "$BASE")"
    cat >"$dir/slapd.conf" <<CONF
# Made by slapd.sh for one test run; remade at every start.
include /etc/ldap/schema/core.schema
include /etc/ldap/schema/cosine.schema
include /etc/ldap/schema/inetorgperson.schema
include /etc/ldap/schema/nis.schema

pidfile $(conf_quote "$dir/slapd.pid")
argsfile $(conf_quote "$dir/slapd.args")
modulepath /usr/lib/ldap
moduleload back_mdb
loglevel none

TLSCACertificateFile $(conf_quote "$dir/ca.pem")
TLSCertificateFile $(conf_quote "$dir/server.pem")
TLSCertificateKeyFile $(conf_quote "$dir/server.key")

database mdb
suffix $(conf_quote "$SUFFIX")
# No rootdn password: nobody binds as the manager; slapadd loads the entries offline.
rootdn $(conf_quote "cn=manager,$SUFFIX")
directory $(conf_quote "$dir/db")
maxsize 1073741824
# entryCSN, modifyTimestamp, modifiersName: kept by slapd on every change (lastmod is on).
lastmod on
index objectClass eq
index uid eq
index userCertificate eq

# 500 entries per plain search (the default); paged searches return everything.
limits anonymous size.soft=500 size.hard=500 size.pr=unlimited size.prtotal=unlimited
limits $writer size.soft=500 size.hard=500 size.pr=unlimited size.prtotal=unlimited
limits $reader size.soft=500 size.hard=500 size.pr=unlimited size.prtotal=unlimited

access to dn.base="" by * read
access to dn.base="cn=Subschema" by * read
access to dn.base=$(conf_quote "$SUFFIX") by * read
access to attrs=userPassword
    by anonymous auth
    by * none
access to $people attrs=userCertificate,description
    by $writer write
    by * read
access to $people
    by * read
access to *
    by $writer read
    by $reader read
    by * none
CONF
}

write_base_ldif() {
    local writer_hash reader_hash
    writer_hash=$(slappasswd -h '{SSHA}' -T "$dir/writer.pw")
    reader_hash=$(slappasswd -h '{SSHA}' -T "$dir/reader.pw")
    {
        cat <<LDIF
dn: $SUFFIX
objectClass: dcObject
objectClass: organization
dc: tokendesk
o: TokenDesk test

dn: $BASE
objectClass: organizationalUnit
ou: people

dn: $WRITER_DN
objectClass: organizationalRole
objectClass: simpleSecurityObject
cn: writer
description: writes userCertificate under ou=people (TokenDesk's pairing store)
userPassword: $writer_hash

dn: $READER_DN
objectClass: organizationalRole
objectClass: simpleSecurityObject
cn: reader
description: reads ou=people (as SSSD does)
userPassword: $reader_hash

LDIF
        local n=2001 name
        for name in alice bob carol; do
            cat <<LDIF
dn: uid=$name,$BASE
objectClass: inetOrgPerson
objectClass: posixAccount
uid: $name
cn: ${name^} Example
sn: Example
givenName: ${name^}
uidNumber: $n
gidNumber: $n
homeDirectory: /home/$name
loginShell: /bin/bash

LDIF
            n=$((n + 1))
        done
    } >"$dir/base.ldif"
}

write_users_ldif() { # write_users_ldif N: user00001..N, one certificate each, from one template
    local count=$1
    # One key and one certificate made by openssl; the others are copies with another serial and
    # CN, written by a few lines of Python (no third-party module): 10,000 users in about 0.1 s.
    (umask 077 && openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -noenc \
        -keyout "$dir/user-template.key" -subj '/O=TokenDesk test/OU=people/CN=user00000' 2>/dev/null |
        openssl x509 -req -CA "$dir/ca.pem" -CAkey "$dir/ca.key" -set_serial 0x1000000000000000 -days 3650 \
            -extfile <(printf 'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=clientAuth\n') \
            -outform DER -out "$dir/user-template.der" 2>/dev/null) ||
        { log "openssl could not make the template user certificate"; return 1; }
    # Debian's python3 first: a python3 shim of a version manager earlier on PATH can take 0.4 s to start.
    local python=/usr/bin/python3
    [ -x "$python" ] || python=python3
    "$python" "$here/slapd_users.py" "$dir/user-template.der" "$count" "$BASE" >"$dir/users.ldif"
}

case $cmd in
start)
    [ $# -ge 1 ] || usage
    port=$1 users=${2:-0}
    valid_number "$port" 1 65534 || { log "PORT must be a number from 1 to 65534 (PORT+1 is LDAPS), not: $(printf %q "$port")"; exit 2; }
    valid_number "$users" 0 "$MAX_USERS" || { log "USERS must be a number from 0 to $MAX_USERS, not: $(printf %q "$users")"; exit 2; }
    port=$((10#$port)) users=$((10#$users))
    (umask 077 && mkdir -p "$dir")
    chmod 0700 "$dir"
    dir=$(cd "$dir" && pwd)
    stop_slapd
    remove_runtime_files
    up=0
    trap '[ $up = 1 ] || { stop_slapd; remove_runtime_files; }' EXIT

    make_tls
    make_password "$dir/writer.pw"
    make_password "$dir/reader.pw"
    write_conf
    write_base_ldif
    mkdir -m 0700 "$dir/db"
    ldifs=("$dir/base.ldif")
    if [ "$users" -gt 0 ]; then
        write_users_ldif "$users"
        ldifs+=("$dir/users.ldif")
    fi
    # Offline load: -q skips the consistency checks of a database that is made anew anyway. slapadd
    # adds entryUUID, entryCSN, createTimestamp, modifyTimestamp, creatorsName and modifiersName.
    if ! cat "${ldifs[@]}" | slapadd -f "$dir/slapd.conf" -q -w 2>"$dir/slapadd.log"; then
        log "slapadd failed:"; cat "$dir/slapadd.log" >&2
        exit 1
    fi
    rm -f "$dir/slapadd.log" "$dir/users.ldif" "$dir/base.ldif" "$dir/user-template.der" "$dir/user-template.key"

    url="ldap://127.0.0.1:$port"
    ldaps_url="ldaps://127.0.0.1:$((port + 1))"
    # No -d: slapd forks, and its parent exits once the child has bound the listeners, written the
    # pid file and opened the database (0) or failed (1). The daemon keeps no pipe of the caller's
    # open (ctest waits for those to close); without -d its errors go to syslog, not to slapd.log,
    # so a failure is explained here: a port taken, or what slaptest says of the configuration.
    if ! slapd -h "$url/ $ldaps_url/" -f "$dir/slapd.conf" </dev/null >"$dir/slapd.log" 2>&1; then
        log "slapd did not start"
        cat "$dir/slapd.log" >&2
        for p in "$port" "$((port + 1))"; do
            if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then log "port $p is in use"; fi
        done
        slaptest -u -f "$dir/slapd.conf" >&2 || true
        exit 1
    fi
    pid=$(tr -d '[:space:]' <"$dir/slapd.pid")
    our_slapd "$pid" || { log "slapd.pid does not name the slapd just started"; exit 1; }
    # The parent returns when the daemon has bound its sockets and opened the database, but the
    # daemon's listener thread calls listen() just after that (strace: write to the parent's pipe,
    # then listen() 20 us to 150 ms later): a connect in between is refused. So wait for both
    # ports to accept, by connecting (bash's /dev/tcp, no process). Nearly always the first try.
    for p in "$port" "$((port + 1))"; do
        tries=0
        until (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; do
            running "$pid" || { log "slapd $pid exited; it said:"; cat "$dir/slapd.log" >&2; exit 1; }
            tries=$((tries + 1))
            [ "$tries" -lt 500 ] || { log "slapd $pid does not accept on port $p after 5 s"; exit 1; }
            sleep 0.01
        done
        [ "${SLAPD_SH_DEBUG:-0}" = 0 ] || log "port $p accepted after $tries refused connects"
    done
    {
        env_line LDAP_URL "$url"
        env_line LDAPS_URL "$ldaps_url"
        env_line BASE "$BASE"
        env_line SUFFIX "$SUFFIX"
        env_line WRITER_DN "$WRITER_DN"
        env_line READER_DN "$READER_DN"
        env_line WRITER_PW_FILE "$dir/writer.pw"
        env_line READER_PW_FILE "$dir/reader.pw"
        env_line CA_FILE "$dir/ca.pem"
        env_line PORT "$port"
        env_line LDAPS_PORT "$((port + 1))"
        env_line PID "$pid"
    } >"$dir/env"
    up=1
    log "slapd $pid up: $url/ and $ldaps_url/, $((3 + users)) users in $BASE"
    ;;
stop)
    [ -d "$dir" ] || exit 0
    dir=$(cd "$dir" && pwd)
    stop_slapd
    remove_runtime_files
    ;;
*) usage ;;
esac
