#!/usr/bin/env bash
# The private PyTorch peer's environment (PYTHONPATH, LD_LIBRARY_PATH, OpenBLAS's core type), for ONE process only.
# install-pytorch-peer.sh writes it to <prefix>/pytorch-peer.env; this script reads it.
#
#   benchmarks/peer/pytorch-env.sh python3 benchmarks/peer/alexnet_peer.py   run one command in it
#                                  ("python3"/"python" become the interpreter the peer was installed for)
#   benchmarks/peer/pytorch-env.sh                                           print the KEY=VALUE lines
#   ( source benchmarks/peer/pytorch-env.sh && python3 ... )                  export into a SUBSHELL
#
# Never export these into a shell that later starts .NET notebooks or TorchSharp: the private
# LD_LIBRARY_PATH holds Debian's libtorch 1.13, which must not shadow TorchSharp's own libtorch.
# The prefix is <repo>/artifacts/pytorch-peer unless PYTORCH_PEER_DIR says otherwise.

_peer_repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
_peer_dir="${PYTORCH_PEER_DIR:-$_peer_repo/artifacts/pytorch-peer}"
_peer_env="$_peer_dir/pytorch-peer.env"

# Debian 12's OpenBLAS 0.3.21 does not know processors newer than it (Intel Sapphire/Emerald Rapids, for
# one) and falls back to its SSE3 "Prescott" kernels there, at a fifth of the speed. Print the newest core
# type the processor's instruction set runs (nothing when unsure); the caller's own OPENBLAS_CORETYPE wins.
_peer_openblas_core() {
  local flags
  [[ -r /proc/cpuinfo ]] || return 0
  flags=" $(grep -m1 '^flags' /proc/cpuinfo | cut -d: -f2) "
  if [[ "$flags" == *" avx512f "* && "$flags" == *" avx512bw "* && "$flags" == *" avx512vl "* ]]; then
    if [[ "$flags" == *" avx512_bf16 "* ]]; then echo Cooperlake; else echo SkylakeX; fi
  elif [[ "$flags" == *" avx2 "* && "$flags" == *" fma "* ]]; then
    echo Haswell
  fi
}

# The env file's search paths are relative to the peer's folder (absolute ones, from older installs, stay as
# they are); print KEY=VALUE with every relative entry of a ':'-separated list resolved against that folder.
_peer_lines() {
  local k v d out _parts
  while IFS='=' read -r k v; do
    [[ -n "$k" ]] || continue
    if [[ "$k" == PYTHONPATH || "$k" == LD_LIBRARY_PATH ]]; then
      out=""
      IFS=: read -ra _parts <<<"$v"
      for d in "${_parts[@]}"; do
        [[ "$d" == /* ]] || d="$_peer_dir/$d"
        out="${out:+$out:}$d"
      done
      v="$out"
    fi
    printf '%s=%s\n' "$k" "$v"
  done <"$_peer_env"
  if [[ -z "${OPENBLAS_CORETYPE:-}" ]]; then
    k="$(_peer_openblas_core)"
    [[ -z "$k" ]] || printf 'OPENBLAS_CORETYPE=%s\n' "$k"
  fi
}

if [[ "${BASH_SOURCE[0]}" != "$0" ]]; then   # sourced: export into the current (sub)shell
  if [[ -r "$_peer_env" ]]; then
    while IFS='=' read -r _k _v; do [[ -n "$_k" ]] && export "$_k=$_v"; done < <(_peer_lines)
  else
    echo "pytorch-env.sh: $_peer_env not found; run benchmarks/peer/install-pytorch-peer.sh first." >&2
    return 1
  fi
  unset _k _v _parts _peer_repo _peer_dir _peer_env
  unset -f _peer_lines _peer_openblas_core
  return 0
fi

set -euo pipefail
[[ -r "$_peer_env" ]] || { echo "pytorch-env.sh: $_peer_env not found; run benchmarks/peer/install-pytorch-peer.sh first." >&2; exit 1; }
if (($# == 0)); then
  _peer_lines
  exit 0
fi
while IFS='=' read -r _k _v; do [[ -n "$_k" ]] && export "$_k=$_v"; done < <(_peer_lines)
if [[ "$1" == python3 || "$1" == python ]]; then
  shift
  set -- "${PEER_PYTHON:-/usr/bin/python3}" "$@"
fi
exec "$@"
