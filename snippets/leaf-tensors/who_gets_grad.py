import torch

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)  # leaf, tracked
w = torch.tensor([0.5, -1.0, 2.0], requires_grad=True)  # leaf, tracked
k = torch.tensor([10.0, 10.0, 10.0])  # leaf, not tracked
y = x.sigmoid()  # not a leaf
o = (y * w * k).sum()
o.backward()

print("x.grad:", x.grad)
print("w.grad:", w.grad)
print("k.grad:", k.grad)
print("y.grad:", y.grad)
