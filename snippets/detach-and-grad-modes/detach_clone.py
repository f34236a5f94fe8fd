import torch

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = x.sigmoid()
y_c = y.detach().clone()  # en: a copy with its own storage # zh: 有自己存储的副本

print("same storage:", y_c.data_ptr() == y.data_ptr())
y_c.zero_()
print("y_c:", y_c)
print("y:  ", y)
y.sum().backward()
print("x.grad:", x.grad)
