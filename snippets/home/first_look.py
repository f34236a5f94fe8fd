import torch

x = torch.tensor(2.0, requires_grad=True)
y = x ** 3 + 2 * x  # en: dy/dx = 3 * x**2 + 2 = 14 at x = 2 # zh: x = 2 时 dy/dx = 3 * x**2 + 2 = 14

y.backward()
print("y      =", y)
print("x.grad =", x.grad)
