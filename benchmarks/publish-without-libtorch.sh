#!/usr/bin/env bash
# Publishes the benchmark into OUT without TorchSharp's own CPU libtorch (about 440 MB), for a machine that has
# a PyTorch install: run it there with --libtorch <that install's torch/lib>, which TorchSharp then uses (CPU or
# CUDA). A program may not carry TorchSharp's libtorch and load another: two copies of libtorch in one process
# abort at start-up ("Tried to register multiple backend fallbacks").
#
#   benchmarks/publish-without-libtorch.sh OUT [PROJECT...]     (default: the benchmark; tools/gpu-check adds its check)
#   dotnet OUT/DeepCnn.Benchmarks.dll --libtorch "$(python3 -c 'import torch,os;print(os.path.join(os.path.dirname(torch.__file__),"lib"))')" \
#       --peer-python python3 [--device cuda]
#
# What stays: the managed assemblies, the runtime config, TorchSharp's own native bridge (libLibTorchSharp.so,
# moved beside the assemblies, where TorchSharp looks first) and the PyTorch peer's worker (peer/alexnet_peer.py).
# The .deps.json goes too: it names the libtorch files, and .NET would look for them.
set -euo pipefail
out="${1:?usage: $0 OUT [PROJECT...]}"
shift
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
projects=("$@")
[ ${#projects[@]} -gt 0 ] || projects=("$repo/benchmarks/DeepCnn.Benchmarks")
rm -rf "$out"
# Programs published into one folder share the helper library and TorchSharp's managed assembly.
for project in "${projects[@]}"; do
  dotnet publish "$project" -c Release -r linux-x64 --self-contained false -o "$out" -nologo -v quiet
done
native="$out/runtimes/linux-x64/native"
[[ -f "$out/libLibTorchSharp.so" ]] || mv "$native/libLibTorchSharp.so" "$out/"
# Everything the libtorch-cpu package brings, wherever publish put it.
find "$out" \( -name 'libtorch*.so*' -o -name 'libc10*.so*' -o -name 'libgomp*.so*' -o -name 'libshm.so' \
  -o -name 'libaoti_custom_ops.so' -o -name 'libbackend_with_compiler.so' -o -name 'libjitbackend_test.so' \
  -o -name 'libnnapi_backend.so' \) -delete
rm -f "$out"/*.deps.json "$out"/*.pdb "$out"/*.xml
# Satellite resource folders (translated messages of Roslyn and friends) are not needed by the benchmark.
find "$out" -mindepth 1 -maxdepth 1 -type d ! -name peer -exec sh -c 'test -z "$(find "$1" -type f ! -name "*.resources.dll")"' _ {} \; -exec rm -rf {} +
[[ -f "$out/peer/alexnet_peer.py" ]] || { echo "publish-without-libtorch: the peer's worker is missing from $out/peer" >&2; exit 1; }
echo "published to $out ($(du -sh "$out" | cut -f1)); run it with --libtorch <a PyTorch install's torch/lib>"
