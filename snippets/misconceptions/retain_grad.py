import torch

x = torch.tensor(1.0, requires_grad=True)
y = 2 * x + 1
z = y**2
y.retain_grad()  # keep the gradient of this non-leaf
z.backward()
print("y.grad:", y.grad, " x.grad:", x.grad)
print("z.grad:", z.grad)  # not retained
