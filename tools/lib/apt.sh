# shellcheck shell=bash
# Sourced by the set-up scripts, not run: root rights for one command, and apt-get that waits for the package
# manager's locks instead of failing.
#
# While another apt-get, dpkg or unattended-upgrades holds the dpkg or apt locks, apt-get fails at once (exit 100).
# apt_get waits for them first, says which process holds them, and gives up after DEEPCNN_APT_LOCK_WAIT seconds
# (default 1200: an upgrade of a whole system can take that long). DEEPCNN_APT_LOCKS replaces the list of lock files
# (the tests use a lock file of their own).

# Runs a command as root: directly when this is root, else through sudo (which may ask for a password).
as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    echo "error: this step needs root and sudo is not installed; run as root: $*" >&2
    return 1
  fi
}

apt_lock_files() {
  echo "${DEEPCNN_APT_LOCKS:-/var/lib/dpkg/lock-frontend /var/lib/dpkg/lock /var/lib/apt/lists/lock /var/cache/apt/archives/lock}"
}

# One line "PID FILE" for each lock that a process holds on one of the lock files; nothing when all are free.
# Read from /proc/locks (no root needed, nothing taken): dpkg and apt lock with fcntl, listed there by inode.
apt_lock_holders() {
  local file inode
  [ -r /proc/locks ] || return 0
  for file in $(apt_lock_files); do
    [ -e "$file" ] || continue
    inode="$(stat -c %i "$file" 2>/dev/null)" || continue
    # "1: POSIX ADVISORY WRITE 1234 fe:01:5678 0 EOF"; a process waiting for a lock has "->" in field 2: skip it.
    awk -v inode="$inode" -v file="$file" '$2 != "->" { n = split($6, id, ":"); if (id[n] == inode) print $5, file }' /proc/locks
  done
}

# "pid 1234 (apt-get) on /var/lib/dpkg/lock-frontend, ..." for the holders given on standard input.
describe_apt_lock_holders() {
  local pid file command described=""
  while read -r pid file; do
    command="$(cat "/proc/$pid/comm" 2>/dev/null || echo "process")"
    described="${described:+$described, }pid $pid ($command) on $file"
  done
  echo "$described"
}

# Returns once no process holds a lock, saying so when it had to wait; fails after the limit.
wait_for_apt_locks() {
  local limit="${DEEPCNN_APT_LOCK_WAIT:-1200}" start="$SECONDS" next_report=30 holders waited
  holders="$(apt_lock_holders)"
  [ -n "$holders" ] || return 0
  echo "Waiting for the package manager, which another program is using: $(describe_apt_lock_holders <<<"$holders")."
  echo "  (waiting up to ${limit}s; DEEPCNN_APT_LOCK_WAIT=SECONDS changes that)"
  while [ -n "$holders" ]; do
    waited=$((SECONDS - start))
    if [ "$waited" -ge "$limit" ]; then
      echo "error: the package manager is still in use after ${waited}s: $(describe_apt_lock_holders <<<"$holders"). Run this again once it has finished." >&2
      return 1
    fi
    sleep 1
    if [ $((SECONDS - start)) -ge "$next_report" ]; then
      echo "  still waiting after $((SECONDS - start))s: $(describe_apt_lock_holders <<<"$holders")"
      next_report=$((next_report + 30))
    fi
    holders="$(apt_lock_holders)"
  done
  echo "The package manager is free (waited $((SECONDS - start))s)."
}

# apt-get as root, non-interactive, once the locks are free. Should another program take a lock between the check
# and apt-get's start, apt-get's own wait (DPkg::Lock::Timeout) covers the dpkg lock, and a failure with a lock held
# waits again.
apt_get() {
  local status tries=0
  while :; do
    wait_for_apt_locks || return 1
    status=0
    as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=120 "$@" || status=$?
    tries=$((tries + 1))
    if [ "$status" -eq 100 ] && [ "$tries" -lt 5 ] && [ -n "$(apt_lock_holders)" ]; then
      continue
    fi
    return "$status"
  done
}
