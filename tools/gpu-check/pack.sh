#!/usr/bin/env bash
# Packs the GPU check so it can travel to a machine with an NVIDIA GPU and a PyTorch install but no .NET and no
# network (see tools/gpu-check/README.md): the check and the benchmark published without TorchSharp's CPU libtorch,
# and the .NET runtime they need. Both archives land in artifacts/gpu-check/ (ignored by git), about 35 MB together.
#
#   bash tools/gpu-check/pack.sh            # here, where the .NET SDK is
#   bash tools/gpu-check/run.sh             # there, from the repository root (or a copy with artifacts/gpu-check/)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
pack="artifacts/gpu-check"
mkdir -p "$pack"
staging="$(mktemp -d)"
trap 'rm -rf "$staging"' EXIT

bash benchmarks/publish-without-libtorch.sh "$staging/app" tools/GpuCheck benchmarks/DeepCnn.Benchmarks
tar -cJf "$pack/app.tar.xz.tmp" -C "$staging" app
mv "$pack/app.tar.xz.tmp" "$pack/app.tar.xz"

# The shared runtime the programs target (net10.0), from the SDK's own dotnet folder.
dotnet_root="$(dirname "$(readlink -f "$(command -v dotnet)")")"
runtime="$(dotnet --list-runtimes | awk '$1 == "Microsoft.NETCore.App" && $2 ~ /^10\./ { version = $2 } END { print version }')"
[ -n "$runtime" ] || { echo "pack.sh: no .NET 10 runtime found beside $(command -v dotnet)" >&2; exit 1; }
tar -cJf "$pack/dotnet-runtime.tar.xz.tmp" -C "$dotnet_root" dotnet host "shared/Microsoft.NETCore.App/$runtime"
mv "$pack/dotnet-runtime.tar.xz.tmp" "$pack/dotnet-runtime.tar.xz"

echo "packed into $pack: $(du -ch "$pack"/*.tar.xz | tail -1 | cut -f1) (app and .NET $runtime); on the GPU machine run: bash tools/gpu-check/run.sh"
