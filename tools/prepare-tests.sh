#!/usr/bin/env bash
# Everything the tests need, from a fresh clone: installs what is missing (tools/install-prerequisites.sh: libstdc++
# on Debian 12, the pinned .NET tools; tools/install-test-clients.sh: nbconvert, nbformat, Chromium, ss), then builds
# the solution in Release. README's test command runs it before `dotnet test`:
#
#   bash tools/prepare-tests.sh && dotnet test AlexNetSeries.slnx -c Release --no-build
#
# Release, because the notebooks reference the Release helper library, which the tests' own build of it then finds
# up to date; built here rather than by dotnet test, because during a build MSBuild held the library's tests back
# until the notebooks' had finished.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

bash tools/install-prerequisites.sh
bash tools/install-test-clients.sh
dotnet build AlexNetSeries.slnx -c Release --nologo
