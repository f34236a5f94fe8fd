import torch

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = x * 2
print("y:", y.is_leaf, y.requires_grad, y.grad_fn)

# detach() gives a y that does not require grad: it has no grad_fn.
d = y.detach()
print("d:", d.is_leaf, d.requires_grad, d.grad_fn)

# Switching it off on y itself, grad_fn and all, is refused.
y.requires_grad_(False)
