import torch

x = torch.tensor(2.0, requires_grad=True)
y = x ** 2
print(torch.autograd.grad(y, x, retain_graph=True))
print(torch.autograd.grad(y, x))  # en: the same value again, nothing adds up # zh: 还是同一个值，没有累加
print("x.grad:", x.grad)
