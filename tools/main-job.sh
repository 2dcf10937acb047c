#!/usr/bin/env bash
# The main job, from a fresh clone: installs what is missing (tools/install-prerequisites.sh: libstdc++ on Debian 12,
# the pinned .NET tools), then executes notebooks 01-06 top to bottom (tools/run-notebooks.sh) and writes the
# executed copies to artifacts/notebooks/full/ (artifacts/notebooks/quick/ with --quick).
#
#   bash tools/main-job.sh              # the real run: CIFAR-10 (downloaded on first use), parameters as written
#   bash tools/main-job.sh --quick      # offline: synthetic data, small subsets (minutes)
#
# Other arguments go to the notebook runner (notebooks to run, --output DIR, --env KEY=VALUE, ...). The exit code is
# the runner's. When a full run fails because CIFAR-10 cannot be downloaded, the last lines name the quick command.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

bash tools/install-prerequisites.sh

# Is this the quick profile, as the notebooks will see it? As in the runner: an explicit --env ALEXNET_PROFILE=...
# wins over --quick, which wins over the environment. The other arguments are kept to suggest the quick command.
profile="${ALEXNET_PROFILE:-}"
quick_flag=false
env_profile=""
env_given=false
expect_env=false
others=()
for argument in "$@"; do
  if $expect_env; then
    expect_env=false
    if [[ "$argument" == ALEXNET_PROFILE=* ]]; then env_profile="${argument#ALEXNET_PROFILE=}"; env_given=true; unset 'others[-1]'; continue; fi
    others+=("$argument"); continue
  fi
  case "$argument" in
    --quick) quick_flag=true; continue ;;
    -e|--env) expect_env=true ;;
    --env=ALEXNET_PROFILE=*) env_profile="${argument#--env=ALEXNET_PROFILE=}"; env_given=true; continue ;;
  esac
  others+=("$argument")
done
if $env_given; then profile="$env_profile"; elif $quick_flag; then profile=quick; fi
quick=false
[[ "$(echo "$profile" | tr -d '[:space:]' | tr '[:upper:]' '[:lower:]')" == quick ]] && quick=true

# The runner's errors go to the console as they come and to a file, to tell a failed download from other failures.
errors="$(mktemp)"
trap 'rm -f "$errors"' EXIT
exec 3>&1
set +e
bash tools/run-notebooks.sh "$@" 2>&1 1>&3 3>&- | tee "$errors" >&2
status=${PIPESTATUS[0]}
set -e
exec 3>&-

if [ "$status" -ne 0 ] && ! $quick && grep -q 'CifarDownloadException' "$errors"; then
  quick_command="bash tools/main-job.sh --quick"
  for argument in ${others[@]+"${others[@]}"}; do quick_command+=" $(printf '%q' "$argument")"; done
  {
    echo
    echo "CIFAR-10 could not be downloaded (is this machine offline?). Run the quick profile instead, on synthetic data:"
    echo
    echo "    $quick_command"
    echo
    echo "or point ALEXNET_CIFAR10_SOURCE at a copy of CIFAR-10 you have (an absolute path to the archive or its folder,"
    echo "or a mirror URL) and run this command again."
  } >&2
fi
exit "$status"
