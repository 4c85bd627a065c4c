#!/usr/bin/env bash
# The demo environment: a private pcscd with two virtual readers, the simulated
# PIV card in the first one and a SoftHSM2 virtual token, then TokenDesk.
# Everything it starts is stopped by pid when TokenDesk exits. Where mount namespaces are
# refused, tests/harness/testbench.sh runs pcscd without one (still on a socket of its own) and
# refuses, in one sentence, to start beside a pcscd on the standard socket (docs/TESTING.md).
#
#   scripts/demo.sh BUILD_DIR [TOKENDESK ARGS...]
#
# The demo card keeps its state (PIN changes, keys) in .demo/ between runs.
# Demo card: PIN 123456, PUK 12345678. Demo token: user PIN 123456, SO PIN 12345678.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:?usage: demo.sh BUILD_DIR [ARGS...]}" && pwd)
shift
bin="$build/app/tokendesk"
simcard="$build/tests/simcard/tokendesk-simcard"
[ -x "$simcard" ] || { echo "demo: $simcard is missing (build with TOKENDESK_BUILD_TESTS=ON)" >&2; exit 1; }

demo="$root/.demo"
bench="$demo/bench"
port=${TOKENDESK_DEMO_PORT:-29990}
mkdir -p "$demo"
chmod 700 "$demo"

cleanup() {
    [ -f "$bench/simcard.pid" ] && kill -TERM "$(cat "$bench/simcard.pid")" 2>/dev/null || true
    TESTBENCH_SECRETS=0 "$root/tests/harness/testbench.sh" stop "$bench"
}
trap cleanup EXIT INT TERM

TESTBENCH_SECRETS=0 "$root/tests/harness/testbench.sh" start "$bench" "$port"
# shellcheck disable=SC1091
. "$bench/env"

"$simcard" --port "$port" --state "$demo/card.state" --info "$bench/card.json" \
    --subject "CN=Demo User,O=TokenDesk Demo" >"$bench/simcard.log" 2>&1 &
echo $! >"$bench/simcard.pid"

# The demo virtual token lives in .demo/tokens and survives between runs.
mkdir -p "$demo/tokens"
cat >"$demo/softhsm2.conf" <<CONF
directories.tokendir = $demo/tokens
objectstore.backend = file
log.level = ERROR
CONF
export SOFTHSM2_CONF="$demo/softhsm2.conf"
# (Output read whole, never piped into grep -q: under pipefail its early exit fails the pipe.)
slots=$(softhsm2-util --show-slots 2>/dev/null || true)
if ! grep -q 'Label: *TokenDesk Demo' <<<"$slots"; then
    # softhsm2-util reads PINs only from a terminal: give it one, so that no PIN
    # (not even a demo one) is put on a command line.
    { sleep 0.5; printf '12345678\n'; sleep 0.3; printf '12345678\n'; sleep 0.3; printf '123456\n'; sleep 0.3
      printf '123456\n'; sleep 0.5; } |
        script -qec "softhsm2-util --init-token --free --label 'TokenDesk Demo'" /dev/null >/dev/null ||
        echo "demo: could not create the demo virtual token" >&2
fi
export TOKENDESK_MODULES=/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so

# Wait until pcscd sees the card, so the window opens with it.
for _ in $(seq 50); do
    report=$("$bin" report --json 2>/dev/null || true)
    grep -q '"card_present": true' <<<"$report" && break
    sleep 0.1
done
"$bin" "$@"
