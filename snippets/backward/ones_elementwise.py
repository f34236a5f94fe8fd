"""For an elementwise function the Jacobian is diagonal, so ones give its diagonal."""
import torch
from torch.autograd.functional import jacobian


def g(m):
    return torch.stack([m[0] ** 2, m[1] ** 3])  # y[i] depends on m[i] only


m = torch.tensor([2.0, 3.0], requires_grad=True)
g(m).backward(gradient=torch.ones(2))
print("m.grad:", m.grad)
print(jacobian(g, m))
