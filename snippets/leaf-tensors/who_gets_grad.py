import torch

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)  # en: leaf, tracked # zh: 叶子，需要梯度
w = torch.tensor([0.5, -1.0, 2.0], requires_grad=True)  # en: leaf, tracked # zh: 叶子，需要梯度
k = torch.tensor([10.0, 10.0, 10.0])  # en: leaf, not tracked # zh: 叶子，不需要梯度
y = x.sigmoid()  # en: not a leaf # zh: 不是叶子
o = (y * w * k).sum()
o.backward()

print("x.grad:", x.grad)
print("w.grad:", w.grad)
print("k.grad:", k.grad)
print("y.grad:", y.grad)
