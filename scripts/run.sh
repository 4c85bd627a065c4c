#!/usr/bin/env bash
# Sets up, builds and starts TokenDesk. When no real reader is attached, it
# brings up the demo (scripts/demo.sh): a private pcscd with virtual readers,
# the simulated PIV card and a demo virtual token, stopped when TokenDesk exits.
#
#   scripts/run.sh [TOKENDESK ARGS...]     TOKENDESK_DEMO=1 forces the demo, 0 forbids it
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${TOKENDESK_BUILD_DIR:-$root/build}

"$root/scripts/deps.sh"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build"
bin="$build/app/tokendesk"

# A real reader: one the system's pcscd lists that is not a vpcd virtual reader.
has_real_reader() {
    "$bin" report --json 2>/dev/null | grep '"name"' | grep -vq 'Virtual PCD'
}

case ${TOKENDESK_DEMO:-auto} in
1) exec "$root/scripts/demo.sh" "$build" "$@" ;;
0) exec "$bin" "$@" ;;
*)
    if has_real_reader; then
        exec "$bin" "$@"
    fi
    echo "run: no smart card reader attached; starting the demo card and virtual token" >&2
    exec "$root/scripts/demo.sh" "$build" "$@"
    ;;
esac
