import torch

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
w = torch.ones(3)
w.add_(1)
print("w when saved:", w._version)
y = x * w  # en: MulBackward0 saves w to compute x's gradient # zh: MulBackward0 保存 w，用来算 x 的梯度
w.mul_(3)
w.sub_(1)
print("w now:       ", w._version)
y.sum().backward()
