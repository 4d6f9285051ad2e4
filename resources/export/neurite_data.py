"""The data the Neurite project trained on, read and converted as Neurite reads and converts it.

load(path, schema, test_split, split_seed) reads one of:
  a folder of MNIST-style IDX files   train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte,
                                      t10k-labels-idx1-ubyte (each plain or .gz): pixels / 255
  a folder of images                  DIR/<class>/*.png|jpg|jpeg|bmp|webp, or DIR/train/<class>/... with
                                      DIR/test/<class>/... (and DIR/val/<class>/..., the validation part):
                                      decoded (OpenCV), transparent pixels over black, resized to the size in
                                      schema.json (smooth_resize: area average down, bilinear up, the same
                                      integer arithmetic as Neurite), grey as BT.601 luma or R, G, B planes,
                                      / 255
  a CSV/TSV table                     the columns of schema.json, encoded by encoder.py; rows without a target
                                      are left out

Without a test/ folder, the test rows or images are the share `test_split` of each class that Neurite held out:
the same stratified split (a Mersenne Twister mt19937_64 seeded with `split_seed`, Fisher-Yates per class), so
that the exported script trains and tests on exactly the samples the project did.
It returns a dict: "train" and "test" as (x float32 (N, inputs), y), "validation" (or None), "classes" (names, or
None for a regression) and "kind". y holds class indices (int64), or for a regression the target standardised
as Neurite trains on it: (value - target_mean) / target_deviation (float32).
"""
import csv
import gzip
import io
import json
import os

import numpy as np

IMAGE_EXTENSIONS = (".png", ".jpg", ".jpeg", ".bmp", ".webp")
_MASK64 = (1 << 64) - 1


class Mt19937_64:
    """C++'s std::mt19937_64: the generator Neurite's test split is drawn with."""

    def __init__(self, seed):
        self._state = [seed & _MASK64]
        for i in range(1, 312):
            previous = self._state[-1]
            self._state.append((6364136223846793005 * (previous ^ (previous >> 62)) + i) & _MASK64)
        self._index = 312

    def _twist(self):
        state = self._state
        for i in range(312):
            x = (state[i] & 0xFFFFFFFF80000000) | (state[(i + 1) % 312] & 0x7FFFFFFF)
            shifted = x >> 1
            if x & 1:
                shifted ^= 0xB5026F5AA96619E9
            state[i] = state[(i + 156) % 312] ^ shifted
        self._index = 0

    def __call__(self):
        if self._index >= 312:
            self._twist()
        y = self._state[self._index]
        self._index += 1
        y ^= (y >> 29) & 0x5555555555555555
        y ^= (y << 17) & 0x71D67FFFEDA60000
        y ^= (y << 37) & 0xFFF7EEE000000000
        return (y ^ (y >> 43)) & _MASK64


def split_rows(rows, classes, share, seed):
    """(train, test) indices, both ascending: Neurite's splitRows. `classes` maps a row to its class (None: a
    regression, one group); each group is shuffled in turn (classes in ascending order) and round(share * n) of
    it held out, keeping at least one row for training."""
    rng = Mt19937_64(seed)
    share = float(np.float32(share))  # the project stores the share as a float, and splits with that value
    groups = {}
    for row in rows:
        groups.setdefault(0 if classes is None else classes[row], []).append(row)
    held = set()
    for key in sorted(groups):
        group = groups[key]
        for i in range(len(group), 1, -1):
            j = rng() % i
            group[i - 1], group[j] = group[j], group[i - 1]
        count = min(int(np.floor(len(group) * share + 0.5)), max(len(group) - 1, 0))
        held.update(group[:count])
    return [r for r in rows if r not in held], [r for r in rows if r in held]


# --- IDX files ---------------------------------------------------------------------------------------------

def read_idx(path):
    """An IDX array of unsigned bytes (plain or gzip), shaped by its header."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    if len(data) < 4 or data[0] != 0 or data[1] != 0 or data[2] != 0x08:
        raise SystemExit(f"{path}: not an IDX file of unsigned bytes")
    ndim = data[3]
    dims = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(ndim)]
    array = np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * ndim)
    if array.size != int(np.prod(dims)):
        raise SystemExit(f"{path}: the header says {dims} but the file holds {array.size} bytes")
    return array.reshape(dims)


def _idx_file(folder, stem):
    for name in (stem, stem + ".gz"):
        path = os.path.join(folder, name)
        if os.path.exists(path):
            return path
    raise SystemExit(f"{folder}: no {stem} (or {stem}.gz)")


def is_idx_folder(folder):
    return os.path.isdir(folder) and any("ubyte" in name for name in os.listdir(folder))


def _idx_split(folder, prefix):
    images = read_idx(_idx_file(folder, f"{prefix}-images-idx3-ubyte"))
    labels = read_idx(_idx_file(folder, f"{prefix}-labels-idx1-ubyte"))
    if len(images) != len(labels):
        raise SystemExit(f"{folder}: {len(images)} {prefix} images but {len(labels)} labels")
    x = images.reshape(len(images), -1).astype(np.float32) * np.float32(1.0 / 255.0)
    return x, labels.astype(np.int64)


def load_idx(folder):
    return {"kind": "idx", "train": _idx_split(folder, "train"), "test": _idx_split(folder, "t10k"),
            "validation": None, "classes": None}


# --- image folders -----------------------------------------------------------------------------------------

def _class_folders(folder):
    return [n for n in sorted(os.listdir(folder)) if not n.startswith(".") and os.path.isdir(os.path.join(folder, n))]


def _images_under(folder):
    """The image files under a class folder, depth first in sorted order, hidden ones left out."""
    files = []
    for name in sorted(os.listdir(folder)):
        path = os.path.join(folder, name)
        if os.path.isdir(path):
            if not name.startswith("."):
                files += _images_under(path)
        elif not name.startswith(".") and os.path.splitext(name)[1].lower() in IMAGE_EXTENSIONS:
            files.append(path)
    return files


def scan_image_folder(folder):
    """(class names, [(path, label, part)]) in Neurite's order; part is "train", "test" or "val"."""
    train = os.path.join(folder, "train")
    split = os.path.isdir(train)
    root = train if split else folder
    classes = _class_folders(root)
    if len(classes) < 2:
        raise SystemExit(f"{root}: a classifier needs at least two class folders, found {len(classes)}")
    files = []
    parts = [("train", root)] + [(p, os.path.join(folder, p)) for p in ("test", "val")
                                 if split and os.path.isdir(os.path.join(folder, p))]
    for part, part_folder in parts:
        for name in _class_folders(part_folder):
            if name not in classes:
                raise SystemExit(f"{part_folder} has a class folder '{name}' that the training folder lacks")
            files += [(path, classes.index(name), part) for path in _images_under(os.path.join(part_folder, name))]
    return classes, files


def _to_eight_bits(image):
    if image.dtype == np.uint16:
        return ((image.astype(np.uint32) * 255 + 32767) // 65535).astype(np.uint8)
    return image.astype(np.uint8)


def _opaque_rgb(image):
    """A decoded OpenCV array (grey, BGR or BGRA) as RGB uint8, transparent pixels composed over black."""
    import cv2
    image = _to_eight_bits(image)
    if image.ndim == 2:
        return cv2.cvtColor(image, cv2.COLOR_GRAY2RGB)
    if image.shape[2] == 4:
        alpha = image[:, :, 3:4].astype(np.uint32)
        bgr = image[:, :, :3].astype(np.uint32) * alpha
        image = ((bgr + (bgr >> 8) + 0x80) >> 8).astype(np.uint8)  # x * alpha / 255, rounded
    return cv2.cvtColor(image[:, :, :3], cv2.COLOR_BGR2RGB)


def _axis_points(s, d):
    """One axis of the resize: whether it grows, and per output pixel its first source pixel and weight (the
    blend weight in 1/256 when growing; when shrinking, the first pixel's share, with `cp` the share of each
    whole pixel after it), in 16.16 fixed point."""
    up = d >= s
    inc = (s << 16) // d
    val = (0x8000 * s // d - 0x8000) if up else 0
    firsts, weights = [], []
    cp = ((d << 14) + s - 1) // s
    for _ in range(d):
        firsts.append(max(0, val >> 16))
        if up:
            pos = val >> 16
            weights.append(0 if pos < 0 or pos >= s - 1 else (val >> 8) & 0xFF)
        else:
            weights.append(((0x10000 - (val & 0xFFFF)) * cp) >> 16)
        val += inc
    return up, firsts, weights, cp


def _area_matrix(s, d, firsts, weights, cp):
    """(d, s) int64: the weights (summing to 2^14) of the source pixels averaged into each output pixel."""
    m = np.zeros((d, s), dtype=np.int64)
    for i in range(d):
        k = firsts[i]
        m[i, k] += weights[i]
        j = (1 << 14) - weights[i]
        while j > cp:
            k += 1
            m[i, k] += cp
            j -= cp
        k += 1
        if j:
            m[i, min(k, s - 1)] += j
    return m


def _blend(a, b, w):
    """(a * (256 - w) + b * w) >> 8, w broadcast."""
    return (a * (256 - w) + b * w) >> 8


def smooth_resize(rgb, cols, rows):
    """An (h, w, 3) uint8 image resized to (rows, cols, 3) as Neurite resizes it (Qt's smooth scaling, bit for
    bit): each output pixel an area average of the source pixels it covers (weights in 1/2^14) where an axis
    shrinks, a bilinear blend of the two nearest (weights in 1/256) where it grows, in integer arithmetic."""
    src = rgb.astype(np.int64)
    sh, sw = src.shape[:2]
    xup, xf, xw, xcp = _axis_points(sw, cols)
    yup, yf, yw, ycp = _axis_points(sh, rows)
    xf, xw, yf, yw = (np.array(v, dtype=np.int64) for v in (xf, xw, yf, yw))
    if xup and yup:
        x1, y1 = np.minimum(xf + 1, sw - 1), np.minimum(yf + 1, sh - 1)
        top = src[yf][:, xf]
        wy = yw[:, None, None]
        left = np.where(wy > 0, _blend(src[yf][:, xf], src[y1][:, xf], wy), top)
        right = np.where(wy > 0, _blend(src[yf][:, x1], src[y1][:, x1], wy), src[yf][:, x1])
        wx = xw[None, :, None]
        out = np.where(wx > 0, _blend(left, right, wx), left)
    elif xup:  # shrinking rows only
        column = np.einsum("ys,sxc->yxc", _area_matrix(sh, rows, yf, yw, ycp), src)
        x1 = np.minimum(xf + 1, sw - 1)
        wx = xw[None, :, None]
        out = np.where(wx > 0, _blend(column[:, xf], column[:, x1], wx), column[:, xf]) >> 14
    elif yup:  # shrinking columns only
        row = np.einsum("xs,ysc->yxc", _area_matrix(sw, cols, xf, xw, xcp), src)
        y1 = np.minimum(yf + 1, sh - 1)
        wy = yw[:, None, None]
        out = np.where(wy > 0, _blend(row[yf], row[y1], wy), row[yf]) >> 14
    else:
        row = np.einsum("xs,ysc->yxc", _area_matrix(sw, cols, xf, xw, xcp), src) >> 4
        out = np.einsum("ys,sxc->yxc", _area_matrix(sh, rows, yf, yw, ycp), row) >> 24
    return out.astype(np.uint8)


def image_sample(path, channels, rows, cols):
    """One image file as Neurite converts it: channels * rows * cols bytes, CHW."""
    import cv2
    image = cv2.imdecode(np.fromfile(path, dtype=np.uint8), cv2.IMREAD_UNCHANGED)
    if image is None:
        raise SystemExit(f"{path}: not an image OpenCV can read")
    rgb = _opaque_rgb(image)
    if rgb.shape[:2] != (rows, cols):
        rgb = smooth_resize(rgb, cols, rows)
    if channels == 1:
        r, g, b = (rgb[:, :, c].astype(np.int32) for c in range(3))
        return ((r * 4899 + g * 9617 + b * 1868 + (1 << 13)) >> 14).astype(np.uint8).reshape(1, rows, cols)
    return np.ascontiguousarray(rgb.transpose(2, 0, 1))


def load_image_folder(folder, schema, test_split, split_seed):
    image = schema.get("image") if schema else None
    if not image:
        raise SystemExit(f"{folder} is an image folder, but schema.json beside this script has no image size")
    channels, rows, cols = int(image["channels"]), int(image["rows"]), int(image["cols"])
    classes, files = scan_image_folder(folder)
    pixels = np.stack([image_sample(path, channels, rows, cols) for path, _, _ in files])
    x = pixels.reshape(len(files), -1).astype(np.float32) * np.float32(1.0 / 255.0)
    y = np.array([label for _, label, _ in files], dtype=np.int64)
    train = [i for i, f in enumerate(files) if f[2] == "train"]
    test = [i for i, f in enumerate(files) if f[2] == "test"]
    if not any(f[2] == "test" for f in files):
        train, test = split_rows(train, y, test_split, split_seed)
    val = [i for i, f in enumerate(files) if f[2] == "val"]
    return {"kind": "images", "train": (x[train], y[train]), "test": (x[test], y[test]),
            "validation": (x[val], y[val]) if val else None, "classes": classes}


# --- tables ------------------------------------------------------------------------------------------------

def read_table_rows(path):
    """The rows of a CSV/TSV file as dicts, the delimiter (',', ';' or tab) found as Neurite finds it."""
    with open(path, encoding="utf-8-sig", newline="") as f:
        text = f.read()
    sample = text[:65536].splitlines()[:20]
    best, best_cells, best_consistent = ",", 1, False
    for delimiter in (",", ";", "\t"):
        counts = [len(r) for r in csv.reader(sample, delimiter=delimiter)]
        consistent = bool(counts) and all(n == counts[0] for n in counts)
        header = counts[0] if counts else 0
        if (consistent and not best_consistent and header >= 2) or (
                consistent == best_consistent and header > best_cells):
            best, best_cells, best_consistent = delimiter, header, consistent
    reader = csv.reader(io.StringIO(text), delimiter=best)
    header = [name.strip(" \t") for name in next(reader)]
    # A short row's missing cells are empty (missing values), as Neurite reads them.
    return [dict(zip(header, cells + [""] * (len(header) - len(cells)))) for cells in reader if cells], best


def _target_class(text, categories):
    """The class index of a target cell (text as it is, or a number as its value), or None when missing."""
    import encoder
    text = text.strip(" \t")
    if text in encoder.MISSING:
        return None
    if text in categories:
        return categories.index(text)
    number = encoder.parse_number(text, False)
    for i, name in enumerate(categories):
        if number is not None and encoder.parse_number(name, False) == number:
            return i
    raise SystemExit(f"target {text!r} is not one of the classes {categories}")


def load_table(path, schema, test_split, split_seed):
    import encoder
    if not schema or schema.get("kind") != "table":
        raise SystemExit(f"{path} is a table, but schema.json beside this script does not describe one")
    rows, delimiter = read_table_rows(path)
    target = next(c for c in schema["columns"] if c["role"] == "target")
    regression = schema["task"] == "regression"
    labels = {}
    for i, row in enumerate(rows):
        cell = (row.get(target["name"]) or "").strip(" \t")
        if cell in encoder.MISSING:
            continue
        if regression:
            labels[i] = encoder.parse_number(cell, delimiter == ";")
            if labels[i] is None:
                raise SystemExit(f"{path}, row {i + 2}: the target {cell!r} is not a number")
        else:
            labels[i] = _target_class(cell, target["categories"])
    kept = sorted(labels)
    x = encoder.encode_rows([rows[i] for i in kept], schema, decimal_comma=delimiter == ";")
    if regression:
        mean, deviation = schema["target_mean"], schema["target_deviation"]
        y = np.array([(labels[i] - mean) / deviation for i in kept], dtype=np.float32)
    else:
        y = np.array([labels[i] for i in kept], dtype=np.int64)
    position = {row: k for k, row in enumerate(kept)}
    train, test = split_rows(kept, None if regression else labels, test_split, split_seed)
    train, test = [position[r] for r in train], [position[r] for r in test]
    return {"kind": "table", "train": (x[train], y[train]), "test": (x[test], y[test]), "validation": None,
            "classes": None if regression else target["categories"]}


def load_schema(folder):
    path = os.path.join(folder, "schema.json")
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def load(path, schema, test_split, split_seed):
    """The data at `path` (see the module's text): IDX folder, image folder or table file."""
    if os.path.isdir(path):
        if is_idx_folder(path):
            return load_idx(path)
        return load_image_folder(path, schema, test_split, split_seed)
    if os.path.isfile(path):
        return load_table(path, schema, test_split, split_seed)
    raise SystemExit(f"{path}: no such file or folder")
