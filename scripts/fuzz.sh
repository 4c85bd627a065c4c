#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) in a build directory of
# their own and runs each for FUZZ_SECONDS (60 by default) on a copy of its seed
# corpus (tests/fuzz/corpus/NAME for target fuzz_NAME). Fails on any crash, leak,
# sanitizer report or broken invariant; the input that did it is kept in
# $build/fuzz-artifacts/.
#
#   scripts/fuzz.sh [TARGET...]        e.g. FUZZ_SECONDS=600 scripts/fuzz.sh fuzz_atr
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${TOKENDESK_FUZZ_BUILD_DIR:-$root/build-fuzz}
seconds=${FUZZ_SECONDS:-60}
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(fuzz_atr fuzz_cert)
fi

# Qt on Debian is built with GCC; clang-built code links against it fine (same libstdc++).
CC=clang CXX=clang++ cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DTOKENDESK_FUZZ=ON -DTOKENDESK_WERROR=ON >/dev/null
if ! grep -q '^CMAKE_CXX_COMPILER:.*clang' "$build/CMakeCache.txt"; then
    echo "fuzz.sh: $build was configured with another compiler; remove it or set TOKENDESK_FUZZ_BUILD_DIR" >&2
    exit 2
fi
cmake --build "$build" --target "${targets[@]}"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$build/fuzz-artifacts"
status=0
for target in "${targets[@]}"; do
    corpus="$root/tests/fuzz/corpus/${target#fuzz_}"
    mkdir -p "$work/$target/corpus" "$work/$target/artifacts"
    cp -r "$corpus/." "$work/$target/corpus/"
    echo "== $target: ${seconds}s from $(ls "$corpus" | wc -l) seed(s)"
    if ! "$build/tests/fuzz/$target" -max_total_time="$seconds" -max_len=512 -timeout=10 \
        -artifact_prefix="$work/$target/artifacts/" -print_final_stats=1 "$work/$target/corpus"; then
        cp -r "$work/$target/artifacts/." "$build/fuzz-artifacts/" || true
        echo "fuzz.sh: $target failed; inputs kept in $build/fuzz-artifacts/" >&2
        status=1
    fi
done
exit $status
