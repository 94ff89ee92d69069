#!/usr/bin/env bash
# Install the Debian packages Incident Logger needs (Qt's runtime libraries, fonts, SQLite shell,
# PostgreSQL for the test suite, Xvfb and poppler for screenshots/PDF checks, LibreOffice Calc for the
# spreadsheet round trip, 7-Zip opening a passphrase-protected export, the freedesktop validators and MIME database
# for the desktop integration) when any is missing.
set -euo pipefail
QT_RUNTIME="libegl1 libgl1 libopengl0 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libfreetype6 libglib2.0-0
 libdbus-1-3 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 libxcb-randr0
 libxcb-render-util0 libxcb-image0 libxcb-xkb1 libx11-xcb1 fonts-dejavu-core"
TOOLS="python3 python3-venv python3-pip make sqlite3 binutils"  # binutils: objdump, which PyInstaller needs
TEST_EXTRAS="postgresql postgresql-client xvfb xauth poppler-utils libreoffice-calc-nogui 7zip desktop-file-utils appstream shared-mime-info
 dbus-daemon at-spi2-core python3-pyatspi xdotool"
wanted="$QT_RUNTIME $TOOLS"
[ "${1:-}" = "--test" ] && wanted="$wanted $TEST_EXTRAS"
missing=""
for package in $wanted; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing="$missing $package"
done
[ -z "$missing" ] && exit 0
echo "installing Debian packages:$missing"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
