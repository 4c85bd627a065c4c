# `cpack -G DEB` in a build folder: tokendesk_VERSION_ARCH.deb with what `cmake --install` puts
# in the Runtime component (the program, desktop file, metainfo, icons) and nothing else: the
# tests, the card simulator and the benchmarks install nothing, and a component of theirs would
# stay out. Build it from an optimized build without sanitizers (scripts/package-check.sh):
# an ASan build would pull libasan into Depends.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME tokendesk)
set(CPACK_PACKAGE_VENDOR "TokenDesk")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Smart cards, tokens and certificates on Linux")
set(CPACK_PACKAGE_DESCRIPTION
    "TokenDesk shows the smart card readers and their cards (from pcscd), the PKCS#11 tokens and the
certificates on them, and looks after them: PIN and PUK state, change and unblock, test an identity,
pair a card with a login account (pam_pkcs11, OpenSSH, LDAP), and import a .p12 file into a
SoftHSM2 virtual token that browsers see. `tokendesk report` and the other commands do the same
for helpdesk scripts, with JSON output.")
set(TOKENDESK_PACKAGE_MAINTAINER "The TokenDesk developers" CACHE STRING "Maintainer field of the Debian package")
set(CPACK_PACKAGE_CONTACT ${TOKENDESK_PACKAGE_MAINTAINER})
set(CPACK_STRIP_FILES ON)

# Only the Runtime component, all in the one package.
set(CPACK_COMPONENTS_ALL Runtime)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_GROUPING ALL_COMPONENTS_IN_ONE)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE ${TOKENDESK_HOMEPAGE})
# The libraries the program links, with their versions, as dpkg-shlibdeps finds them...
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# ...and what no ldd shows:
# - pcscd: the PC/SC service that the readers and cards come from (libpcsclite only talks to it);
# - opensc-pkcs11: the PKCS#11 module of the cards (PIV and the others OpenSC drives);
# - softhsm2: the virtual tokens .p12 files go into (its module, and softhsm2-util to remove one);
# - p11-kit: the module registry, and p11-kit-proxy.so that browsers load to see virtual tokens;
# - qt6-qpa-plugins: the xcb and Wayland platform plugins, without which the window cannot open
#   (libqt6gui6 only recommends them);
# - libqt6svg6: the SVG icon engine for the window's icon.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "pcscd, opensc-pkcs11, softhsm2, p11-kit, qt6-qpa-plugins, libqt6svg6")
# Features that work without them, or with less:
# - pcsc-tools: smartcard_list.txt, the card names for ATRs;
# - libnss3: NSS's softokn, loaded to read the user's NSS database (~/.pki/nssdb);
# - libnss3-tools: modutil and certutil, to register p11-kit-proxy in browsers' NSS databases;
# - libsecret-1-0: QtKeychain loads it to keep the virtual tokens' SO PINs in the Secret Service;
# - qt6-translations-l10n: Qt's own words (buttons of standard dialogs) in the user's language.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS
    "pcsc-tools, libnss3, libnss3-tools, libsecret-1-0, qt6-translations-l10n")

include(CPack)
