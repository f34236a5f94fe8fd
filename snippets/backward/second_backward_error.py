"""A second backward() through the same graph raises: its saved tensors were freed."""
import torch

x = torch.tensor([1.0, 2.0], requires_grad=True)
y = x * x
z = y.sum()
print("saved for backward:", y.grad_fn._saved_self)

z.backward()
print("x.grad:", x.grad)
print("z.grad_fn:", z.grad_fn)  # the nodes are still there
z.backward()
