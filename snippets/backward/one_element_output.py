"""An output with one element works without gradient, whatever its number of dimensions."""
import torch

x = torch.tensor([2.0, 3.0], requires_grad=True)
y = (x ** 2).sum(dim=0, keepdim=True)  # shape [1], not []

print("y:", y)
print("y.shape:", y.shape)
y.backward()
print("x.grad:", x.grad)
