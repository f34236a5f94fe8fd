"""An operation on a tensor that requires grad records its node at once."""
import torch

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = x ** 2
print("y.grad_fn:", y.grad_fn)  # no backward() has run yet
z = y.sigmoid()
print(z)
print("z.grad_fn:", z.grad_fn)
print("x.grad_fn:", x.grad_fn)  # x was created, not computed
