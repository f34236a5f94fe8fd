import os
import warnings

import torch


def block(x):
    return torch.sigmoid(x)


def model(x):
    h = block(x)
    h += 1  # en: in place, on a tensor sigmoid saved # zh: 原地修改了 sigmoid 保存的张量
    return (h * h).sum()


# en: Print a warning, keeping only the frames in this file (the others belong to whatever runs it).
# zh: 打印警告，只留下本文件里的栈帧（其余栈帧属于运行它的程序）。
def show(w):
    lines = str(w.message).split("\n")
    print(f"{w.category.__name__}: {lines[0]}")
    for i, line in enumerate(lines):
        if line.startswith(f'  File "{__file__}"'):
            print(line.replace(__file__, os.path.basename(__file__)))
            print(lines[i + 1])


x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    try:
        with torch.autograd.detect_anomaly():
            loss = model(x)
            loss.backward()
    finally:
        for w in caught:
            show(w)
        print("anomaly mode after the block:", torch.is_anomaly_enabled())
