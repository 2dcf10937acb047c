#!/usr/bin/env bash
# All the tests, from a fresh clone: installs what is missing (tools/install-prerequisites.sh: libstdc++ on Debian 12,
# the pinned .NET tools; tools/install-test-clients.sh: nbconvert, nbformat, Chromium, ss), then runs
# `dotnet test AlexNetSeries.slnx` (in Release): the helper library, the runner, and the series under our runner and nbconvert.
#
#   bash tools/test.sh                                  # everything (what .ci/run runs)
#   bash tools/test.sh --filter "FullyQualifiedName~X"  # extra arguments go to dotnet test
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

bash tools/install-prerequisites.sh
bash tools/install-test-clients.sh

# The notebook runs report what they execute to a file (a test host's console is not shown while it runs); follow it
# here, so a line appears at least every 30 s, while dotnet test prints each test as it passes.
progress="$(mktemp "${TMPDIR:-/tmp}/alexnet-test-progress.XXXXXX")"
export DEEPCNN_TEST_PROGRESS="$progress"
tail -n +1 -f --pid=$$ "$progress" &
follower=$!
trap 'kill "$follower" 2>/dev/null || true; rm -f "$progress"' EXIT
# Everything in Release, built once up front: the notebooks reference the Release helper library, so the tests'
# own build of it then finds nothing to do. With the build done, -m:3 starts the three test projects at once (during
# a build, MSBuild held the library's tests back until the notebooks' had finished).
dotnet build AlexNetSeries.slnx -c Release --nologo
dotnet test AlexNetSeries.slnx -c Release --no-build -m:3 --logger "console;verbosity=normal" "$@"
