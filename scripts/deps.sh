#!/usr/bin/env bash
# Installs the Debian 12 packages TokenDesk needs to build, run and test.
# Idempotent: packages already present are not fetched again.
set -euo pipefail

PACKAGES=(
    # build
    build-essential cmake ninja-build pkg-config git lld
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    libgl-dev qtkeychain-qt6-dev libssl-dev libpcsclite-dev libp11-kit-dev
    libldap-dev libsss-certmap-dev libtalloc-dev
    clang libclang-rt-14-dev clang-format
    # the icon's PNG sizes, rendered from its SVG at build time (resources/CMakeLists.txt)
    librsvg2-bin
    # middleware that TokenDesk talks to at run time
    pcscd vsmartcard-vpcd opensc opensc-pkcs11 softhsm2 p11-kit libnss3 libnss3-tools
    # test bench and real peers
    pcsc-tools gnutls-bin libpam-pkcs11 gnome-keyring libsecret-tools dbus dbus-x11 xvfb xauth
    openssl openssh-client util-linux procps iproute2 libqt6svg6 fonts-dejavu-core jq time
    # the pairing tests' own accounts where mount namespaces are refused (tests/common/PrivatePasswd.h)
    libnss-wrapper
    # directory pairing: a private slapd, ldapsearch/ldapmodify, sssctl cert-eval-rule, and the
    # python3 that writes the bench's 10,000 users (tests/harness/slapd.sh)
    slapd ldap-utils sssd-tools python3-minimal
    # install and package: the desktop's own validators and default-application lookup
    # (tests/install/tst_install.sh), and what scripts/package-check.sh reads the .deb with
    desktop-file-utils appstream xdg-utils binutils
)

missing=()
for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
    echo "deps: all ${#PACKAGES[@]} packages present"
    exit 0
fi

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "deps: done"
