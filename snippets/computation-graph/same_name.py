"""Two multiplications give two MulBackward0 nodes: the digit counts nothing."""
import torch

x = torch.tensor([1.0, 2.0], requires_grad=True)
a = x * 3
b = a * 4
print(a.grad_fn.name(), b.grad_fn.name())
print("same node:", a.grad_fn is b.grad_fn)
