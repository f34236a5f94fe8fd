import torch

x = torch.tensor([0.0, 1.0, 2.0], requires_grad=True)
y = x.exp()  # en: ExpBackward0 saves its output y # zh: ExpBackward0 保存它的输出 y
y[0] = 0  # en: a write into a view of y # zh: 写进 y 的一个视图
print("y:", y, "version:", y._version)
y.sum().backward()
