"""backward() with no argument on a scalar (0-dimensional) output."""
import torch

a = torch.tensor([2.0, 3.0], requires_grad=True)
b = a + 3
c = 3 * b * b
out = c.mean()  # one number: a 0-dimensional tensor

print("out:", out)
print("out.shape:", out.shape)
out.backward()
print("a.grad:", a.grad)
