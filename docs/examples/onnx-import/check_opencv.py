# The fine-tuned model, exported by Neurite as finetuned.onnx (File > Export > ONNX Model), read by
# OpenCV's dnn: its accuracy on mnist-10k's test images. Run with Debian's python3-opencv:
#   python3 check_opencv.py "$(neurite data path mnist-10k)"
import gzip, sys
import numpy as np, cv2, onnx
onnx.checker.check_model(onnx.load("finetuned.onnx"))
d = sys.argv[1].rstrip("/") + "/"  # the folder `neurite data path mnist-10k` prints
x = np.frombuffer(gzip.open(d + "t10k-images-idx3-ubyte.gz").read(), np.uint8, offset=16).reshape(-1, 1, 28, 28)
y = np.frombuffer(gzip.open(d + "t10k-labels-idx1-ubyte.gz").read(), np.uint8, offset=8)
net = cv2.dnn.readNetFromONNX("finetuned.onnx")
net.setInput((x / 255.0).astype(np.float32))
p = net.forward()
print("OpenCV dnn accuracy of the fine-tuned export: %.2f%%" % (100 * (p.argmax(1) == y).mean()))
