#!/usr/bin/env bash
# Linux desktop integration (`make install-desktop` / `make uninstall-desktop`): the .desktop file, the icon (hicolor
# PNG sizes drawn from the SVG by Qt, and the SVG itself), the MIME type of *.incidents files and the AppStream
# metainfo, under PREFIX (an XDG data folder: ~/.local/share by default), then the desktop's caches are refreshed.
# Usage: install-desktop.sh install|uninstall PREFIX PROGRAM   (PROGRAM: what the menu entry starts, absolute)
# PYTHON (a Python with PySide6, default .venv/bin/python) draws the icons.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=$1 prefix=$2 program=${3:-incident-logger}
python=${PYTHON:-.venv/bin/python}
name=incident-logger
metainfo=io.github.incident_logger.IncidentLogger.metainfo.xml
sizes="16 24 32 48 64 128 256 512"
files="applications/$name.desktop mime/packages/$name.xml metainfo/$metainfo icons/hicolor/scalable/apps/$name.svg"
for size in $sizes; do files="$files icons/hicolor/${size}x${size}/apps/$name.png"; done

if [ "$mode" = uninstall ]; then
  for file in $files; do rm -f "$prefix/$file"; done
else
  icons=$(mktemp -d)
  trap 'rm -rf "$icons"' EXIT
  "$python" packaging/make_icons.py "$icons" >/dev/null || {
    echo "install-desktop: drawing the icons needs PySide6 in $python (run make run or make test first)" >&2
    exit 1
  }
  for size in $sizes; do
    install -Dm644 "$icons/hicolor/${size}x${size}/apps/$name.png" "$prefix/icons/hicolor/${size}x${size}/apps/$name.png"
  done
  install -Dm644 desktop/resources/$name.svg "$prefix/icons/hicolor/scalable/apps/$name.svg"
  install -Dm644 resources/$name-mime.xml "$prefix/mime/packages/$name.xml"
  install -Dm644 "resources/$metainfo" "$prefix/metainfo/$metainfo"
  mkdir -p "$prefix/applications"
  sed -e "s|^Exec=incident-logger |Exec=$program |" -e "s|^TryExec=incident-logger\$|TryExec=$program|" \
    resources/$name.desktop >"$prefix/applications/$name.desktop"
  chmod 644 "$prefix/applications/$name.desktop"
  echo "installed under $prefix (menu entry starts $program)"
fi
# the caches, when their tools are there (gtk-update-icon-cache only where a cache or theme index is already kept:
# a new cache in ~/.local/share/icons would hide icons that other programs add later without updating it)
if command -v update-mime-database >/dev/null && [ -d "$prefix/mime" ]; then update-mime-database "$prefix/mime"; fi
if command -v update-desktop-database >/dev/null && [ -d "$prefix/applications" ]; then
  update-desktop-database -q "$prefix/applications"
fi
hicolor="$prefix/icons/hicolor"
if command -v gtk-update-icon-cache >/dev/null && [ -f "$hicolor/index.theme" ] || [ -f "$hicolor/icon-theme.cache" ]; then
  gtk-update-icon-cache -q -t -f "$hicolor"
fi
