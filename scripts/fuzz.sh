#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) in a build directory of
# their own and runs each on a copy of its seed corpus (tests/fuzz/corpus/NAME
# for target fuzz_NAME). Fails on any crash, leak, sanitizer report or broken
# invariant; the input that did it is kept in $build/fuzz-artifacts/.
#
# Two ways to run:
#   scripts/fuzz.sh [TARGET...]          random: a new seed each run, FUZZ_SECONDS
#                                        (600 by default) per target. The work before
#                                        a stop: fix what it finds, add the input to
#                                        the corpus and to a unit test.
#   scripts/fuzz.sh --fixed [TARGET...]  what scripts/test.sh (and so CI) runs: the
#                                        corpus replayed, then a fixed seed (FUZZ_SEED,
#                                        1 by default) and a fixed number of runs per
#                                        target (about a minute of CPU here; one target per
#                                        CPU at a time, FUZZ_JOBS), so that the same
#                                        tree always fuzzes the same inputs and gets
#                                        the same verdict.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${TOKENDESK_FUZZ_BUILD_DIR:-$root/build-fuzz}

fixed=0
if [ "${1:-}" = "--fixed" ]; then
    fixed=1
    shift
fi
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(fuzz_atr fuzz_cert fuzz_pairing fuzz_pkcs12 fuzz_drivers)
fi

# Runs per target in --fixed mode: about 60 s each on the 2-core CI machine under ASan.
declare -A fixed_runs=([fuzz_atr]=500000 [fuzz_cert]=60000 [fuzz_pairing]=150000 [fuzz_pkcs12]=350000 [fuzz_drivers]=1000000)
# Longest input per target: 512 bytes unless said here. A PKCS#12 seed (key, certificate, MAC) is
# 600 to 1500 bytes, and cut to 512 it would be a truncated file and nothing more; a driver's
# Info.plist seed up to 1.2 kB.
declare -A max_len=([fuzz_pkcs12]=4096 [fuzz_drivers]=2048)

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
# One target, both ways; its exit status says whether it found anything.
fuzz_one() {
    local target=$1 status=0 corpus runs seed seconds args
    corpus="$root/tests/fuzz/corpus/${target#fuzz_}"
    mkdir -p "$work/$target/corpus" "$work/$target/artifacts"
    cp -r "$corpus/." "$work/$target/corpus/"
    # Common to both ways. -reload=0: nothing but this process writes the corpus folder.
    args=(-max_len="${max_len[$target]:-512}" -timeout=10 -reload=0 -artifact_prefix="$work/$target/artifacts/" -print_final_stats=1)
    if [ $fixed -eq 1 ]; then
        runs=${fixed_runs[$target]:?"fuzz.sh: no fixed run count for $target"}
        seed=${FUZZ_SEED:-1}
        echo "== $target: seed $seed, $runs runs after the $(ls "$corpus" | wc -l) seed(s)"
        # The same seed gives the same inputs only if the target behaves the same: Qt seeds QHash
        # per process (QT_HASH_SEED=0), and libFuzzer feeds compared values, heap addresses among
        # them, back into its mutations (setarch -R: no address randomization).
        if ! QT_HASH_SEED=0 setarch "$(uname -m)" -R "$build/tests/fuzz/$target" -seed="$seed" -runs="$runs" \
            "${args[@]}" "$work/$target/corpus"; then
            status=1
        fi
        # Two runs of the same tree can be compared by this line: the corpus' file names are
        # the SHA-1s of the inputs libFuzzer kept.
        echo "== $target: corpus after the run: $(ls "$work/$target/corpus" | wc -l) inputs," \
            "digest $(ls "$work/$target/corpus" | sort | sha256sum | cut -c1-16)"
    else
        seconds=${FUZZ_SECONDS:-600}
        echo "== $target: ${seconds}s from $(ls "$corpus" | wc -l) seed(s), random seed"
        if ! "$build/tests/fuzz/$target" -max_total_time="$seconds" "${args[@]}" "$work/$target/corpus"; then
            status=1
        fi
    fi
    if [ -n "$(ls -A "$work/$target/artifacts")" ]; then
        cp -r "$work/$target/artifacts/." "$build/fuzz-artifacts/"
        echo "fuzz.sh: $target failed; inputs kept in $build/fuzz-artifacts/" >&2
        status=1
    fi
    return $status
}

status=0
if [ $fixed -eq 1 ]; then
    # Fixed runs are CPU-bound and independent of each other: one per CPU at a time (FUZZ_JOBS),
    # each target's output kept together and printed in the targets' order, so that two runs of
    # the same tree print the same lines.
    max_jobs=${FUZZ_JOBS:-$(nproc)}
    for i in "${!targets[@]}"; do
        while [ "$(jobs -rp | wc -l)" -ge "$max_jobs" ]; do
            wait -n || true
        done
        (
            rc=0
            fuzz_one "${targets[$i]}" || rc=$?
            echo $rc >"$work/status.$i"
        ) >"$work/log.$i" 2>&1 &
    done
    wait
    for i in "${!targets[@]}"; do
        cat "$work/log.$i"
        [ "$(cat "$work/status.$i" 2>/dev/null)" = 0 ] || status=1
    done
else
    for target in "${targets[@]}"; do
        fuzz_one "$target" || status=1
    done
fi
exit $status
