import os
import warnings

import torch


# en: Print a warning, keeping only the frames in this file (the others belong to whatever runs it).
# zh: 打印警告，只留下本文件里的栈帧（其余栈帧属于运行它的程序）。
def show(w):
    lines = str(w.message).split("\n")
    print(f"{w.category.__name__}: {lines[0]}")
    for i, line in enumerate(lines):
        if line.startswith(f'  File "{__file__}"'):
            print(line.replace(__file__, os.path.basename(__file__)))
            print(lines[i + 1])


x = torch.tensor([-1.0, 4.0], requires_grad=True)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    try:
        with torch.autograd.detect_anomaly():
            y = torch.where(x > 0, torch.sqrt(x), 0.0)
            y.sum().backward()
    finally:
        for w in caught:
            show(w)
