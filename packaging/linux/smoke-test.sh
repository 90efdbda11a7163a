#!/usr/bin/env bash
# Install a built .deb into a fresh root and check it works:
#   packaging/linux/smoke-test.sh build/newsdesk_<version>_<arch>.deb
# Runs `newsdesk --version`, `newsdesk doctor` (fails if the Qt platform plugin, QtWebEngine or
# a Chinese translation is missing from the bundle) and starts the GUI offscreen to a clean exit.
set -euo pipefail
DEB=$(readlink -f "$1")
cd "$(dirname "$0")/../.."
WANT=$(python3 -c 'import tomllib;print(tomllib.load(open("pyproject.toml","rb"))["project"]["version"])')
ROOTDIR=$(mktemp -d)
trap 'rm -rf "$ROOTDIR"' EXIT
mkdir -p "$ROOTDIR/var/lib/dpkg/info" "$ROOTDIR/var/lib/dpkg/updates"
touch "$ROOTDIR/var/lib/dpkg/status"
# A fresh dpkg database: the libraries it depends on come from this machine, hence --force-depends.
dpkg --root="$ROOTDIR" --force-depends --force-script-chrootless --log=/dev/null -i "$DEB" \
  >"$ROOTDIR/dpkg.log" 2>&1 || { cat "$ROOTDIR/dpkg.log"; exit 1; }
dpkg-deb --field "$DEB" Depends | grep -q 'libxcb-cursor0' || { echo "Depends lacks libxcb-cursor0"; exit 1; }
test -L "$ROOTDIR/usr/bin/newsdesk" && test "$(readlink "$ROOTDIR/usr/bin/newsdesk")" = /opt/newsdesk/newsdesk
test -f "$ROOTDIR/usr/share/applications/newsdesk.desktop"
test -f "$ROOTDIR/usr/share/icons/hicolor/scalable/apps/newsdesk.svg"
APP="$ROOTDIR/opt/newsdesk/newsdesk"
HOME_DIR="$ROOTDIR/home"
mkdir -p "$HOME_DIR"
export HOME="$HOME_DIR" XDG_DATA_HOME="$HOME_DIR/data" XDG_CONFIG_HOME="$HOME_DIR/config" \
  XDG_CACHE_HOME="$HOME_DIR/cache" XDG_STATE_HOME="$HOME_DIR/state"
GOT=$("$APP" --version)
[ "$GOT" = "newsdesk $WANT" ] || { echo "version: got '$GOT', want 'newsdesk $WANT'"; exit 1; }
"$APP" doctor
DB="$HOME_DIR/demo.db"
"$APP" --db "$DB" demo --password smoke-pass-1 >/dev/null
OUT=$(QT_QPA_PLATFORM=offscreen QTWEBENGINE_CHROMIUM_FLAGS="--no-sandbox --disable-gpu" \
  NEWSDESK_PASSWORD=smoke-pass-1 NEWSDESK_LANG=zh timeout 120 "$APP" --db "$DB" gui --smoke --user ma 2>/dev/null)
echo "$OUT"
grep -q "window and preview ready" <<<"$OUT"
grep -q "interface zh, 2 translation catalogues" <<<"$OUT"
# Team mode from the bundle (its own libpq): with NEWSDESK_SMOKE_PG naming an empty database,
# the installed binary moves the demo workspace up to it, verifies it and asks doctor.
if [ -n "${NEWSDESK_SMOKE_PG:-}" ]; then
  "$APP" migrate --from "$DB" --to "$NEWSDESK_SMOKE_PG" | tail -1
  "$APP" --db "$NEWSDESK_SMOKE_PG" verify
  "$APP" --db "$NEWSDESK_SMOKE_PG" doctor | grep "database server"
fi
echo "smoke test passed: $(basename "$DEB")"
