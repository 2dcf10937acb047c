#!/usr/bin/env bash
# Installs what the series needs beyond the .NET SDK, and only what is missing; safe to run again: when everything
# is in place it changes nothing. It says what it installs and why; root (sudo when not root) is needed only for a
# system package.
#
# - Linux: a libstdc++ with GLIBCXX_3.4.32 (GCC 13 or newer), which TorchSharp 0.107's native library needs.
#   Debian 13, Ubuntu 24.04 and Fedora 39 and later have one: nothing to install there.
#   Debian 12 ships GCC 12's, so this script installs libstdc++6 from Debian 13 (trixie). That is not a small step:
#   apt brings glibc 2.41 with it and upgrades about 28 packages from Debian 13 in all (libc6, libgcc-s1, dpkg,
#   locales, libzstd1, base-files, ...), and afterwards /etc/os-release reports Debian 13. The script lists the
#   packages before it installs them. Where that is not wanted, use Debian 13 or Ubuntu 24.04 (a machine or a
#   container) instead.
# - The .NET tools pinned in .config/dotnet-tools.json (dotnet tool restore; no root).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$root/tools/lib/apt.sh"

has_glibcxx_3_4_32() {
  local library
  for library in /lib/x86_64-linux-gnu/libstdc++.so.6 /usr/lib/x86_64-linux-gnu/libstdc++.so.6 /usr/lib64/libstdc++.so.6 /usr/lib/libstdc++.so.6; do
    [ -e "$library" ] && grep -qa 'GLIBCXX_3\.4\.32' "$library" && return 0
  done
  return 1
}

if ! command -v dotnet >/dev/null 2>&1; then
  echo "error: the .NET SDK is not installed (dotnet is not on PATH). Install the .NET 10 SDK (global.json pins its feature band), then run this again." >&2
  exit 1
fi

if [ "$(uname -s)" = "Linux" ] && ! has_glibcxx_3_4_32; then
  . /etc/os-release
  if [ "${ID:-}" != "debian" ] || [ "${VERSION_ID:-}" != "12" ]; then
    echo "This system's libstdc++ lacks GLIBCXX_3.4.32, which TorchSharp 0.107 needs (GCC 13 or newer)." >&2
    echo "Install a newer libstdc++6 with your package manager (Ubuntu 24.04+, Debian 13+ and Fedora 39+ have one)." >&2
    exit 1
  fi
  echo "TorchSharp 0.107 needs libstdc++ from GCC 13 or newer; Debian 12 has GCC 12's."
  echo "Installing libstdc++6 from Debian 13 (trixie). This upgrades glibc to 2.41 and other base packages from"
  echo "Debian 13 with it, and /etc/os-release will then report Debian 13. Debian 13 or Ubuntu 24.04 need none of this."
  # The trixie source stays, pinned to priority 100: later upgrades do not take the rest of Debian 13 from it. The
  # install itself still upgrades what the new libstdc++6 depends on (listed below).
  as_root tee /etc/apt/sources.list.d/trixie-libstdcxx.sources >/dev/null <<'SOURCES'
Types: deb
URIs: http://deb.debian.org/debian
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SOURCES
  as_root tee /etc/apt/preferences.d/trixie-libstdcxx >/dev/null <<'PIN'
Package: *
Pin: release n=trixie
Pin-Priority: 100
PIN
  apt_get update -qq
  # Say exactly what apt will do before it does it (a simulation takes no lock).
  mapfile -t changes < <(apt-get -s -t trixie install libstdc++6 | awk '$1 == "Inst" { print $2 }')
  echo "apt installs or upgrades ${#changes[@]} packages from Debian 13: ${changes[*]}"
  apt_get install -y -qq -t trixie libstdc++6 >/dev/null
  has_glibcxx_3_4_32 || { echo "error: libstdc++6 from trixie did not provide GLIBCXX_3.4.32." >&2; exit 1; }
  echo "libstdc++ now provides GLIBCXX_3.4.32 ($(. /etc/os-release; echo "$PRETTY_NAME"))."
fi

cd "$root"
# A no-op when the pinned tools are restored already.
dotnet tool restore >/dev/null
echo "Prerequisites are in place (libstdc++ for TorchSharp, the pinned .NET tools)."
