#!/usr/bin/env bash
# Two system DLLs that Windows 10 has and Wine 8 lacks, as stand-ins for the Wine test prefix
# only: never put them in the bundle or the installer.
#   icuuc.dll            Qt6Core.dll imports ICU's converters (ucnv_*) from it (Windows 10 1903+).
#                        Every stand-in says "no converter" (ucnv_open sets U_FILE_ACCESS_ERROR),
#                        so Qt falls back to its own codecs.
#   bcryptprimitives.dll Rust-built extensions (nh3, cryptography) take random bytes from its
#                        ProcessPrng (Windows 10+); the stand-in asks RtlGenRandom.
#   wine-stand-ins.sh BUNDLE_DIR SYSTEM32_DIR
set -euo pipefail
bundle=$1
system32=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
CC=x86_64-w64-mingw32-gcc

qtcore=$(find "$bundle" -name Qt6Core.dll | head -1)
[ -n "$qtcore" ] || { echo "no Qt6Core.dll under $bundle" >&2; exit 1; }
# The names Qt6Core.dll imports from icuuc.dll, read from its import table.
x86_64-w64-mingw32-objdump -p "$qtcore" |
  awk '/DLL Name:/ {dll = tolower($3)} dll == "icuuc.dll" && $NF ~ /^u[A-Za-z_0-9]+$/ {print $NF}' |
  sort -u >"$tmp/names"
if [ -s "$tmp/names" ]; then
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
  $CC -shared -O2 -o "$system32/icuuc.dll" "$tmp/icuuc.c"
  echo "icuuc.dll: $(wc -l <"$tmp/names") ucnv_* functions that find no converter"
fi

cat >"$tmp/bcryptprimitives.c" <<'C'
#include <windows.h>
#define RtlGenRandom SystemFunction036
BOOLEAN WINAPI RtlGenRandom(PVOID buffer, ULONG length);
__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length) {
  while (length) {
    ULONG n = length > 0x10000000 ? 0x10000000 : (ULONG)length;
    if (!RtlGenRandom(data, n)) return FALSE;
    data += n;
    length -= n;
  }
  return TRUE;
}
C
$CC -shared -O2 -o "$system32/bcryptprimitives.dll" "$tmp/bcryptprimitives.c" -ladvapi32
echo "bcryptprimitives.dll: ProcessPrng from RtlGenRandom"
