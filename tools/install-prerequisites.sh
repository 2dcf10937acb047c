#!/usr/bin/env bash
# Installs what the series needs beyond the .NET SDK, idempotently: on Linux, a libstdc++ new enough for
# TorchSharp 0.107 (it needs GLIBCXX_3.4.32, i.e. GCC 13+; Debian 12 ships GCC 12's). Then restores the pinned
# local tools. Safe to run again: it changes nothing when everything is in place.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

has_glibcxx_3_4_32() {
  local library
  for library in /lib/x86_64-linux-gnu/libstdc++.so.6 /usr/lib/x86_64-linux-gnu/libstdc++.so.6 /usr/lib64/libstdc++.so.6 /usr/lib/libstdc++.so.6; do
    [ -e "$library" ] && grep -qa 'GLIBCXX_3\.4\.32' "$library" && return 0
  done
  return 1
}

if [ "$(uname -s)" = "Linux" ] && ! has_glibcxx_3_4_32; then
  . /etc/os-release
  if [ "${ID:-}" != "debian" ] || [ "${VERSION_ID:-}" != "12" ]; then
    echo "This system's libstdc++ lacks GLIBCXX_3.4.32, which TorchSharp 0.107 needs (GCC 13 or newer)." >&2
    echo "Install a newer libstdc++6 with your package manager (Ubuntu 24.04+, Debian 13+ and Fedora 39+ have one)." >&2
    exit 1
  fi
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "Installing libstdc++6 from Debian 13 (trixie), pinned so that nothing else is upgraded from it..."
  # The pin keeps trixie at priority 100: only packages asked for with -t trixie (and what they need) come from it.
  $sudo tee /etc/apt/sources.list.d/trixie-libstdcxx.sources >/dev/null <<'SOURCES'
Types: deb
URIs: http://deb.debian.org/debian
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SOURCES
  $sudo tee /etc/apt/preferences.d/trixie-libstdcxx >/dev/null <<'PIN'
Package: *
Pin: release n=trixie
Pin-Priority: 100
PIN
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -t trixie libstdc++6 >/dev/null
  has_glibcxx_3_4_32 || { echo "libstdc++6 from trixie did not provide GLIBCXX_3.4.32." >&2; exit 1; }
  echo "libstdc++ now provides GLIBCXX_3.4.32."
fi

cd "$root"
dotnet tool restore >/dev/null
echo "Prerequisites are in place."
