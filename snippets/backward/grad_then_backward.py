"""Calling grad first does not help: it frees the saved tensors just like backward()."""
import torch

x = torch.tensor(2.0, requires_grad=True)
y = (x + 1) * (x + 2)

print("grad:", torch.autograd.grad(y, x))
y.backward()
