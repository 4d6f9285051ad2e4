"""What the Neurite-against-PyTorch comparisons print about the reference (compare_torch.sh,
compare_torch_workloads.sh): the BLAS libraries PyTorch actually loaded, and whether a ratio against it is
fair. Debian's reference BLAS (PyTorch at a fraction of its speed) lives in .../blas/; OpenBLAS's
libblas.so.3 in .../openblas-*/."""
import os


def blas_line(torch_version, libs):
    blas = sorted(os.path.basename(p) + " (" + os.path.dirname(p) + ")" for p in libs)
    return f"PyTorch {torch_version} loaded: {', '.join(blas) or 'no BLAS library'}"


def reference_blas(libs):
    return [p for p in libs if os.path.basename(os.path.dirname(p)) == "blas"]


def fair(libs):
    """True when PyTorch ran on OpenBLAS and not on the reference BLAS."""
    return any("openblas" in p for p in libs) and not reference_blas(libs)


def refusal(libs):
    reference = reference_blas(libs)
    return ("No ratios: PyTorch did not run on OpenBLAS" + (f" but on the reference BLAS ({', '.join(reference)})"
            if reference else "") + ", so its figures are far below its best. Install libopenblas0-openmp.")
