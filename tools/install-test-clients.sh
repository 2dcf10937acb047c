#!/usr/bin/env bash
# Installs the real clients that the notebook tests drive, and only those missing: Jupyter's nbconvert (the batch
# client), nbformat (the schema validator), Chromium (opens the exported HTML offline) and ss (iproute2, to see which
# addresses the kernel listens on). Debian and Ubuntu packages, installed as root (sudo when not root); nothing is
# done when all are there. Waits for the package manager when another program is using it.
# (Reading the notebooks in a browser needs jupyter-notebook as well; see README.)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$root/tools/lib/apt.sh"

packages=(jupyter-nbconvert python3-nbformat chromium iproute2)
missing_packages() {
  local package
  for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || echo "$package"
  done
}

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  mapfile -t missing < <(missing_packages)
else
  missing=("${packages[@]}")
fi

if [ ${#missing[@]} -eq 0 ]; then
  echo "Test clients are in place (${packages[*]})."
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "Install these packages (or your system's equivalents) to run the notebook tests: ${missing[*]}" >&2
  exit 1
fi

echo "Installing the clients the notebook tests drive: ${missing[*]}..."
apt_get update -qq
apt_get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
mapfile -t missing < <(missing_packages)
[ ${#missing[@]} -eq 0 ] || { echo "error: still missing after apt-get install: ${missing[*]}" >&2; exit 1; }
echo "Test clients are in place (${packages[*]})."
