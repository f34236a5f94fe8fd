"""Changing a saved tensor in place after the forward breaks backward()."""
import torch

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
w = torch.tensor([4.0, 5.0, 6.0])  # requires_grad=False
z = x * w
w.add_(1)  # changes the value MulBackward0 saved for the gradient of x
z.sum().backward()
