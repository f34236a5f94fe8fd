import torch

x = torch.tensor([1.0, 2.0], requires_grad=True)
h = (x * 3).detach().requires_grad_()  # a new leaf, cut off from x
(h**2).sum().backward()
print("h:", h.is_leaf, h.requires_grad, h.grad)
print("x.grad:", x.grad)
