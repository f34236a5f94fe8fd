"""backward() with no argument on an output with several elements raises."""
import torch

x = torch.tensor([2.0, 3.0], requires_grad=True)
y = x * x

print("y:", y)
print("y.shape:", y.shape)
y.backward()
