# nbconvert settings for the series' C# notebooks:
#   jupyter nbconvert --config tools/jupyter/nbconvert_config.py --to notebook --execute ...
#
# Drops two outputs that the .NET kernel (dotnet-interactive) adds to every executed notebook and that say
# nothing to its reader:
# - the script that bootstraps the kernel's HTTP API in a live browser page: it lists the addresses the kernel
#   listens on, and in a saved notebook or its HTML it would make the viewer's browser call those addresses;
# - "Loading extensions from `.../SkiaSharp.DotNet.Interactive.dll`", printed when a package ships a kernel
#   extension (SkiaSharp, which ScottPlot brings, does).
# The kernel has no switch for either. This runs after the notebook has executed (after ExecutePreprocessor).
#
# It also sets the time limits: the .NET kernel can take minutes to start on a cold NuGet cache (nbclient's default
# is 60 s); in the quick profile (ALEXNET_PROFILE=quick) a cell still running after 15 minutes fails, as in the series'
# own runner, while the full profile has no cell limit (training on a CPU takes hours).
import os

from nbconvert.preprocessors import Preprocessor


def _text(value):
    return "".join(value) if isinstance(value, list) else (value or "")


def is_kernel_noise(output):
    if output.get("output_type") not in ("display_data", "execute_result"):
        return False
    data = output.get("data", {})
    html = _text(data.get("text/html"))
    plain = _text(data.get("text/plain"))
    return ("dotnet-interactive-this-cell" in html and "probeAddresses" in html) or plain.startswith(
        ("Loading extensions from `", "Loading extension script from `"))


class StripKernelNoise(Preprocessor):
    """Removes the .NET kernel's HTTP bootstrap script and extension-loading lines from code cells' outputs."""

    def preprocess_cell(self, cell, resources, index):
        if cell.cell_type == "code":
            cell.outputs = [output for output in cell.outputs if not is_kernel_noise(output)]
        return cell, resources


c = get_config()  # noqa: F821 (provided by Jupyter's config loader)
c.Exporter.preprocessors = [StripKernelNoise]
c.ExecutePreprocessor.startup_timeout = 300
c.ExecutePreprocessor.timeout = 900 if os.environ.get("ALEXNET_PROFILE", "").strip().lower() == "quick" else None
