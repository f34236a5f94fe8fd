import torch

x = torch.tensor(2.0, requires_grad=True)
y = (x + 1) * (x + 2)  # the multiplication saves both factors
y.backward()  # ... and frees them here
print("x.grad:", x.grad)
torch.autograd.grad(y, x)
