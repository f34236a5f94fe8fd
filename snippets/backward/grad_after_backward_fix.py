"""retain_graph=True on the first pass keeps the graph usable for a second one."""
import torch

x = torch.tensor(2.0, requires_grad=True)
y = (x + 1) * (x + 2)

y.backward(retain_graph=True)
print("x.grad:", x.grad)
print("grad:  ", torch.autograd.grad(y, x))
