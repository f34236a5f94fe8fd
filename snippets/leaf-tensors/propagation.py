import torch

x = torch.ones(2, 2)
y = torch.ones(2, 2)
z = torch.ones(2, 2, requires_grad=True)

a = x + y  # no input requires grad
b = a + z  # one input does
print("x, y, z requires_grad:",
      x.requires_grad, y.requires_grad, z.requires_grad)
print("a, b requires_grad:   ", a.requires_grad, b.requires_grad)
print("a, b is_leaf:         ", a.is_leaf, b.is_leaf)

with torch.no_grad():
    c = a + z  # grad mode off: nothing propagates
print("c requires_grad, is_leaf:", c.requires_grad, c.is_leaf)
