"""create_graph=True records the backward pass, so a gradient can be differentiated again."""
import torch

x = torch.tensor(3.0, requires_grad=True)
y = x ** 3

(dy,) = torch.autograd.grad(y, x, create_graph=True)
print("dy/dx = 3x^2:  ", dy)

(d2y,) = torch.autograd.grad(dy, x)
print("d2y/dx2 = 6x:  ", d2y)
