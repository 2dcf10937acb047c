#!/usr/bin/env bash
# Executes every notebook under notebooks/ top to bottom, headless, and writes the executed copies (with their
# outputs) to artifacts/notebooks/full/, or artifacts/notebooks/quick/ in the quick profile, so the two never mix.
# The main job (tools/main-job.sh) installs what is missing and then runs this. Extra arguments go to the notebook
# runner, for example:
#   bash tools/run-notebooks.sh --quick                          # offline: synthetic data, small subsets (minutes)
#   bash tools/run-notebooks.sh notebooks/03-data.ipynb          # one notebook
#   bash tools/run-notebooks.sh --output DIR ...                 # the executed copies somewhere else
# Exit code: 0 when every cell of every notebook ran, 1 when a cell failed (the runner names it), 2 for bad arguments.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

# The notebooks reference the helper library's Release build by relative path; build it and the runner first.
dotnet build helpers/Notebook/DeepCnn.Notebook.csproj -c Release --nologo -v quiet   # builds DeepCnn.Helpers too
dotnet build tools/NotebookRunner/DeepCnn.NotebookRunner.csproj -c Release --nologo -v quiet

# Notebook paths given explicitly replace the default folder.
targets=()
options=()
takes_value=false
for argument in "$@"; do
  if $takes_value; then
    options+=("$argument"); takes_value=false   # the value of the option before it (--output DIR is no target)
  elif [[ "$argument" == -o || "$argument" == --output || "$argument" == -e || "$argument" == --env || "$argument" == --cell-timeout || "$argument" == --heartbeat ]]; then
    options+=("$argument"); takes_value=true
  elif [[ "$argument" == *.ipynb || -d "$argument" ]]; then
    targets+=("$argument")
  else
    options+=("$argument")
  fi
done
[ ${#targets[@]} -gt 0 ] || targets=(notebooks)

# The runner picks the output folder from the profile (artifacts/notebooks/quick or full) unless --output is given.
exec dotnet tools/NotebookRunner/bin/Release/net10.0/DeepCnn.NotebookRunner.dll "${options[@]}" "${targets[@]}"
