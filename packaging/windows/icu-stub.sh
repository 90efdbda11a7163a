#!/usr/bin/env bash
# A stand-in icuuc.dll for Wine 8, which has none: Qt6Core.dll imports ICU's converter functions
# (ucnv_*) from the system icuuc.dll that Windows 10 1903+ ships. Every stand-in returns "no
# converter" (ucnv_open sets U_FILE_ACCESS_ERROR), so Qt uses its own codecs. For the Wine test
# prefix only: never put it in the bundle or the installer.
#   icu-stub.sh DIR_WITH_Qt6Core.dll OUTPUT.dll
set -euo pipefail
qtcore=$(find "$1" -name Qt6Core.dll | head -1)
[ -n "$qtcore" ] || { echo "no Qt6Core.dll under $1" >&2; exit 1; }
out=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# The names Qt6Core.dll imports from icuuc.dll, read from its import table.
x86_64-w64-mingw32-objdump -p "$qtcore" |
  awk '/DLL Name:/ {dll = tolower($3)} dll == "icuuc.dll" && $NF ~ /^u[a-z_0-9]+$/ {print $NF}' |
  sort -u >"$tmp/names"
[ -s "$tmp/names" ] || { echo "Qt6Core.dll imports nothing from icuuc.dll: no stand-in needed"; exit 0; }
{
  echo '#include <stddef.h>'
  while read -r name; do
    if [ "$name" = ucnv_open ]; then
      echo '__declspec(dllexport) void *ucnv_open(const char *n, int *e) { (void)n; if (e) *e = 4; return NULL; }'
    else
      echo "__declspec(dllexport) void *$name(void) { return NULL; }"
    fi
  done <"$tmp/names"
} >"$tmp/icuuc.c"
x86_64-w64-mingw32-gcc -shared -O2 -o "$out" "$tmp/icuuc.c"
echo "icuuc.dll stand-in: $(wc -l <"$tmp/names") functions ($(paste -sd' ' "$tmp/names" | cut -c1-80)…)"
