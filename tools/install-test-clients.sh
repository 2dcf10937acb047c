#!/usr/bin/env bash
# Installs the real clients that the notebook tests drive, idempotently: Jupyter's nbconvert (the batch client),
# nbformat (the schema validator), Chromium (opens the exported HTML offline) and ss (iproute2, to see which
# addresses the kernel listens on). Debian and Ubuntu packages; installs nothing when everything is there already.
# (Reading the notebooks in a browser needs jupyter-notebook as well; see README.)
set -euo pipefail

packages=(jupyter-nbconvert python3-nbformat chromium iproute2)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "Test clients are in place (${packages[*]})."
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "Install these packages (or your system's equivalents) to run the notebook tests: ${missing[*]}" >&2
  exit 1
fi

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "Installing ${missing[*]}..."
$sudo apt-get update -qq
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "Test clients are in place (${packages[*]})."
