#!/usr/bin/env bash
# Builds the Debian package as a release would and checks it (CI runs it after the tests: .ci/run):
#
# 1. an optimized build of the program alone (no tests, no sanitizers: an ASan build would pull
#    libasan into Depends) in build-package/, and `cpack -G DEB` there;
# 2. the package holds the Runtime component's files and nothing else (no test, simulator or bench
#    binary);
# 3. its Depends against ldd: every library the binary links directly (NEEDED) is in a package
#    named in Depends, and every library ldd resolves is in a package that Depends pulls in (the
#    closure of Depends over the installed packages' own Depends); the middleware is there too;
# 4. apt resolves it on a Debian 12 with nothing installed (apt-get -s with an empty dpkg status:
#    every dependency exists in the archive, nothing is downloaded or changed);
# 5. `dpkg -x` into a temporary root and `tokendesk report --json` from there, without
#    LD_LIBRARY_PATH: with no pcscd (exit 1, error code SCARD_E_NO_SERVICE, the rest of the
#    report there) and inside a private test bench (pcscd with two vpcd readers: exit 0, both
#    readers listed);
# 6. where mounts are allowed, a real `apt-get install ./tokendesk_*.deb` into a throw-away
#    overlay of this system's root in a mount namespace of its own (no package sources, so nothing
#    is downloaded; the overlay goes with the namespace), and `tokendesk report --json` from /usr/bin there;
#    where they are refused, `apt-get install -s` of it on this system (same: no sources). The
#    host is checked to have no tokendesk package afterwards.
#
#   scripts/package-check.sh [--build-only]
#                                     --build-only: step 1 alone (CI runs it beside the tests at
#                                     idle priority, then this script again, which finds the build
#                                     up to date).
#                                     TOKENDESK_PACKAGE_BUILD_DIR (default build-package/),
#                                     PACKAGE_CHECK_VPCD_PORT (default 30040: the bench's readers),
#                                     PACKAGE_CHECK_KEEP=1 keeps the temporary folder (logs, reports)
set -euo pipefail
build_only=0
if [ "${1:-}" = "--build-only" ]; then
    build_only=1
fi
root=$(cd "$(dirname "$0")/.." && pwd)
build=${TOKENDESK_PACKAGE_BUILD_DIR:-$root/build-package}
port=${PACKAGE_CHECK_VPCD_PORT:-30040}
app_id=org.tokendesk.TokenDesk
middleware=(pcscd opensc-pkcs11 softhsm2 p11-kit)

step() { echo "package-check: $*"; }
fail() {
    echo "package-check: FAIL: $*" >&2
    exit 1
}
started=$SECONDS

tmp=$(mktemp -d "${TMPDIR:-/tmp}/package-check.XXXXXX")
bench=$tmp/bench
cleanup() {
    [ ! -d "$bench" ] || "$root/tests/harness/testbench.sh" stop "$bench" || true
    if [ "${PACKAGE_CHECK_KEEP:-0}" = 1 ]; then
        rm -rf "$tmp/overlay" "$tmp/root"
        echo "package-check: kept $tmp"
    else
        rm -rf "$tmp"
    fi
}
trap cleanup EXIT

# 1. Build and package.
launcher=()
if command -v ccache >/dev/null; then
    launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
fi
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DTOKENDESK_BUILD_TESTS=OFF \
    -DTOKENDESK_WERROR=ON -DTOKENDESK_SANITIZE=OFF "${launcher[@]}" >/dev/null
cmake --build "$build"
if [ "$build_only" = 1 ]; then
    step "built in $((SECONDS - started)) s"
    exit 0
fi
rm -f "$build"/tokendesk_*.deb
(cd "$build" && cpack -G DEB >"$tmp/cpack.log" 2>&1) || {
    cat "$tmp/cpack.log" >&2
    fail "cpack -G DEB"
}
debs=("$build"/tokendesk_*.deb)
if [ ${#debs[@]} -ne 1 ] || [ ! -f "${debs[0]}" ]; then
    fail "cpack made no single tokendesk_*.deb: ${debs[*]}"
fi
deb=${debs[0]}
step "built $(basename "$deb") ($(du -k "$deb" | cut -f1) KiB) in $((SECONDS - started)) s"
dpkg-deb -f "$deb" | sed 's/^/    /'

# 2. The files: the Runtime component, nothing else.
{
    echo usr/bin/tokendesk
    echo usr/libexec/tokendesk/tokendesk-accounts
    echo usr/libexec/tokendesk/tokendesk-module-host
    echo usr/libexec/tokendesk/tokendesk-window
    echo usr/share/applications/$app_id.desktop
    echo usr/share/metainfo/$app_id.metainfo.xml
    echo usr/share/icons/hicolor/scalable/apps/$app_id.svg
    for size in 16 24 32 48 64 128 256; do echo "usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png"; done
} | sort >"$tmp/expected"
dpkg-deb -c "$deb" | awk '$1 !~ /^d/ {sub(/^\.\//, "", $6); print $6}' | sort >"$tmp/packaged"
diff -u "$tmp/expected" "$tmp/packaged" >&2 || fail "the package's files differ from the Runtime component's (- expected, + packaged)"
step "files: $(wc -l <"$tmp/packaged"), the Runtime component's"

# 3. Depends against ldd.
extracted=$tmp/root
dpkg-deb -x "$deb" "$extracted"
depends=$(dpkg-deb -f "$deb" Depends)
step "Depends: $depends"
# Package names only: versions, architecture qualifiers and alternatives dropped.
names_of() { sed -E 's/[,|]/\n/g' | sed -E 's/\(.*\)//; s/:[a-z0-9]+//; s/[[:space:]]//g' | sed '/^$/d' | sort -u; }
names_of <<<"$depends" >"$tmp/depends"
for m in "${middleware[@]}"; do
    grep -qx "$m" "$tmp/depends" || fail "Depends lacks $m"
done

# The package owning a file, by its path as ldd gives it (usr-merged or not) or the file it links to.
owner() {
    local p=$1 candidate out
    for candidate in "$p" "${p#/usr}" "/usr$p" "$(readlink -f "$p")" "$(readlink -f "$p" | sed 's|^/usr||')"; do
        if out=$(dpkg-query -S "$candidate" 2>/dev/null); then
            sed -E 's/: .*//; s/, /\n/g' <<<"$out" | sed -E 's/:[a-z0-9]+$//' | head -n 1
            return 0
        fi
    done
    return 1
}
binary=$extracted/usr/bin/tokendesk
for program in "$binary" "$extracted/usr/libexec/tokendesk/tokendesk-window" \
    "$extracted/usr/libexec/tokendesk/tokendesk-accounts" "$extracted/usr/libexec/tokendesk/tokendesk-module-host"; do
    ldd "$program" >"$tmp/ldd" || fail "ldd $program"
    cat "$tmp/ldd" >>"$tmp/ldd-all"
    ! grep -q 'not found' "$tmp/ldd" || fail "libraries not found: $(grep 'not found' "$tmp/ldd")"
    objdump -p "$program" | awk '$1 == "NEEDED" {print $2}' >"$tmp/needed.one"
    cat "$tmp/needed.one" >>"$tmp/needed"
    while read -r soname; do
        # "libfoo.so.1 => /path (0x...)", or the dynamic loader as "/lib64/ld-linux-x86-64.so.2 (0x...)".
        path=$(awk -v s="$soname" '($1 == s && $2 == "=>") {print $3; exit}
            ($1 ~ "/" && substr($1, length($1) - length(s)) == "/" s) {print $1; exit}' "$tmp/ldd")
        [ -n "$path" ] || fail "ldd does not resolve $soname"
        pkg=$(owner "$path") || fail "no package owns $path ($soname)"
        grep -qx "$pkg" "$tmp/depends" || fail "$soname ($path) is in $pkg, which Depends does not name"
        echo "$soname $pkg" >>"$tmp/needed-packages"
    done <"$tmp/needed.one"
done
sort -u -o "$tmp/needed" "$tmp/needed"
sort -u -o "$tmp/needed-packages" "$tmp/needed-packages"
step "NEEDED: $(wc -l <"$tmp/needed") libraries, each in a package Depends names ($(cut -d' ' -f2 "$tmp/needed-packages" | sort -u | tr '\n' ' '))"

# The closure of Depends over what dpkg has installed: Depends and Pre-Depends, alternatives and
# virtual packages (Provides) followed.
dpkg-query -W -f='${db:Status-Abbrev}\t${Package}\t${Depends}, ${Pre-Depends}\t${Provides}\n' |
    awk -F'\t' '$1 ~ /^ii/' >"$tmp/installed"
declare -A pkg_depends=() providers=() closure=()
while IFS=$'\t' read -r _ pkg deps provides; do
    pkg_depends[$pkg]=$deps
    for v in $(names_of <<<"$provides"); do providers[$v]+=" $pkg"; done
done <"$tmp/installed"
mapfile -t queue <"$tmp/depends"
while [ ${#queue[@]} -gt 0 ]; do
    p=${queue[0]}
    queue=("${queue[@]:1}")
    [ -z "${closure[$p]:-}" ] || continue
    if [ -n "${pkg_depends[$p]+set}" ]; then
        closure[$p]=1
        mapfile -t -O ${#queue[@]} queue < <(names_of <<<"${pkg_depends[$p]}")
    elif [ -n "${providers[$p]:-}" ]; then
        closure[$p]=virtual
        read -r -a more <<<"${providers[$p]}"
        queue+=("${more[@]}")
    fi
done
checked=0
while read -r path; do
    pkg=$(owner "$path") || fail "no package owns $path"
    [ -n "${closure[$pkg]:-}" ] || fail "$path is in $pkg, which Depends does not pull in"
    checked=$((checked + 1))
done < <(awk '$2 == "=>" {print $3} $1 ~ /^\// {print $1}' "$tmp/ldd-all" | sort -u)
step "ldd: $checked libraries, each in a package Depends pulls in (closure: ${#closure[@]} packages)"

# 4. apt on a Debian 12 with nothing installed: a dpkg status file of its own, simulation only.
: >"$tmp/empty-status"
if apt-get install -s --no-install-recommends -o Dir::State::status="$tmp/empty-status" "$deb" >"$tmp/apt-sim.log" 2>&1; then
    grep -q '^Inst tokendesk ' "$tmp/apt-sim.log" || fail "apt-get -s does not install tokendesk: $(tail -n 5 "$tmp/apt-sim.log")"
    step "apt-get -s on an empty system: $(grep -c '^Inst ' "$tmp/apt-sim.log") packages to install, tokendesk among them"
else
    cat "$tmp/apt-sim.log" >&2
    fail "apt cannot resolve the package's dependencies on an empty Debian 12 (apt-get update first?)"
fi

# 5. The extracted program, without LD_LIBRARY_PATH, in an empty home.
mkdir -p "$tmp/home"
rc=0
env -i PATH=/usr/bin:/bin HOME="$tmp/home" LANG=C.UTF-8 PCSCLITE_CSOCK_NAME="$tmp/no-pcscd.comm" \
    "$binary" report --json >"$tmp/report-no-service.json" 2>"$tmp/report-no-service.err" || rc=$?
jq -e . "$tmp/report-no-service.json" >/dev/null || fail "report --json without pcscd is not JSON: $(head -c 300 "$tmp/report-no-service.json")"
if [ "$rc" != 1 ] || ! jq -e '.error.code == "SCARD_E_NO_SERVICE" and (.modules | type == "array") and
        (.readers | type == "array")' "$tmp/report-no-service.json" >/dev/null; then
    fail "report --json without pcscd: exit $rc, $(jq -c .error "$tmp/report-no-service.json")"
fi
step "report --json without pcscd: exit 1, SCARD_E_NO_SERVICE, $(jq '.modules | length' "$tmp/report-no-service.json") modules"

# The bench's pcscd, vpcd readers, OPENSC_CONF and SOFTHSM2_CONF (no keyring: TESTBENCH_SECRETS=0).
TESTBENCH_SECRETS=0 "$root/tests/harness/testbench.sh" start "$bench" "$port" >/dev/null
rc=0
"$root/tests/harness/testbench.sh" exec "$bench" env -u LD_LIBRARY_PATH HOME="$tmp/home" \
    "$binary" report --json >"$tmp/report-bench.json" 2>"$tmp/report-bench.err" || rc=$?
"$root/tests/harness/testbench.sh" stop "$bench"
jq -e . "$tmp/report-bench.json" >/dev/null || fail "report --json in the bench is not JSON"
[ "$rc" = 0 ] || fail "report --json in the bench: exit $rc: $(cat "$tmp/report-bench.err")"
readers=$(jq -r '[.readers[].name] | join(", ")' "$tmp/report-bench.json")
[ "$(jq '.readers | length' "$tmp/report-bench.json")" = 2 ] || fail "report --json in the bench lists readers: $readers"
step "report --json with pcscd (private bench): exit 0, readers: $readers"

# 6. A real apt-get install, in a throw-away overlay of / (mount namespace of its own).
overlay=$tmp/overlay
mkdir -p "$overlay/upper" "$overlay/work" "$overlay/root"
if unshare -m --propagation private true 2>/dev/null &&
    unshare -m --propagation private mount -t overlay overlay \
        -o "lowerdir=/,upperdir=$overlay/upper,workdir=$overlay/work" "$overlay/root" 2>/dev/null; then
    rm -rf "$overlay/upper" "$overlay/work"
    mkdir -p "$overlay/upper" "$overlay/work"
    unshare -m --propagation private bash -euo pipefail -s "$overlay" "$deb" >"$tmp/install.log" 2>&1 <<'INSTALL' ||
overlay=$1 deb=$2
mount -t overlay overlay -o "lowerdir=/,upperdir=$overlay/upper,workdir=$overlay/work" "$overlay/root"
mount --rbind /dev "$overlay/root/dev"
mount --rbind /proc "$overlay/root/proc"
mkdir -p "$overlay/root/tmp/tokendesk-package" "$overlay/root/tmp/tokendesk-home"
cp "$deb" "$overlay/root/tmp/tokendesk-package/"
in_root() { chroot "$overlay/root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/tmp/tokendesk-home LANG=C.UTF-8 "$@"; }
# No package sources: apt can only take what is installed and the .deb, so nothing is downloaded.
# (apt 2.6's --no-download refuses a local .deb.)
mkdir -p "$overlay/root/tmp/tokendesk-no-sources"
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
    -o Dir::Etc::SourceList=/dev/null -o Dir::Etc::SourceParts=/tmp/tokendesk-no-sources \
    "/tmp/tokendesk-package/$(basename "$deb")"
in_root dpkg-query -W -f='installed: ${Package} ${Version} ${db:Status-Abbrev}\n' tokendesk
rc=0
in_root env PCSCLITE_CSOCK_NAME=/tmp/no-pcscd.comm /usr/bin/tokendesk report --json >"$overlay/report.json" || rc=$?
echo "report exit: $rc"
INSTALL
        {
            cat "$tmp/install.log" >&2
            fail "apt-get install ./$(basename "$deb") in the overlay"
        }
    grep -q '^installed: tokendesk .* ii' "$tmp/install.log" || fail "tokendesk is not installed in the overlay: $(tail -n 5 "$tmp/install.log")"
    if ! grep -q '^report exit: 1$' "$tmp/install.log" ||
        ! jq -e '.error.code == "SCARD_E_NO_SERVICE"' "$overlay/report.json" >/dev/null; then
        fail "/usr/bin/tokendesk report --json in the overlay: $(tail -n 1 "$tmp/install.log")"
    fi
    step "apt-get install ./$(basename "$deb") in a throw-away overlay: installed, /usr/bin/tokendesk report --json runs"
else
    # No throw-away root to install into. apt's simulation of the same install on this system (no
    # package sources either: what is installed and the .deb) still proves that what is installed
    # satisfies it, and changes nothing; the program itself ran from the .deb's files in step 5.
    mkdir -p "$tmp/no-sources"
    rc=0
    apt-get install -s --no-install-recommends -o Dir::Etc::SourceList=/dev/null \
        -o Dir::Etc::SourceParts="$tmp/no-sources" "$deb" >"$tmp/simulate.log" 2>&1 || rc=$?
    { [ "$rc" = 0 ] && grep -q '^Inst tokendesk ' "$tmp/simulate.log"; } || {
        cat "$tmp/simulate.log" >&2
        fail "apt-get install -s ./$(basename "$deb") on this system: exit $rc"
    }
    step "apt-get install ./$(basename "$deb"): simulated on this system ($(grep -c '^Inst ' "$tmp/simulate.log") to install, no sources): no mount namespace or overlayfs here for a real install in an overlay"
fi
! dpkg-query -W tokendesk >/dev/null 2>&1 || fail "the host has a tokendesk package now"

step "PASS in $((SECONDS - started)) s"
