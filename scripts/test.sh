#!/usr/bin/env bash
# Sets up everything and runs the whole test suite (all labels but `bench`):
# Debian packages, a build with warnings as errors and ASan+UBSan, then CTest,
# whose fixture starts the test bench (private pcscd, vpcd readers, simulated
# cards, SoftHSM2, D-Bus with gnome-keyring) and stops it by pid at the end.
# Then the fuzzers replay their corpus and run a fixed seed for a fixed number of
# runs (about a minute each) in a clang build of their own: same tree, same inputs.
#
#   scripts/test.sh [CTEST ARGS...]     e.g. scripts/test.sh -L integration
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${TOKENDESK_TEST_BUILD_DIR:-$root/build-test}

"$root/scripts/deps.sh"
# Formatting is part of the build: a C++ file that clang-format (.clang-format) would change fails.
(cd "$root" && git ls-files -z -- '*.cpp' '*.h' | xargs -0 clang-format --dry-run -Werror) ||
    { echo "test.sh: run clang-format -i on the files above" >&2; exit 1; }
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug \
    -DTOKENDESK_WERROR=ON -DTOKENDESK_SANITIZE=ON >/dev/null
cmake --build "$build"
(cd "$build" && ctest --output-on-failure --label-exclude bench --parallel "$(nproc)" "$@")
# A run narrowed to some tests (arguments given) skips the fuzzers. A fixed seed and run count,
# so that the verdict depends on the tree, not on luck; random fuzzing is scripts/fuzz.sh's own.
if [ $# -eq 0 ]; then
    "$root/scripts/fuzz.sh" --fixed
fi
