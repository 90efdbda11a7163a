#!/usr/bin/env bash
# `make windows-check`: the installer from `make windows`, in a fresh Wine prefix set up as a
# Chinese Windows 10 PC (code page 936, a CJK font), installed silently, run through the whole
# chain, then uninstalled. Prints each step; stops with a non-zero status at the first failure.
#   packaging/windows/check.sh [build/windows/newsdesk-<version>-setup.exe]
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
VERSION=$(python3 -c 'import tomllib;print(tomllib.load(open("pyproject.toml","rb"))["project"]["version"])')
SETUP=$(readlink -f "${1:-build/windows/newsdesk-$VERSION-setup.exe}")
[ -f "$SETUP" ] || { echo "no installer at $SETUP: run make windows first" >&2; exit 1; }
packaging/windows/deps.sh check

CHECK=$ROOT/build/windows/check # the prefix and the files the check writes, rebuilt each time
export WINEPREFIX=$CHECK/prefix WINEARCH=win64 WINEDEBUG=${WINEDEBUG:--all}
# No Mono/Gecko prompts, no Linux menu entries made from the Start menu.
export WINEDLLOVERRIDES="mscoree,mshtml=;winemenubuilder.exe=d"
# Wine takes the code pages from the locale: zh_CN gives ANSI and OEM code page 936 (GBK).
export LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8
unset NEWSDESK_DB NEWSDESK_SECRET_STORE NEWSDESK_LANG QT_QPA_PLATFORM DISPLAY WAYLAND_DISPLAY
START=$(date +%s)
n=0
step() { n=$((n + 1)); printf '\n[%2d] %s (%ss)\n' "$n" "$*" "$(($(date +%s) - START))"; }
fail() { printf 'FAILED at step %d: %s\n' "$n" "$*" >&2; exit 1; }
# A Windows Python under Wine cannot start with stdout redirected to a file; a pipe works.
win() { wine "$@" 2>&1 | cat; return "${PIPESTATUS[0]}"; }
APP='C:\Newsdesk\newsdesk.exe'
# Its output through a pipe is in code page 936 (GBK): shown here in UTF-8.
nd() { wine "$APP" "$@" 2>&1 | iconv -c -f GBK -t UTF-8; return "${PIPESTATUS[0]}"; }
C=$WINEPREFIX/drive_c
WORK=$C/check # C:\check: the files the chain reads and writes
wineserver -k 2>/dev/null || true
rm -rf "$CHECK"
mkdir -p "$CHECK"

step "fresh Wine prefix: Windows 10, code page 936"
wine wineboot --init >/dev/null 2>&1
wine winecfg -v win10 >/dev/null 2>&1
ver=$(win cmd /c ver | tr -d '\r')
grep -q ' 10\.0\.' <<<"$ver" || fail "not Windows 10: $ver"
echo "$ver" | grep .
acp=$(win reg query 'HKLM\System\CurrentControlSet\Control\Nls\CodePage' /v ACP | tr -d '\r')
grep -q 'ACP.*936' <<<"$acp" || fail "ANSI code page is not 936: $acp"
oem=$(win reg query 'HKLM\System\CurrentControlSet\Control\Nls\CodePage' /v OEMCP | tr -d '\r')
grep -q 'OEMCP.*936' <<<"$oem" || fail "OEM code page is not 936: $oem"
echo "ACP 936, OEMCP 936"

step "a CJK font in C:\\windows\\Fonts (Noto Sans CJK, as a .ttc collection)"
cp /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc "$C/windows/Fonts/"
win reg add 'HKLM\Software\Microsoft\Windows NT\CurrentVersion\Fonts' \
  /v 'Noto Sans CJK SC Regular (TrueType)' /t REG_SZ /d NotoSansCJK-Regular.ttc /reg:64 /f >/dev/null

step "stand-ins for two Windows 10 DLLs Wine 8 lacks (test prefix only, never in the bundle)"
packaging/windows/wine-stand-ins.sh "$ROOT/build/windows/dist/newsdesk/_internal" "$C/windows/system32"

step "silent install: $(basename "$SETUP") /S /D=C:\\Newsdesk"
cp "$SETUP" "$C/setup.exe"
win 'C:\setup.exe' /S '/D=C:\Newsdesk' || fail "installer exit status $?"
wineserver -w
[ -f "$C/Newsdesk/newsdesk.exe" ] && [ -f "$C/Newsdesk/newsdesk-app.exe" ] || fail "no program in C:\\Newsdesk"
[ -f "$C/Newsdesk/uninstall.exe" ] || fail "no uninstaller"
MENU="$C/ProgramData/Microsoft/Windows/Start Menu/Programs/Newsdesk"
ls "$MENU"
[ -f "$MENU/稿件工作站.lnk" ] || fail "no Start-menu entry 稿件工作站 (the Chinese installer language)"
[ -f "$MENU/卸载稿件工作站.lnk" ] || fail "no Start-menu uninstaller entry"
# (/reg:64: `wine reg` may start the 32-bit reg.exe, which sees WOW6432Node instead)
win reg query 'HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall\Newsdesk' /v QuietUninstallString /reg:64 |
  grep -q 'uninstall.exe' || fail "not listed under Apps (Uninstall key)"
echo "C:\\Newsdesk, Start menu (稿件工作站, 卸载稿件工作站), Apps entry: ok"

step "newsdesk.exe --version"
got=$(nd --version | tr -d '\r')
[ "$got" = "newsdesk $VERSION" ] || fail "version: got '$got'"
echo "$got"

step "newsdesk.exe doctor"
nd doctor | tee "$CHECK/doctor.txt" || fail "doctor found a missing part"
grep -q 'AppData.Local.newsdesk.newsdesk\.db' "$CHECK/doctor.txt" || fail "the data folder is not %LOCALAPPDATA%\\newsdesk"

step "newsdesk.exe demo (a throw-away workspace)"
mkdir -p "$WORK"
cp -r src/newsdesk/resources/demo/. "$WORK/" # the demo's own .md and .docx
nd --db 'C:\check\demo.db' demo --password smoke-pass-1 | tail -3 || fail "demo"
[ -s "$WORK/demo.db" ] || fail "demo wrote no database"

step "the chain in the default workspace (%LOCALAPPDATA%\\newsdesk)"
export NEWSDESK_NEW_PASSWORD=check-pass-1 NEWSDESK_PASSWORD=check-pass-1
nd user add admin --name 管理员 --role admin || fail "user add admin"
for u in "bian 编辑甲 editor" "shen 审核乙 auditor" "chu 出品丙 producer"; do
  set -- $u
  nd user add "$1" --name "$2" --role "$3" --as admin || fail "user add $1"
done
WUSER=$(id -un) # Wine names the Windows user after the Unix one
DATA="$C/users/$WUSER/AppData/Local/newsdesk"
[ -f "$DATA/newsdesk.db" ] || fail "no database in %LOCALAPPDATA%\\newsdesk ($DATA)"
echo "database: C:\\users\\$WUSER\\AppData\\Local\\newsdesk\\newsdesk.db"
md=$(nd article import --as bian 'C:\check\county-meeting-report.md' | tr -d '\r' | tail -1)
docx=$(nd article import --as bian 'C:\check\forest-fire-meeting.docx' | tr -d '\r' | tail -1)
echo "imported: .md → $md, .docx → $docx"
nd proofread 'C:\check\county-meeting-report.md' || fail "proofread"
for id in "$md" "$docx"; do
  nd submit --as bian "$id" || fail "submit $id"
  nd approve --as shen "$id" || fail "approve $id"
  nd sign --as chu "$id" || fail "sign $id"
done
nd export "$md" -o 'C:\check\article.html' || fail "export"
grep -q '春季农业生产' "$WORK/article.html" || fail "the exported page lacks its Chinese title"
nd form "$md" -o 'C:\check\form.pdf' || fail "form"
pdftotext "$WORK/form.pdf" "$CHECK/form.txt"
grep -q '稿件审签单' "$CHECK/form.txt" && grep -q '春季农业生产' "$CHECK/form.txt" ||
  fail "the review form's text is not readable Chinese: $(head -c 300 "$CHECK/form.txt")"
echo "form.pdf: pdftotext reads 稿件审签单 and the title"
nd stats --from 2020-01-01 --to 2099-12-31 --xlsx 'C:\check\stats.xlsx' || fail "stats --xlsx"
[ -s "$WORK/stats.xlsx" ] || fail "no workbook"
nd backup 'C:\check\backup.db' || fail "backup"
nd --db 'C:\check\backup.db' verify || fail "the backup does not verify"
nd verify || fail "verify"

step "Chinese on the console and through a pipe (no mojibake)"
# A pipe gets the ANSI code page, 936 (GBK), as on a Chinese Windows: `findstr`, Notepad and
# Excel read it as such. It must be valid GBK that decodes to the names.
win "$APP" user list >"$CHECK/pipe.txt"
iconv -f GBK -t UTF-8 "$CHECK/pipe.txt" >"$CHECK/pipe.utf8.txt" ||
  fail "piped output is not GBK: $(od -c "$CHECK/pipe.txt" | head -3)"
grep -q '编辑甲' "$CHECK/pipe.utf8.txt" || fail "piped output lacks the Chinese names: $(head -3 "$CHECK/pipe.utf8.txt")"
echo "pipe (GBK): $(grep 编辑甲 "$CHECK/pipe.utf8.txt" | tr -d '\r')"
# script(1) gives Wine a terminal, so the program writes to a Windows console.
script -qec "wine '$APP' user list" /dev/null </dev/null >"$CHECK/console.txt" 2>&1 || true
grep -q '编辑甲' "$CHECK/console.txt" || fail "console output is not Chinese: $(od -c "$CHECK/console.txt" | head -3)"
echo "console: $(grep 编辑甲 "$CHECK/console.txt" | sed 's/\x1b\[[0-9;?]*[a-zA-Z]//g' | tr -d '\r')"

step "wechat setup keeps the AppSecret on this PC, never in the database"
SECRET=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')  # an AppSecret is 32 hex digits
NEWSDESK_WECHAT_SECRET=$SECRET nd wechat setup --appid wx0123456789abcdef --as admin | tee "$CHECK/wechat.txt" ||
  fail "wechat setup"
for f in "$DATA"/newsdesk.db*; do
  ! grep -qa "$SECRET" "$f" || fail "the AppSecret is in $(basename "$f")"
done
if grep -q 'wechat-secrets.json' "$CHECK/wechat.txt"; then
  grep -rqa "$SECRET" "$C/users/$WUSER/AppData" || fail "the file fallback does not hold the secret"
  echo "kept in: the file fallback (%LOCALAPPDATA%\\newsdesk\\wechat-secrets.json)"
else
  echo "kept in: Windows Credential Manager through keyring (Wine's advapi32 credentials)"
fi

step "install again over it (an upgrade): the workspace stays and opens"
win 'C:\setup.exe' /S '/D=C:\Newsdesk' || fail "reinstall exit status $?"
wineserver -w
nd verify || fail "the workspace does not verify after the reinstall"
nd user list | grep -q 编辑甲 || fail "the users are gone after the reinstall"

step "the desktop app offscreen: sign-in and main window to a clean exit"
export QT_QPA_PLATFORM=offscreen NEWSDESK_LANG=zh
export QTWEBENGINE_CHROMIUM_FLAGS="--no-sandbox --single-process --disable-gpu" QTWEBENGINE_DISABLE_SANDBOX=1
set +e
NEWSDESK_PASSWORD=smoke-pass-1 timeout 300 wine "$APP" --db 'C:\check\demo.db' gui --smoke --user ma 2>&1 |
  cat >"$CHECK/gui.txt"
gui_status=${PIPESTATUS[0]}
set -e
grep -E 'FATAL|Traceback|Error:|newsdesk:' "$CHECK/gui.txt" | cut -c1-220 | head -5 || true
if grep -q "window and preview ready" "$CHECK/gui.txt"; then
  echo "GUI: sign-in, main window and QtWebEngine preview ran to a clean exit"
elif [ "${NEWSDESK_WINE_GUI_REQUIRED:-0}" = 1 ]; then
  fail "the desktop app did not start (status $gui_status)"
else
  echo "GUI: did not reach the main window under Wine (status $gui_status; see README, QtWebEngine under Wine)"
fi
unset QT_QPA_PLATFORM QTWEBENGINE_CHROMIUM_FLAGS QTWEBENGINE_DISABLE_SANDBOX NEWSDESK_LANG

step "silent uninstall: the program goes, the user's data stays"
win 'C:\Newsdesk\uninstall.exe' /S || fail "uninstaller exit status $?"
wineserver -w
[ ! -e "$C/Newsdesk/newsdesk.exe" ] && [ ! -e "$C/Newsdesk/_internal" ] || fail "program files left in C:\\Newsdesk"
[ ! -e "$MENU" ] || fail "Start-menu entries left"
! win reg query 'HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall\Newsdesk' /reg:64 >/dev/null 2>&1 ||
  fail "the Apps entry is left"
[ -s "$DATA/newsdesk.db" ] || fail "the user's database was removed"
echo "C:\\Newsdesk gone; %LOCALAPPDATA%\\newsdesk\\newsdesk.db kept ($(du -h "$DATA/newsdesk.db" | cut -f1))"

wineserver -k 2>/dev/null || true
printf '\nwindows-check passed (%ss): %s\n' "$(($(date +%s) - START))" "$(basename "$SETUP")"
