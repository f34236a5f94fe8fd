import torch

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = x * 2
print("y:", y.is_leaf, y.requires_grad, y.grad_fn)

# detach() is the way to get a y that does not require grad: it has no grad_fn.
d = y.detach()
print("d:", d.is_leaf, d.requires_grad, d.grad_fn)

# Switching requires_grad off on y itself, keeping its grad_fn, is refused.
y.requires_grad_(False)
