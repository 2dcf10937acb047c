#!/usr/bin/env bash
# The GPU check, in one command, on a machine with an NVIDIA GPU and a PyTorch install (no .NET or network needed when
# tools/gpu-check/pack.sh has packed artifacts/gpu-check/ beforehand):
#   1. trains both AlexNet variants for a few epochs on synthetic data with the notebooks' own code (DeepCnn.Chapter),
#      reloads each checkpoint and evaluates it, and compares a whole epoch's speed with the training step's;
#   2. runs the benchmark on the GPU against a PyTorch peer on the same GPU, at batch 64 and at batch 256.
# TorchSharp's CUDA package is not needed: the programs load the PyTorch install's libtorch (CPU and CUDA).
#
#   bash tools/gpu-check/run.sh [OUTPUT]      # default artifacts/gpu-check/results; about 5 minutes on an H100/H200
# Environment, all optional: PYTHON (the interpreter with PyTorch; default python3), LIBTORCH (default: that
# PyTorch's torch/lib), DEVICE (default cuda), BATCHES (benchmark batches, default "64 256"), GPU_CHECK_ARGS and
# BENCHMARK_ARGS (extra arguments for the check and the benchmark; a dry run on a CPU uses these to shrink the work).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
out="$(mkdir -p "${1:-artifacts/gpu-check/results}" && cd "${1:-artifacts/gpu-check/results}" && pwd)"
python="${PYTHON:-python3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

[ -f artifacts/gpu-check/app.tar.xz ] || { echo "run.sh: artifacts/gpu-check/app.tar.xz is missing; run tools/gpu-check/pack.sh where .NET is" >&2; exit 2; }
tar -xJf artifacts/gpu-check/app.tar.xz -C "$work"
if [ -f artifacts/gpu-check/dotnet-runtime.tar.xz ]; then
  mkdir -p "$work/dotnet" && tar -xJf artifacts/gpu-check/dotnet-runtime.tar.xz -C "$work/dotnet"
  export DOTNET_ROOT="$work/dotnet" PATH="$work/dotnet:$PATH"
fi
command -v dotnet >/dev/null || { echo "run.sh: no dotnet and no packed runtime" >&2; exit 2; }

device="${DEVICE:-cuda}"
libtorch="${LIBTORCH:-$("$python" -c 'import os, torch; print(os.path.join(os.path.dirname(torch.__file__), "lib"))')}"
{
  echo "PyTorch: $("$python" -c 'import torch; print(torch.__version__, "CUDA", torch.version.cuda, "available:", torch.cuda.is_available())')"
  nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader 2>/dev/null || echo "nvidia-smi: not available"
} | tee "$out/machine.txt"

# The libraries beside libtorch (cuDNN, cuBLAS, ...) are found through it; the path is also what gpu.md's recipe used.
export LD_LIBRARY_PATH="$libtorch${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
status=0
echo "== 1. training, checkpoint and evaluation with the notebooks' code"
# shellcheck disable=SC2086 # GPU_CHECK_ARGS is a list of arguments
timeout 900 dotnet "$work/app/DeepCnn.GpuCheck.dll" --libtorch "$libtorch" --device "$device" --output "$out/check" ${GPU_CHECK_ARGS:-} || status=1
for batch in ${BATCHES:-64 256}; do
  echo "== 2. benchmark against PyTorch on the same device, batch $batch"
  # shellcheck disable=SC2086 # BENCHMARK_ARGS is a list of arguments
  timeout 900 dotnet "$work/app/DeepCnn.Benchmarks.dll" --libtorch "$libtorch" --peer-python "$python" --device "$device" \
    --train-batch "$batch" --reps 7 --no-allocator-runs --growth-steps 50 --profile-steps 1 --out "$out/benchmark-batch-$batch" \
    ${BENCHMARK_ARGS:-} || status=1
done
echo "results: $out (check/gpu-check.md, benchmark-batch-*/benchmark-*.md)"
exit $status
