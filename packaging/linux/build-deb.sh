#!/usr/bin/env bash
# Build the Linux .deb from a clean checkout:  packaging/linux/build-deb.sh
# Makes its own virtual environment (build/pkg-venv), compiles the translations, runs the
# PyInstaller spec and packs build/dist/newsdesk into build/newsdesk_<version>_<arch>.deb,
# installed to /opt/newsdesk with `newsdesk` on the PATH, a menu entry and an icon.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
PYTHON=${PYTHON:-python3}
VENV=build/pkg-venv

$PYTHON -m venv "$VENV"
"$VENV/bin/pip" install --quiet --upgrade pip
"$VENV/bin/pip" install --quiet . "pyinstaller>=6.10"
VERSION=$("$VENV/bin/python" -c 'from importlib.metadata import version; print(version("newsdesk"))')
ARCH=$(dpkg --print-architecture)

"$VENV/bin/pyside6-lrelease" -silent src/newsdesk/resources/i18n/*.ts
"$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN \
  --distpath build/dist --workpath build/work packaging/newsdesk.spec

STAGE=build/deb/newsdesk_${VERSION}_${ARCH}
rm -rf "$STAGE"
mkdir -p "$STAGE/DEBIAN" "$STAGE/opt" "$STAGE/usr/bin" "$STAGE/usr/share/applications" \
  "$STAGE/usr/share/icons/hicolor/scalable/apps" "$STAGE/usr/share/doc/newsdesk"
cp -a build/dist/newsdesk "$STAGE/opt/newsdesk"
ln -s /opt/newsdesk/newsdesk "$STAGE/usr/bin/newsdesk"
cp packaging/linux/newsdesk.desktop "$STAGE/usr/share/applications/"
cp src/newsdesk/resources/icons/newsdesk.svg "$STAGE/usr/share/icons/hicolor/scalable/apps/"
printf 'Newsdesk %s\nUser data lives in ~/.local/share/newsdesk and survives upgrades and removal.\n' \
  "$VERSION" > "$STAGE/usr/share/doc/newsdesk/README"

# Depends: the libraries Qt loads at run time, from the same list CI installs (not the build
# tools at its top, and fonts as a recommendation).
DEPENDS=$(grep -v -e '^#' -e '^python3' -e '^make$' -e '^fonts-' packaging/linux/apt-packages.txt \
  | sed 's/^libasound2$/libasound2 | libasound2t64/' | paste -sd, - | sed 's/,/, /g')
SIZE=$(du -sk "$STAGE" | cut -f1)
cat > "$STAGE/DEBIAN/control" <<CONTROL
Package: newsdesk
Version: $VERSION
Architecture: $ARCH
Maintainer: Newsdesk team <newsdesk@example.org>
Installed-Size: $SIZE
Depends: $DEPENDS
Recommends: fonts-noto-cjk
Section: editors
Priority: optional
Homepage: https://example.org/newsdesk
Description: 稿件工作站 Newsdesk — editorial workstation for county newsrooms
 Write articles in Markdown or import them from Word, preview them as they will
 look in WeChat, take them through the 编辑 → 审核 → 出品 review chain and copy
 the signed article into the WeChat Official Account editor.
CONTROL

DEB=build/newsdesk_${VERSION}_${ARCH}.deb
dpkg-deb --root-owner-group -Zxz -z6 --build "$STAGE" "$DEB" >/dev/null
echo "built $DEB: $(du -h "$DEB" | cut -f1) (installed $(du -sh "$STAGE/opt/newsdesk" | cut -f1))"
