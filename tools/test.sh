#!/usr/bin/env bash
# All the tests, from a fresh clone: installs what is missing (tools/install-prerequisites.sh: libstdc++ on Debian 12,
# the pinned .NET tools; tools/install-test-clients.sh: nbconvert, nbformat, Chromium, ss), then runs
# `dotnet test AlexNetSeries.slnx`: the helper library, the runner, and the series under our runner and nbconvert.
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
# -m:3: the three test projects run at once (by default two would, one per core, and the library's tests would wait
# for the notebooks' instead of running while those wait on notebooks).
dotnet test AlexNetSeries.slnx -m:3 --logger "console;verbosity=normal" "$@"
