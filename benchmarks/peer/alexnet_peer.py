"""PyTorch side of the TorchSharp-vs-PyTorch AlexNet benchmark: a long-lived worker.

Run it through the private environment (see README.md):
    benchmarks/peer/pytorch-env.sh python3 benchmarks/peer/alexnet_peer.py

Protocol: JSON lines. One request per line on stdin, exactly one response per line on stdout, in
order. Nothing else is ever written to stdout (file descriptor 1 is pointed at stderr at start-up,
so stray output from Python or native libraries lands in the log). Logs go to stderr.
The worker stops on {"op":"quit"} or at the end of stdin.

On CUDA every timed region ends with torch.cuda.synchronize(), so a time covers the GPU's work.

Every request is an object with "op"; an optional "id" (any JSON value) is echoed back. Every
response has "op", "ok" and, when given, "id". On failure: {"ok": false, "error": "..."}; the worker
keeps running. Times are seconds from time.perf_counter, one entry per timed repetition.

  {"op":"info"}
      -> torch, python, python_executable, pid, cpu, blas {name, libraries, openblas_config,
         openblas_corename, openblas_threads}, threads, interop_threads, mkldnn, cuda_available,
         cuda_version, config (torch.__config__.show()), params {"chapter": 21247306, "classic": 46787978}
  {"op":"setup","threads":2,"seed":0,"interop_threads":1,"device":"cpu"}   (all fields optional)
      -> torch.set_num_threads(threads) and the same for OpenBLAS's own thread pool;
         torch.set_num_interop_threads(interop_threads) once (PyTorch allows it only once);
         torch.manual_seed(seed). A new seed or device drops the cached models and inputs.
         "device": "cpu" (default), "cuda" or "cuda:N"; asking for CUDA where PyTorch has none fails.
      -> threads, interop_threads, blas_threads, seed, params, device, device_name (the GPU's name
         on CUDA, the processor's on the CPU), cudnn (cuDNN's version on CUDA)
  {"op":"matmul","n":2048,"reps":1,"warmup":0}
      -> n, seconds [..], gflops [..] (2*n^3 / seconds), best_gflops
  {"op":"train","variant":"chapter","batch":64,"image":224,"reps":1,"warmup":0,"inplace":false}
      -> variant, batch, image, inplace, seconds [..], median_s, images_per_s (batch / median_s),
         loss, minor_faults (page faults during the timed repetitions, all together),
         built_s (time spent building model+optimizer+input in this request; 0 when cached)
         One step = optimizer.zero_grad(set_to_none=True), forward, cross-entropy, backward,
         SGD step (lr 0.01, momentum 0.9), model in train mode, on a fixed random batch.
         Model, optimizer and batch are kept per (variant, batch, image, inplace); "inplace": true
         builds the model with ReLU(inplace=True), as a framework whose ReLU works in place does.
  {"op":"eval","variant":"classic","batch":256,"image":224,"reps":1,"warmup":0,"inplace":false}
      -> same fields as train except loss; forward only, eval mode, under torch.no_grad().
         Its model and batch are kept per (variant, batch, image, inplace), apart from train's.
  {"op":"profile","variant":"chapter","batch":64,"image":224,"inplace":false}
      -> layers [{name, output_shape, forward_s, backward_s}], loss_forward_s, loss_backward_s,
         zero_grad_s, optimizer_step_s, step_s. Times one training step (after one untimed step
         when the model is new) with hooks on each top-level layer of features and classifier.
         A layer's backward_s runs from the moment the gradient of its output is ready to the
         moment the gradient of its input is ready (for the first layer: to the end of backward).
  {"op":"rss","reset_peak":false}
      -> rss_bytes (VmRSS), peak_rss_bytes (VmHWM), minor_faults (since the start) of this
         process; on CUDA also cuda_allocated_bytes and cuda_peak_bytes (PyTorch's caching allocator). "reset_peak": true first collects garbage, hands free heap memory back to the
         system (malloc_trim) and resets VmHWM to the current RSS (/proc/self/clear_refs), so a
         later peak belongs to what ran in between; peak_reset says whether the kernel allowed it.
  {"op":"pipeline","folder":".../cifar-10-batches-bin","batch":64,"image":224,"batches":10,
   "mean":[r,g,b],"std":[r,g,b],"reps":1,"warmup":0,"seed":0}
      -> batch, image, batches, images, seconds [..], median_s, images_per_s, minor_faults.
         The input pipeline alone: the data_batch_*.bin records are read into memory once (kept per
         folder, load_s in the first answer), then each repetition shuffles (NumPy), and for each of
         `batches` batches gathers the records, converts to float, scales to [0, 1], normalises
         per channel and resizes bilinearly to image x image, as the C# BatchLoader does.
  {"op":"reset"} -> drops the cached models, optimizers and inputs
  {"op":"quit"}  -> {"op":"quit","ok":true}, then the worker exits with status 0

The two AlexNet variants (ReLU after every conv and hidden dense layer, 10 classes, Xavier-uniform
weights and zero biases) are built by `build_model`; `PARAMS` holds their parameter counts, which the
C# side can compare with its own.
"""
import json
import os
import sys

# The protocol owns the real stdout; everything else written to fd 1 goes to stderr.
_protocol = os.fdopen(os.dup(1), "w", buffering=1, encoding="utf-8")
os.dup2(2, 1)
sys.stdout = sys.stderr

import ctypes  # noqa: E402
import gc  # noqa: E402
import math  # noqa: E402
import platform  # noqa: E402
import re  # noqa: E402
import statistics  # noqa: E402
import time  # noqa: E402

import numpy as np  # noqa: E402
import torch  # noqa: E402
import torch.nn as nn  # noqa: E402
import torch.nn.functional as F  # noqa: E402

PARAMS = {"chapter": 21_247_306, "classic": 46_787_978}
CLASSES = 10


def log(msg):
    print(f"alexnet_peer: {msg}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------- models

def build_model(variant, device=None, inplace=False):
    """The chapter's AlexNet (no padding, 256x1x1 at the end of features) or the classic one."""
    if variant == "chapter":
        convs = [(3, 96, 11, 4, 0), (96, 192, 5, 1, 0), (192, 384, 3, 1, 0),
                 (384, 384, 3, 1, 0), (384, 256, 3, 1, 0)]
        flat = 256 * 1 * 1
    elif variant == "classic":
        convs = [(3, 96, 11, 4, 1), (96, 256, 5, 1, 2), (256, 384, 3, 1, 1),
                 (384, 384, 3, 1, 1), (384, 256, 3, 1, 1)]
        flat = 256 * 5 * 5
    else:
        raise ValueError(f"unknown variant {variant!r} (chapter or classic)")
    features = []
    for i, (cin, cout, k, s, p) in enumerate(convs):
        features += [nn.Conv2d(cin, cout, k, stride=s, padding=p, device=device), nn.ReLU(inplace)]
        if i in (0, 1, 4):
            features.append(nn.MaxPool2d(3, 2))
    classifier = [nn.Flatten(),
                  nn.Linear(flat, 4096, device=device), nn.ReLU(inplace), nn.Dropout(0.5),
                  nn.Linear(4096, 4096, device=device), nn.ReLU(inplace), nn.Dropout(0.5),
                  nn.Linear(4096, CLASSES, device=device)]
    model = nn.Sequential()
    model.add_module("features", nn.Sequential(*features))
    model.add_module("classifier", nn.Sequential(*classifier))
    for m in model.modules():
        if isinstance(m, (nn.Conv2d, nn.Linear)):
            nn.init.xavier_uniform_(m.weight)
            nn.init.zeros_(m.bias)
    return model


def count_params(variant):
    model = build_model(variant, device="meta")  # shapes only, no memory
    return sum(p.numel() for p in model.parameters())


def layer_name(qualified, m):
    """'features.0 Conv2d(3,96,k11,s4)' and the like."""
    if isinstance(m, nn.Conv2d):
        desc = f"Conv2d({m.in_channels},{m.out_channels},k{m.kernel_size[0]},s{m.stride[0]}"
        desc += f",p{m.padding[0]})" if m.padding[0] else ")"
    elif isinstance(m, nn.MaxPool2d):
        desc = f"MaxPool2d(k{m.kernel_size},s{m.stride})"
    elif isinstance(m, nn.Linear):
        desc = f"Linear({m.in_features},{m.out_features})"
    elif isinstance(m, nn.Dropout):
        desc = f"Dropout({m.p})"
    else:
        desc = type(m).__name__
    return f"{qualified} {desc}"


# ---------------------------------------------------------------- state

class Worker:
    def __init__(self):
        self.seed = 0
        self.device = torch.device("cpu")
        self.interop_set = False
        self.cache = {}  # (mode, variant, batch, image, inplace) -> dict(model, x, y, opt)
        self.datasets = {}  # folder -> (uint8 images N x 3 x 32 x 32, load seconds)
        self.openblas = self._find_openblas()
        self.params = {v: count_params(v) for v in PARAMS}
        for v, n in self.params.items():
            if n != PARAMS[v]:
                log(f"WARNING: {v} has {n} parameters, expected {PARAMS[v]}")

    @staticmethod
    def _mapped_libraries(words):
        paths = set()
        with open("/proc/self/maps") as f:
            for line in f:
                parts = line.split()
                if len(parts) >= 6 and any(w in os.path.basename(parts[5]) for w in words):
                    paths.add(parts[5])
        return sorted(paths)

    def _find_openblas(self):
        for path in self._mapped_libraries(["openblas"]):
            try:
                lib = ctypes.CDLL(path)
                lib.openblas_get_config.restype = ctypes.c_char_p
                lib.openblas_get_corename.restype = ctypes.c_char_p
                return lib
            except (OSError, AttributeError):
                pass
        return None

    def blas_threads(self):
        return self.openblas.openblas_get_num_threads() if self.openblas else None

    # -- ops

    def op_info(self, req):
        config = torch.__config__.show()
        blas = {"libraries": self._mapped_libraries(["blas", "lapack"])}
        if self.openblas:
            blas["openblas_config"] = self.openblas.openblas_get_config().decode()
            blas["openblas_corename"] = self.openblas.openblas_get_corename().decode()
            blas["openblas_threads"] = self.blas_threads()
        blas["name"] = blas_name(blas, config)
        return {"torch": torch.__version__, "python": platform.python_version(),
                "python_executable": sys.executable, "pid": os.getpid(), "cpu": cpu_name(),
                "blas": blas, "threads": torch.get_num_threads(),
                "interop_threads": torch.get_num_interop_threads(),
                "mkldnn": torch.backends.mkldnn.is_available(),
                "cuda_available": torch.cuda.is_available(), "cuda_version": torch.version.cuda,
                "config": config, "params": self.params}

    def op_setup(self, req):
        out = {}
        if "threads" in req:
            n = int(req["threads"])
            torch.set_num_threads(n)
            if self.openblas:
                self.openblas.openblas_set_num_threads(n)
        interop = int(req.get("interop_threads", 1))
        if not self.interop_set and torch.get_num_interop_threads() != interop:
            try:
                torch.set_num_interop_threads(interop)
            except RuntimeError as e:  # only allowed before the first inter-op work
                out["interop_note"] = str(e)
        self.interop_set = True
        if "seed" in req:
            seed = int(req["seed"])
            if seed != self.seed:
                self.cache.clear()
            self.seed = seed
        if "device" in req:
            device = torch.device(str(req["device"]))
            if device.type == "cuda" and not torch.cuda.is_available():
                raise ValueError(f"device {req['device']!r} asked for, but this PyTorch ({torch.__version__}) "
                                 f"has no CUDA device (torch.cuda.is_available() is False)")
            if device.type not in ("cpu", "cuda"):
                raise ValueError(f"unknown device {req['device']!r} (cpu, cuda or cuda:N)")
            if device != self.device:
                self.cache.clear()
            self.device = device
        torch.manual_seed(self.seed)
        out.update(threads=torch.get_num_threads(), interop_threads=torch.get_num_interop_threads(),
                   blas_threads=self.blas_threads(), seed=self.seed, params=self.params,
                   device=str(self.device), device_name=self.device_name(),
                   cudnn=torch.backends.cudnn.version() if self.cuda else None)
        return out

    @property
    def cuda(self):
        return self.device.type == "cuda"

    def device_name(self):
        return torch.cuda.get_device_name(self.device) if self.cuda else cpu_name()

    def sync(self):
        """Waits for the GPU: CUDA calls return before the work is done."""
        if self.cuda:
            torch.cuda.synchronize(self.device)

    def op_matmul(self, req):
        n, reps, warmup = int(req.get("n", 2048)), int(req.get("reps", 1)), int(req.get("warmup", 0))
        key = ("matmul", n)
        if key not in self.cache:
            g = torch.Generator().manual_seed(self.seed)
            self.cache = {k: v for k, v in self.cache.items() if k[0] != "matmul"}
            self.cache[key] = {"a": torch.randn(n, n, generator=g).to(self.device),
                               "b": torch.randn(n, n, generator=g).to(self.device)}
        a, b = self.cache[key]["a"], self.cache[key]["b"]
        for _ in range(warmup):
            torch.mm(a, b)
        seconds = []
        for _ in range(reps):
            self.sync()
            t0 = time.perf_counter()
            torch.mm(a, b)
            self.sync()
            seconds.append(time.perf_counter() - t0)
        gflops = [2 * n ** 3 / s / 1e9 for s in seconds]
        return {"n": n, "seconds": seconds, "gflops": gflops, "best_gflops": max(gflops)}

    def _entry(self, mode, req):
        variant = req.get("variant", "chapter")
        batch = int(req.get("batch", 64 if mode == "train" else 256))
        image = int(req.get("image", 224))
        inplace = bool(req.get("inplace", False))
        key = (mode, variant, batch, image, inplace)
        built = 0.0
        if key not in self.cache:
            t0 = time.perf_counter()
            torch.manual_seed(self.seed)  # the same weights and batch whatever came before
            model = build_model(variant, inplace=inplace).to(self.device)
            entry = {"model": model,
                     "x": torch.randn(batch, 3, image, image).to(self.device),
                     "y": torch.randint(0, CLASSES, (batch,)).to(self.device)}
            if mode == "train":
                model.train()
                entry["opt"] = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
            else:
                model.eval()
            self.cache[key] = entry
            built = time.perf_counter() - t0
        return key, self.cache[key], built

    @staticmethod
    def _train_step(e):
        e["opt"].zero_grad(set_to_none=True)
        loss = F.cross_entropy(e["model"](e["x"]), e["y"])
        loss.backward()
        e["opt"].step()
        return loss

    def _timed(self, mode, req, step):
        (_, variant, batch, image, inplace), e, built = self._entry(mode, req)
        reps, warmup = int(req.get("reps", 1)), int(req.get("warmup", 0))
        for _ in range(warmup):
            step(e)
        seconds, result = [], None
        faults = minor_faults()
        for _ in range(reps):
            self.sync()
            t0 = time.perf_counter()
            result = step(e)
            self.sync()
            seconds.append(time.perf_counter() - t0)
        out = {"variant": variant, "batch": batch, "image": image, "inplace": inplace,
               "seconds": seconds, "minor_faults": minor_faults() - faults, "built_s": built}
        if seconds:
            out["median_s"] = statistics.median(seconds)
            out["images_per_s"] = batch / out["median_s"]
        return out, result

    def op_train(self, req):
        out, loss = self._timed("train", req, self._train_step)
        out["loss"] = None if loss is None else finite_or_none(loss.item())
        return out

    def op_eval(self, req):
        def forward(e):
            with torch.no_grad():
                return e["model"](e["x"])
        out, _ = self._timed("eval", req, forward)
        return out

    def op_profile(self, req):
        (_, variant, batch, image, inplace), e, built = self._entry("train", req)
        if built:
            self._train_step(e)  # first-touch allocations and one-off kernel choices stay out
        model = e["model"]
        layers = [(f"{part}.{i}", m) for part in ("features", "classifier")
                  for i, m in enumerate(getattr(model, part))]
        stamps = {}  # name -> dict(fwd0, fwd1, bwd0, shape)
        handles = []

        def now():
            self.sync()  # on CUDA, a stamp means the GPU got there, not just the launch
            return time.perf_counter()

        def pre(name):
            def hook(module, inputs):
                stamps[name] = {"fwd0": now()}
            return hook

        def post(name):
            def hook(module, inputs, output):
                s = stamps[name]
                s["fwd1"] = now()
                s["shape"] = list(output.shape)
                if output.requires_grad:
                    output.register_hook(lambda g: s.__setitem__("bwd0", now()))
            return hook

        for name, m in layers:
            handles += [m.register_forward_pre_hook(pre(name)), m.register_forward_hook(post(name))]
        try:
            t_start = now()
            e["opt"].zero_grad(set_to_none=True)
            t_fwd = now()
            logits = model(e["x"])
            t_loss = now()
            loss = F.cross_entropy(logits, e["y"])
            t_bwd = now()
            loss.backward()
            t_step = now()
            e["opt"].step()
            t_end = now()
        finally:
            for h in handles:
                h.remove()

        rows = []
        for i, (name, m) in enumerate(layers):
            s = stamps[name]
            # backward of layer i ends when the gradient of its input (layer i-1's output) is ready
            end = stamps[layers[i - 1][0]]["bwd0"] if i > 0 else t_step
            rows.append({"name": layer_name(name, m), "output_shape": s["shape"],
                         "forward_s": s["fwd1"] - s["fwd0"], "backward_s": end - s["bwd0"]})
        return {"variant": variant, "batch": batch, "image": image, "inplace": inplace, "layers": rows,
                "loss_forward_s": t_bwd - t_loss,
                "loss_backward_s": stamps[layers[-1][0]]["bwd0"] - t_bwd,
                "zero_grad_s": t_fwd - t_start, "optimizer_step_s": t_end - t_step,
                "step_s": t_end - t_start, "loss": finite_or_none(loss.item()), "built_s": built}

    def op_rss(self, req):
        out = {}
        if req.get("reset_peak"):
            gc.collect()
            libc = ctypes.CDLL(None)
            if hasattr(libc, "malloc_trim"):
                libc.malloc_trim(0)
            try:
                with open("/proc/self/clear_refs", "w") as f:
                    f.write("5")  # 5: reset the peak resident set size to the current one
                out["peak_reset"] = True
            except OSError as e:
                out["peak_reset"] = False
                out["peak_reset_note"] = str(e)
            if self.cuda:
                torch.cuda.reset_peak_memory_stats(self.device)
        fields = {}
        with open("/proc/self/status") as f:
            for line in f:
                key, _, value = line.partition(":")
                if key in ("VmRSS", "VmHWM"):
                    fields[key] = int(value.split()[0]) * 1024  # reported in kB
        out.update(rss_bytes=fields.get("VmRSS"), peak_rss_bytes=fields.get("VmHWM"),
                   minor_faults=minor_faults())
        if self.cuda:
            out.update(cuda_allocated_bytes=torch.cuda.memory_allocated(self.device),
                       cuda_peak_bytes=torch.cuda.max_memory_allocated(self.device))
        return out

    def _records(self, folder):
        """Every training image of a CIFAR-10 binary folder, as uint8 N x 3 x 32 x 32 (read once)."""
        if folder not in self.datasets:
            t0 = time.perf_counter()
            names = sorted(n for n in os.listdir(folder) if n.startswith("data_batch_") and n.endswith(".bin"))
            if not names:
                raise ValueError(f"no data_batch_*.bin in {folder}")
            raw = np.concatenate([np.fromfile(os.path.join(folder, n), dtype=np.uint8) for n in names])
            records = raw.reshape(-1, 1 + 3 * 32 * 32)
            self.datasets[folder] = (records[:, 1:].reshape(-1, 3, 32, 32).copy(), time.perf_counter() - t0)
        return self.datasets[folder]

    def op_pipeline(self, req):
        images, load_s = self._records(str(req["folder"]))
        batch, image = int(req.get("batch", 64)), int(req.get("image", 224))
        batches = min(int(req.get("batches", 10)), len(images) // batch)
        if batches < 1:
            raise ValueError(f"{len(images)} images make no batch of {batch}")
        mean = torch.tensor(req.get("mean", [0.5, 0.5, 0.5]), dtype=torch.float32).view(1, 3, 1, 1)
        std = torch.tensor(req.get("std", [0.25, 0.25, 0.25]), dtype=torch.float32).view(1, 3, 1, 1)
        rng = np.random.default_rng(int(req.get("seed", 0)))

        def one_pass():
            order = rng.permutation(len(images))
            for b in range(batches):
                raw = torch.from_numpy(images[order[b * batch:(b + 1) * batch]])
                x = raw.to(torch.float32).div_(255).sub_(mean).div_(std)
                if image != 32:
                    x = F.interpolate(x, size=(image, image), mode="bilinear", align_corners=False)
                x = x.to(self.device)  # as the C# loader hands batches over on the training device
                del x
            self.sync()

        reps, warmup = int(req.get("reps", 1)), int(req.get("warmup", 0))
        for _ in range(warmup):
            one_pass()
        seconds, faults = [], minor_faults()
        for _ in range(reps):
            t0 = time.perf_counter()
            one_pass()
            seconds.append(time.perf_counter() - t0)
        out = {"batch": batch, "image": image, "batches": batches, "images": batches * batch,
               "seconds": seconds, "minor_faults": minor_faults() - faults, "load_s": load_s}
        if seconds:
            out["median_s"] = statistics.median(seconds)
            out["images_per_s"] = batches * batch / out["median_s"]
        return out

    def op_reset(self, req):
        self.cache.clear()
        return {}


def blas_name(blas, config):
    """The BLAS behind torch.mm on the CPU, in words: OpenBLAS when it is mapped, else what PyTorch was built with."""
    if "openblas_config" in blas:
        return f"{blas['openblas_config']} ({blas['openblas_corename']})"
    mkl = next((line.strip().lstrip("- ") for line in config.splitlines() if "Math Kernel Library" in line), None)
    if torch.backends.mkl.is_available():
        return (mkl or "Intel oneMKL") + ", built into libtorch"
    info = re.search(r"BLAS_INFO=([^,\s]+)", config)
    if info:
        return f"{info.group(1)} (PyTorch's BLAS_INFO)"
    libs = [os.path.basename(p) for p in blas.get("libraries", [])]
    return ", ".join(libs) if libs else "unknown"


def minor_faults():
    """Minor page faults of this process so far (field 10 of /proc/self/stat); 0 where unreadable."""
    try:
        with open("/proc/self/stat") as f:
            return int(f.read().rsplit(")", 1)[1].split()[7])
    except (OSError, IndexError, ValueError):
        return 0


def finite_or_none(x):
    """NaN and infinities are not JSON; a diverged loss is reported as null."""
    return x if math.isfinite(x) else None


def cpu_name():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor()


def send(obj):
    try:
        text = json.dumps(obj, separators=(",", ":"), allow_nan=False)
    except ValueError as e:  # NaN or infinity somewhere: still answer with one valid line
        text = json.dumps({k: obj[k] for k in ("op", "id") if k in obj} |
                          {"ok": False, "error": f"response not encodable as JSON: {e}"})
    _protocol.write(text + "\n")
    _protocol.flush()


def main():
    worker = Worker()
    log(f"ready: torch {torch.__version__}, python {platform.python_version()} ({sys.executable}), "
        f"pid {os.getpid()}")
    for line in sys.stdin:
        if not line.strip():
            continue
        response = {"ok": False}
        try:
            req = json.loads(line)
            if not isinstance(req, dict):
                raise ValueError("a request must be a JSON object")
            op = req.get("op")
            response["op"] = op
            if "id" in req:
                response["id"] = req["id"]
            if op == "quit":
                response["ok"] = True
                send(response)
                return 0
            handler = getattr(worker, f"op_{op}", None) if isinstance(op, str) else None
            if handler is None:
                raise ValueError(f"unknown op {op!r}")
            response.update(handler(req))
            response["ok"] = True
        except Exception as e:  # the worker must survive any bad request
            response["error"] = f"{type(e).__name__}: {e}"
            log(f"error on {line.strip()[:200]}: {response['error']}")
        send(response)
    return 0


if __name__ == "__main__":
    sys.exit(main())
