#!/usr/bin/env bash
# Installs Debian 12's PyTorch (python3-torch 1.13.1) and the packages it needs into a PRIVATE folder,
# for the PyTorch side of the TorchSharp-vs-PyTorch benchmark.
#
#   benchmarks/peer/install-pytorch-peer.sh [PREFIX]      (or PYTORCH_PEER_DIR=PREFIX ...)
#
# PREFIX defaults to <repo>/artifacts/pytorch-peer (git-ignored). Nothing is installed system-wide:
# Debian's libtorch in /lib/x86_64-linux-gnu would shadow TorchSharp's own libtorch inside notebook
# kernels (see the platform guide). Instead the script
#   1. asks apt which packages `apt-get install python3-torch libopenblas0-pthread` WOULD install
#      (simulation only; packages already on the system are left out and used from the system),
#   2. downloads exactly those versions with `apt-get download` into PREFIX/debs,
#   3. unpacks each with `dpkg-deb -x` into PREFIX/root (no maintainer scripts run),
#   4. writes PREFIX/pytorch-peer.env: PYTHONPATH and LD_LIBRARY_PATH for one process (relative to
#      PREFIX; pytorch-env.sh resolves them), with
#      OpenBLAS's directory first so that libblas.so.3 / liblapack.so.3 resolve to OpenBLAS
#      (the system's /usr/lib/x86_64-linux-gnu/libblas.so.3 is the ~50x slower reference BLAS),
#   5. checks that `import torch` works and which BLAS got loaded.
# Running it again re-uses what is already downloaded and unpacked.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
prefix="${1:-${PYTORCH_PEER_DIR:-$repo/artifacts/pytorch-peer}}"
mkdir -p "$prefix"
prefix="$(cd "$prefix" && pwd)"
python="${PEER_PYTHON:-/usr/bin/python3}"
arch_dir=x86_64-linux-gnu
wanted=(python3-torch libopenblas0-pthread)

die() { printf 'install-pytorch-peer: ERROR: %b\n' "$*" >&2; exit 1; }
say() { echo "install-pytorch-peer: $*" >&2; }

for tool in apt-get apt-cache dpkg-deb dpkg-query; do
  command -v "$tool" >/dev/null || die "'$tool' not found; this script needs a Debian 12 (bookworm) system."
done
[[ -x "$python" ]] || die "$python not found; install Debian's python3 (3.11) or set PEER_PYTHON."
py_ver="$("$python" -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
[[ "$py_ver" == 3.11 ]] || die "$python is Python $py_ver; Debian 12's python3-torch is built for Python 3.11."
[[ "$prefix" != /usr* && "$prefix" != /lib* && "$prefix" != / ]] || die "refusing to unpack into $prefix: it must be a private folder."

# 1. The closure: what apt would install for python3-torch + OpenBLAS, minus what is already installed.
#    The candidate must be Debian 12's 1.13.1 (a trixie source may be configured at a lower priority).
candidate="$(apt-cache policy python3-torch 2>/dev/null | awk '/Candidate:/ {print $2}')"
if [[ -z "$candidate" || "$candidate" == "(none)" ]]; then
  die "apt knows no candidate for python3-torch. Run 'apt-get update' (as root) with a Debian 12 'bookworm' main source, then retry."
fi
[[ "$candidate" == 1.13.1* ]] || die "apt's candidate for python3-torch is $candidate, expected Debian 12's 1.13.1+dfsg-*; check the apt sources and pins."

sim="$(LC_ALL=C apt-get install --simulate --no-install-recommends "${wanted[@]}" 2>&1)" \
  || die "apt-get could not resolve python3-torch's dependencies:\n$sim"
# Lines look like: "Inst pkg (version Origin [arch])" for new packages and "Inst pkg [old] (new ...)"
# for upgrades of installed packages. Upgrades are skipped: the installed version stays in use.
mapfile -t closure < <(printf '%s\n' "$sim" | awk '$1 == "Inst" && $3 ~ /^\(/ { sub(/^\(/, "", $3); print $2 "=" $3 }')
mapfile -t upgrades < <(printf '%s\n' "$sim" | awk '$1 == "Inst" && $3 ~ /^\[/ { print $2 }')
already_torch="$(dpkg-query -W -f='${Status}' python3-torch 2>/dev/null || true)"
if [[ "$already_torch" == *"ok installed"* ]]; then
  die "python3-torch is installed system-wide; that breaks TorchSharp in notebook kernels. Remove it first (apt-get remove python3-torch libtorch1.13)."
fi
((${#closure[@]} > 0)) || die "apt reports nothing to install for python3-torch, which is unexpected."
((${#upgrades[@]} == 0)) || say "left out (installed, apt would only upgrade them): ${upgrades[*]}"
say "${#closure[@]} packages in the closure; installing into $prefix"

# 2. Download (skipping .debs already there). apt-get download only needs the package feed.
debs="$prefix/debs"
root="$prefix/root"
stamps="$prefix/stamps"
mkdir -p "$debs" "$root" "$stamps"
chmod 755 "$prefix" "$debs"   # let apt's unprivileged _apt user write the downloads
# apt-get download --print-uris names each file with its size and SHA-256 (from the signed lists);
# files already in debs/ that match are kept, anything else is fetched again. (It is asked from an
# empty folder: it leaves out files that already sit in the current one.)
empty="$(mktemp -d)"
uris="$(cd "$empty" && LC_ALL=C apt-get download --print-uris "${closure[@]}" 2>&1)" \
  || { rmdir "$empty"; die "apt-get could not locate the packages: $uris"; }
rmdir "$empty"
declare -A file_of spec_of
for spec in "${closure[@]}"; do spec_of[${spec%%=*}]="$spec"; done
missing=()
while read -r _url f _size hash; do
  pkg="${f%%_*}"
  file_of[$pkg]="$f"
  [[ -s "$debs/$f" ]] && echo "${hash#SHA256:}  $debs/$f" | sha256sum --quiet -c - 2>/dev/null && continue
  rm -f "$debs/$f"
  missing+=("${spec_of[$pkg]}")
done < <(printf '%s\n' "$uris" | grep "^'")
((${#file_of[@]} == ${#closure[@]})) || die "apt-get listed ${#file_of[@]} files for ${#closure[@]} packages: $uris"
if ((${#missing[@]} > 0)); then
  say "downloading ${#missing[@]} packages from the Debian feed ..."
  if ! (cd "$debs" && apt-get download "${missing[@]}" >"$prefix/download.log" 2>&1); then
    tail -n 5 "$prefix/download.log" >&2 || true
    die "could not download from the Debian package feed (is it reachable? see $prefix/download.log)."
  fi
fi
for spec in "${closure[@]}"; do
  [[ -s "$debs/${file_of[${spec%%=*}]}" ]] || die "expected $debs/${file_of[${spec%%=*}]} after download; the feed may be unreachable."
done

# 3. Unpack. A stamp per package+version makes re-runs cheap.
for spec in "${closure[@]}"; do
  f="${file_of[${spec%%=*}]}"
  stamp="$stamps/${f%.deb}"
  [[ -e "$stamp" ]] && continue
  dpkg-deb -x "$debs/$f" "$root"
  touch "$stamp"
done
printf '%s\n' "${closure[@]}" >"$prefix/packages.txt"

# 4. The environment for one process. OpenBLAS's directory comes first so that libblas.so.3 and
#    liblapack.so.3 (what libtorch links against) are OpenBLAS's, never the system's reference BLAS.
openblas_dir="$root/usr/lib/$arch_dir/openblas-pthread"
[[ -e "$openblas_dir/libblas.so.3" && -e "$openblas_dir/liblapack.so.3" ]] \
  || die "OpenBLAS's libblas.so.3 / liblapack.so.3 are missing from $openblas_dir."
# Then the directories ld.so searches by default (some packages, e.g. libgloo0, use plain /usr/lib).
lib_dirs=("$openblas_dir")
for d in "usr/lib/$arch_dir" "lib/$arch_dir" usr/lib lib; do
  [[ -d "$root/$d" && ! -L "$root/$d" ]] && lib_dirs+=("$root/$d")
done
# Extra directories that packages register through /etc/ld.so.conf.d (normally read by ldconfig).
if [[ -d "$root/etc/ld.so.conf.d" ]]; then
  while read -r d; do
    [[ "$d" == /* && -d "$root$d" && "$d" != */openblas-pthread ]] && lib_dirs+=("$root$d")
  done < <(cat "$root"/etc/ld.so.conf.d/*.conf 2>/dev/null | grep -v '^\s*#' || true)
fi
ld_path="$(IFS=:; echo "${lib_dirs[*]}")"
py_path="$root/usr/lib/python3/dist-packages"
[[ -d "$py_path/torch" ]] || die "torch was not unpacked into $py_path."
env_file="$prefix/pytorch-peer.env"
# Paths inside the prefix are written relative to it (pytorch-env.sh puts the prefix back), so the
# install keeps working when the repository is moved or the folder is copied elsewhere.
relative() { local IFS=:; local out=() d; for d in $1; do out+=("${d#"$prefix"/}"); done; echo "${out[*]}"; }
{
  echo "PYTHONPATH=$(relative "$py_path")"
  echo "LD_LIBRARY_PATH=$(relative "$ld_path")"
  echo "PEER_PYTHON=$python"
} >"$env_file.tmp"
mv "$env_file.tmp" "$env_file"

# 5. Check: torch imports, is 1.13 (Debian's 1.13.1 build calls itself "1.13.0a0"), and the BLAS that the process mapped is OpenBLAS.
check="$(env PYTHONPATH="$py_path" LD_LIBRARY_PATH="$ld_path" "$python" - <<'PY' 2>&1
import re, torch
x = torch.ones(64, 64) @ torch.ones(64, 64)   # make sure the BLAS is really loaded
libs = sorted({m.group(0) for line in open("/proc/self/maps")
               for m in [re.search(r"/\S*lib(open)?blas\S*\.so[.\d]*", line)] if m})
print("torch", torch.__version__)
print("blas", " ".join(libs))
PY
)" || die "import torch failed in the private environment:\n$check"
grep -q '^torch 1\.13\.' <<<"$check" || die "unexpected torch version:\n$check"
grep -q 'openblas' <<<"$check" || die "OpenBLAS is not the BLAS in use:\n$check"
grep -q '/usr/lib/x86_64-linux-gnu/blas/' <<<"$check" && die "the reference BLAS got loaded:\n$check"

echo "PyTorch peer installed in: $prefix"
echo "  python:   $python ($("$python" -c 'import sys; print(sys.version.split()[0])'))"
echo "  $(echo "$check" | grep '^torch') (Debian package python3-torch $(grep -m1 '^python3-torch=' "$prefix/packages.txt" | cut -d= -f2))"
echo "  $(echo "$check" | grep '^blas')"
echo "  env file: $env_file (KEY=VALUE lines for one process, paths relative to it; pytorch-env.sh prints them resolved)"
echo "  run:      benchmarks/peer/pytorch-env.sh python3 benchmarks/peer/alexnet_peer.py"
