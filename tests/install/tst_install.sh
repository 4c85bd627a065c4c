#!/usr/bin/env bash
# `cmake --install` into a temporary prefix, then what a desktop makes of it: exactly the files of
# the Runtime component (the program, desktop file, metainfo, icons: no test, simulator or bench
# binary), the desktop file and the AppStream metainfo through their real validators
# (desktop-file-validate, appstreamcli validate and validate-tree, warnings included), the icon at
# every hicolor size, the metainfo's newest release = the project's version, and `xdg-mime query
# default` naming TokenDesk's desktop file for .p12 and certificate types once
# update-desktop-database has indexed the temporary data folder (XDG_DATA_DIRS, with XDG_DATA_HOME
# and the configuration folders empty and temporary too: nothing of the user's counts).
#
#   tst_install.sh BUILD_DIR VERSION
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: $0 BUILD_DIR VERSION" >&2; exit 2; }
build=$1
version=$2
app_id=org.tokendesk.TokenDesk
sizes=(16 24 32 48 64 128 256)
mime_types=(application/x-pkcs12 application/pkcs12 application/pkix-cert application/x-x509-ca-cert)

fail() { echo "FAIL: $*" >&2; exit 1; }
for tool in cmake desktop-file-validate appstreamcli update-desktop-database xdg-mime; do
    command -v "$tool" >/dev/null || fail "$tool is missing (scripts/deps.sh installs it)"
done
tmp=$(mktemp -d "${TMPDIR:-/tmp}/tst_install.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
prefix=$tmp/prefix

# Every component: whatever the tests or the simulator might install would show below.
cmake --install "$build" --prefix "$prefix" >"$tmp/install.log" 2>&1 || { cat "$tmp/install.log" >&2; fail "cmake --install"; }
{
    echo bin/tokendesk
    echo libexec/tokendesk/tokendesk-accounts
    echo libexec/tokendesk/tokendesk-module-host
    echo libexec/tokendesk/tokendesk-window
    echo share/applications/$app_id.desktop
    echo share/metainfo/$app_id.metainfo.xml
    echo share/icons/hicolor/scalable/apps/$app_id.svg
    for size in "${sizes[@]}"; do echo "share/icons/hicolor/${size}x${size}/apps/$app_id.png"; done
} | sort >"$tmp/expected"
(cd "$prefix" && find . -type f -printf '%P\n' | sort) >"$tmp/installed"
diff -u "$tmp/expected" "$tmp/installed" >&2 || fail "installed files differ from the Runtime component's (- expected, + installed)"
[ -x "$prefix/bin/tokendesk" ] || fail "bin/tokendesk is not executable"
[ -x "$prefix/libexec/tokendesk/tokendesk-window" ] || fail "libexec/tokendesk/tokendesk-window is not executable"
# The installed `tokendesk` finds its window in libexec: the window's own --help answers.
out=$("$prefix/bin/tokendesk" -platform offscreen --help 2>&1) || fail "installed tokendesk -platform offscreen --help: $out"
grep -q -- '--module' <<<"$out" || fail "the window's help was not shown: $out"
echo "bin/tokendesk execs libexec/tokendesk/tokendesk-window"
# And the pairing commands' program: `pairings --help` answers from libexec/tokendesk-accounts.
[ -x "$prefix/libexec/tokendesk/tokendesk-accounts" ] || fail "libexec/tokendesk/tokendesk-accounts is not executable"
out=$("$prefix/bin/tokendesk" pairings --help 2>&1) || fail "installed tokendesk pairings --help: $out"
grep -q -- '--store' <<<"$out" || fail "pairings' help was not shown: $out"
echo "bin/tokendesk execs libexec/tokendesk/tokendesk-accounts"
# And isolates a module in the installed libexec/tokendesk/tokendesk-module-host (not the build's).
opensc=$(find /usr/lib /usr/lib64 -name opensc-pkcs11.so -path '*-linux-gnu/*' 2>/dev/null | head -n 1)
[ -n "$opensc" ] || opensc=/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so
# (Its exit status says whether pcscd answered, which is not the point here.)
out=$(env -u TOKENDESK_MODULE_HOST -u TOKENDESK_ISOLATE TOKENDESK_MODULES= \
    "$prefix/bin/tokendesk" report --json --no-registered --module "$opensc" 2>/dev/null) || true
isolated=$(jq -r --arg p "$(readlink -f "$opensc")" '.modules[] | select(.path == $p) | "\(.isolated) \(.error)"' <<<"$out")
[ "$isolated" = "true null" ] || fail "OpenSC not isolated by the installed module host: $isolated"
echo "bin/tokendesk isolates OpenSC in libexec/tokendesk/tokendesk-module-host"
echo "installed: $(wc -l <"$tmp/installed") files"

desktop=$prefix/share/applications/$app_id.desktop
out=$(desktop-file-validate "$desktop" 2>&1) || fail "desktop-file-validate: $out"
[ -z "$out" ] || fail "desktop-file-validate has remarks: $out"
echo "desktop-file-validate: no remarks"
grep -qx "MimeType=application/x-pkcs12;application/pkcs12;application/pkix-cert;application/x-x509-ca-cert;" "$desktop" ||
    fail "the desktop file's MimeType is not the .p12 and certificate types"
grep -qx "Exec=tokendesk %f" "$desktop" || fail "Exec does not hand the file over (%f)"

metainfo=$prefix/share/metainfo/$app_id.metainfo.xml
out=$(appstreamcli validate --no-net --no-color "$metainfo" 2>&1) || fail "appstreamcli validate: $out"
! grep -qE '^[EW]:' <<<"$out" || fail "appstreamcli validate has errors or warnings: $out"
echo "appstreamcli validate: $(tail -n 1 <<<"$out")"
out=$(appstreamcli validate-tree --no-net --no-color "$prefix" 2>&1) || fail "appstreamcli validate-tree: $out"
! grep -qE '^[EW]:' <<<"$out" || fail "appstreamcli validate-tree has errors or warnings: $out"
echo "appstreamcli validate-tree: $(tail -n 1 <<<"$out")"
newest=$(grep -o '<release version="[^"]*"' "$metainfo" | head -n 1 | cut -d '"' -f 2)
[ "$newest" = "$version" ] || fail "the metainfo's newest release is '$newest', the project's version $version"
! grep -q '@[A-Z_]*@' "$metainfo" || fail "the metainfo has an unconfigured @VARIABLE@"

# Icons: the SVG, and each PNG a PNG of its size (the IHDR's width and height, big-endian).
grep -q '<svg' "$prefix/share/icons/hicolor/scalable/apps/$app_id.svg" || fail "the scalable icon is no SVG"
for size in "${sizes[@]}"; do
    png=$prefix/share/icons/hicolor/${size}x${size}/apps/$app_id.png
    [ "$(head -c 8 "$png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] || fail "$png is no PNG"
    read -r w0 w1 w2 w3 h0 h1 h2 h3 < <(od -An -tu1 -j16 -N8 "$png")
    width=$(((w0 << 24) | (w1 << 16) | (w2 << 8) | w3))
    height=$(((h0 << 24) | (h1 << 16) | (h2 << 8) | h3))
    if [ "$width" != "$size" ] || [ "$height" != "$size" ]; then fail "$png is ${width}x$height"; fi
done
echo "icons: scalable and ${sizes[*]} px"

# The default application, as a desktop without a desktop environment's own tool finds it
# (xdg-mime's generic path: mimeapps.list files, then mimeinfo.cache in XDG_DATA_DIRS).
mkdir -p "$tmp/home" "$tmp/data-home" "$tmp/config" "$tmp/config-dirs"
update-desktop-database "$prefix/share/applications"
for mime in "${mime_types[@]}"; do
    grep -q "^$mime=.*$app_id.desktop" "$prefix/share/applications/mimeinfo.cache" ||
        fail "update-desktop-database did not index $mime"
    got=$(env -u KDE_FULL_SESSION -u GNOME_DESKTOP_SESSION_ID -u MATE_DESKTOP_SESSION_ID -u DESKTOP_SESSION \
        -u XDG_MENU_PREFIX HOME="$tmp/home" XDG_CURRENT_DESKTOP=X-Generic XDG_DATA_HOME="$tmp/data-home" \
        XDG_DATA_DIRS="$prefix/share" XDG_CONFIG_HOME="$tmp/config" XDG_CONFIG_DIRS="$tmp/config-dirs" \
        xdg-mime query default "$mime")
    [ "$got" = "$app_id.desktop" ] || fail "xdg-mime query default $mime: '$got', not $app_id.desktop"
    echo "xdg-mime query default $mime: $got"
done
echo "PASS"
