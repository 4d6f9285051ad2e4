#!/usr/bin/python3
"""Independent references for the geometry of tests/engine/data/tst_augmentation.cpp.

Usage: warp_reference.py IN.bin OUT_EXACT.bin OUT_OPENCV.bin C H W SHIFT_X SHIFT_Y ANGLE_DEG SCALE FLIP

IN.bin holds C*H*W float32 values (CHW). The affine map is built here from the parameters, as Neurite's
SampleTransform documents it: the input is mirrored (when FLIP is 1), scaled and turned about the centre
((W-1)/2, (H-1)/2), then moved by the shift in pixels; positive angles turn clockwise with y pointing down.
OUT_EXACT is bilinear sampling in float64 with numpy (neighbours outside the image read 0); OUT_OPENCV is
cv2.warpAffine with INTER_LINEAR and a constant 0 border, which quantises positions to 1/32 pixel.
"""
import sys

import cv2
import numpy as np


def forward_matrix(h, w, shift_x, shift_y, angle_deg, scale, flip):
    """The 3x3 map from input to output pixel coordinates."""
    cx, cy = (w - 1) / 2.0, (h - 1) / 2.0
    a = np.deg2rad(angle_deg)
    mirror = np.array([[-1.0, 0, w - 1], [0, 1, 0], [0, 0, 1]]) if flip else np.eye(3)
    to_centre = np.array([[1.0, 0, -cx], [0, 1, -cy], [0, 0, 1]])
    turn = np.array([[np.cos(a), -np.sin(a), 0], [np.sin(a), np.cos(a), 0], [0, 0, 1]])
    zoom = np.diag([scale, scale, 1.0])
    back = np.array([[1.0, 0, cx + shift_x], [0, 1, cy + shift_y], [0, 0, 1]])
    return back @ zoom @ turn @ to_centre @ mirror


def bilinear(plane, qx, qy):
    """plane sampled at (qx, qy), with 0 outside."""
    h, w = plane.shape
    padded = np.zeros((h + 2, w + 2))
    padded[1:-1, 1:-1] = plane
    x0, y0 = np.floor(qx), np.floor(qy)
    fx, fy = qx - x0, qy - y0
    out = np.zeros_like(qx)
    for dy, wy in ((0, 1 - fy), (1, fy)):
        for dx, wx in ((0, 1 - fx), (1, fx)):
            xs = (x0 + dx).astype(int) + 1
            ys = (y0 + dy).astype(int) + 1
            inside = (xs >= 0) & (xs < w + 2) & (ys >= 0) & (ys < h + 2)
            values = padded[np.clip(ys, 0, h + 1), np.clip(xs, 0, w + 1)] * inside
            out += values * wx * wy
    return out


def main():
    src, out_exact, out_cv = sys.argv[1:4]
    c, h, w = (int(v) for v in sys.argv[4:7])
    shift_x, shift_y, angle, scale = (float(v) for v in sys.argv[7:11])
    flip = sys.argv[11] == "1"
    image = np.fromfile(src, dtype=np.float32).reshape(c, h, w)
    inverse = np.linalg.inv(forward_matrix(h, w, shift_x, shift_y, angle, scale, flip))
    ys, xs = np.mgrid[0:h, 0:w].astype(np.float64)
    qx = inverse[0, 0] * xs + inverse[0, 1] * ys + inverse[0, 2]
    qy = inverse[1, 0] * xs + inverse[1, 1] * ys + inverse[1, 2]
    exact = np.stack([bilinear(image[k].astype(np.float64), qx, qy) for k in range(c)])
    exact.astype(np.float32).tofile(out_exact)
    opencv = np.stack([
        cv2.warpAffine(image[k], inverse[:2], (w, h), flags=cv2.INTER_LINEAR | cv2.WARP_INVERSE_MAP,
                       borderMode=cv2.BORDER_CONSTANT, borderValue=0) for k in range(c)])
    opencv.astype(np.float32).tofile(out_cv)


if __name__ == "__main__":
    main()
