#!/usr/bin/env bash
# Installs the ".NET (C#)" Jupyter kernel, and only that one, from the dotnet-interactive tool pinned in
# .config/dotnet-tools.json, with the kernel's HTTP API bound to loopback (--http-local-only) and closed to web pages
# that are not served from loopback (tools/KernelOriginGuard).
#
#   bash tools/install-jupyter-kernel.sh                  # into Jupyter's user data folder
#   bash tools/install-jupyter-kernel.sh --data-dir DIR   # into DIR; then run Jupyter with JUPYTER_PATH=DIR
#
# Where: DIR/kernels/.net-csharp/kernel.json, and the guard in DIR/kernels/.net-csharp/origin-guard/. DIR defaults to $JUPYTER_DATA_DIR, else `jupyter --data-dir`
# (~/.local/share/jupyter on Linux), where Jupyter looks for a user's kernels. The kernel starts the pinned
# tool's own assembly by full path, so it runs whatever folder Jupyter starts it in (the notebook's folder);
# run this script again after changing the pin. Safe to run again: it rewrites the same file.
#
# Why: the kernel serves an HTTP API (ports 2048-3000) without any authentication; anyone who can reach it can read
# the kernel's variables and run code. Bound to loopback, only this machine can. But a web page open in a browser on
# this machine reaches loopback too, and the kernel's own CORS policy lets every origin in, with credentials; its
# jupyter command has no switch to turn the API off or to limit it. So the kernel starts with a small guard (a
# .NET startup hook that adds an ASP.NET Core hosting startup) that refuses requests from pages not served from
# loopback (Jupyter's are) and requests under a host name other than loopback's (DNS rebinding).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

usage() { sed -n '2,10p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }

data_dir=""
while [ $# -gt 0 ]; do
  case "$1" in
    --data-dir) [ $# -ge 2 ] || { echo "error: --data-dir needs a folder" >&2; exit 2; }; data_dir="$2"; shift 2 ;;
    --data-dir=*) data_dir="${1#--data-dir=}"; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "error: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
  esac
done

if [ -z "$data_dir" ]; then
  if [ -n "${JUPYTER_DATA_DIR:-}" ]; then
    data_dir="$JUPYTER_DATA_DIR"
  elif command -v jupyter >/dev/null 2>&1; then
    data_dir="$(jupyter --data-dir)"
  else
    data_dir="$HOME/.local/share/jupyter"
  fi
fi

cd "$root"
dotnet tool restore >/dev/null
version="$(dotnet tool list --local | awk '$1 == "microsoft.dotnet-interactive" { print $2 }')"
[ -n "$version" ] || { echo "error: .config/dotnet-tools.json pins no microsoft.dotnet-interactive tool" >&2; exit 1; }
packages="$(dotnet nuget locals global-packages --list | sed 's/^global-packages: *//')"
app="$(find "${packages%/}/microsoft.dotnet-interactive/$version/tools" -name Microsoft.DotNet.Interactive.App.dll -print -quit 2>/dev/null || true)"
[ -n "$app" ] || { echo "error: dotnet-interactive $version is not in $packages after 'dotnet tool restore'" >&2; exit 1; }
# Jupyter may start the kernel with another PATH than this shell's: name the host by its full path.
dotnet_host="$(command -v dotnet)"
dotnet_host="$(readlink -f "$dotnet_host")"

kernel="$data_dir/kernels/.net-csharp"
mkdir -p "$kernel"
# The guard is built into the kernel's own folder, so the kernel does not depend on this clone's bin/.
guard="$kernel/origin-guard"
dotnet build tools/KernelOriginGuard/DeepCnn.KernelOriginGuard.csproj -c Release -o "$guard" --nologo -v quiet >/dev/null
[ -f "$guard/DeepCnn.KernelOriginGuard.dll" ] || { echo "error: building tools/KernelOriginGuard did not produce $guard/DeepCnn.KernelOriginGuard.dll" >&2; exit 1; }
temp="$(mktemp "$kernel/.kernel.json.XXXXXX")"
cat > "$temp" <<JSON
{
  "argv": [
    "$dotnet_host",
    "$app",
    "jupyter",
    "--default-kernel",
    "csharp",
    "{connection_file}",
    "--http-local-only",
    "--http-port-range",
    "2048-3000"
  ],
  "env": {
    "DOTNET_STARTUP_HOOKS": "$guard/DeepCnn.KernelOriginGuard.dll",
    "ASPNETCORE_HOSTINGSTARTUPASSEMBLIES": "DeepCnn.KernelOriginGuard"
  },
  "display_name": ".NET (C#)",
  "language": "C#",
  "metadata": {
    "vscode": {
      "extension_id": "ms-dotnettools.dotnet-interactive-vscode",
      "kernel_id": "dotnet-interactive"
    }
  }
}
JSON
mv -f "$temp" "$kernel/kernel.json"
echo "Installed the .NET (C#) kernel (dotnet-interactive $version, HTTP API on loopback only, refusing other pages' origins) in $kernel"
