#!/usr/bin/env bash
# Starts the PyTorch peer worker, sends info / setup / matmul / train (chapter, one repetition) / quit,
# and checks that every response is one JSON line, in order, successful, that both AlexNet variants
# have the expected parameter counts and that the peer names its PyTorch, BLAS and device.
# Exits 0 when all is well, non-zero otherwise.
#   benchmarks/peer/selfcheck.sh                       the private Debian install (PYTORCH_PEER_DIR as for
#                                                      install-pytorch-peer.sh): also checks torch 1.13 + OpenBLAS
#   benchmarks/peer/selfcheck.sh PYTHON [DEVICE]       any Python with PyTorch, e.g. python3 cuda
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
python="${1:-$here/debian-python}"
device="${2:-cpu}"
debian=0
[[ "$(basename "$python")" == debian-python ]] && debian=1

requests='{"op":"info","id":1}
{"op":"setup","id":2,"threads":2,"seed":0,"device":"'"$device"'"}
{"op":"matmul","id":3,"n":1024,"reps":2,"warmup":1}
{"op":"train","id":4,"variant":"chapter","batch":64,"image":224,"reps":1}
{"op":"quit","id":5}'

out="$(mktemp)"; err="$(mktemp)"
trap 'rm -f "$out" "$err"' EXIT
status=0
printf '%s\n' "$requests" \
  | timeout 600 "$python" "$here/alexnet_peer.py" >"$out" 2>"$err" || status=$?
if ((status != 0)); then
  echo "selfcheck: FAILED: the worker exited with status $status" >&2
  tail -n 20 "$err" >&2
  exit 1
fi

# Checked with the system python's standard library only (no torch needed here).
/usr/bin/python3 - "$out" "$debian" "$device" <<'PY'
import json, sys

debian, device = sys.argv[2] == "1", sys.argv[3]
expected_params = {"chapter": 21247306, "classic": 46787978}
lines = open(sys.argv[1]).read().splitlines()
problems = []
if len(lines) != 5:
    problems.append(f"expected 5 response lines, got {len(lines)}")
responses = []
for i, line in enumerate(lines, 1):
    try:
        responses.append(json.loads(line))
    except ValueError as e:
        problems.append(f"line {i} is not JSON ({e}): {line[:200]!r}")
for i, (r, op) in enumerate(zip(responses, ["info", "setup", "matmul", "train", "quit"]), 1):
    if r.get("id") != i or r.get("op") != op:
        problems.append(f"response {i}: expected id {i} op {op}, got id {r.get('id')} op {r.get('op')}")
    if r.get("ok") is not True:
        problems.append(f"response {i} ({op}) failed: {r.get('error')}")
by_op = {r.get("op"): r for r in responses}
info, setup = by_op.get("info", {}), by_op.get("setup", {})
for where in (info, setup):
    if where.get("params") != expected_params:
        problems.append(f"{where.get('op')}: params {where.get('params')} != {expected_params}")
blas = " ".join(info.get("blas", {}).get("libraries", []))
if debian and not str(info.get("torch", "")).startswith("1.13"):
    problems.append(f"info: torch {info.get('torch')!r}, expected 1.13")
if debian and "openblas" not in blas:
    problems.append(f"info: OpenBLAS is not loaded (BLAS libraries: {blas or 'none'})")
if not info.get("blas", {}).get("name"):
    problems.append(f"info: the BLAS has no name: {info.get('blas')}")
if not str(setup.get("device", "")).startswith(device) or not setup.get("device_name"):
    problems.append(f"setup: device {setup.get('device')!r} ({setup.get('device_name')!r}), expected {device}")
if setup.get("threads") != 2:
    problems.append(f"setup: threads {setup.get('threads')} != 2")
mm = by_op.get("matmul", {})
if len(mm.get("seconds", [])) != 2 or not all(g > 0 for g in mm.get("gflops", [0])):
    problems.append(f"matmul: unexpected {mm}")
tr = by_op.get("train", {})
if len(tr.get("seconds", [])) != 1 or not (tr.get("loss") or 0) > 0:
    problems.append(f"train: unexpected {tr}")

if problems:
    print("selfcheck: FAILED", *problems, sep="\n  ", file=sys.stderr)
    sys.exit(1)
print(f"selfcheck: OK: torch {info['torch']}, python {info['python']} ({info['python_executable']}), "
      f"BLAS {info['blas']['name']}; device {setup['device']} ({setup['device_name']}); params {info['params']}; "
      f"matmul n=1024 best {mm['best_gflops']:.1f} GFLOP/s; "
      f"chapter train batch 64: {tr['seconds'][0]:.2f} s/step ({tr['images_per_s']:.1f} images/s)")
PY
