#!/usr/bin/env bash
# What the Windows build (`deps.sh build`) and its Wine check (`deps.sh check`) need from Debian:
# installed with apt when missing (as root), else named. Wine runs the 64-bit program and the
# 32-bit NSIS installer, hence wine32 from the i386 architecture.
set -euo pipefail
mode=${1:-build}
need=()
have() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }
for pkg in wine wine64 wine32:i386 nsis unzip gcc-mingw-w64-x86-64 binutils-mingw-w64-x86-64; do have "$pkg" || need+=("$pkg"); done
if [ "$mode" = check ]; then
  for pkg in fonts-noto-cjk poppler-utils locales bsdutils; do
    have "$pkg" || need+=("$pkg")
  done
fi
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
    echo "missing Debian packages: ${need[*]} (apt-get install them, wine32 after dpkg --add-architecture i386)" >&2
    exit 1
  fi
  echo "installing ${need[*]}"
  dpkg --print-foreign-architectures | grep -qx i386 || dpkg --add-architecture i386
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
# The check runs Wine in the zh_CN.UTF-8 locale: Wine takes code page 936 from it.
if [ "$mode" = check ] && ! locale -a 2>/dev/null | grep -qix 'zh_CN.utf8'; then
  [ "$(id -u)" = 0 ] || { echo "the zh_CN.UTF-8 locale is missing (locale-gen)" >&2; exit 1; }
  sed -i 's/^# *\(zh_CN.UTF-8 UTF-8\)/\1/' /etc/locale.gen
  grep -q '^zh_CN.UTF-8 UTF-8' /etc/locale.gen || echo 'zh_CN.UTF-8 UTF-8' >>/etc/locale.gen
  locale-gen >/dev/null
fi
