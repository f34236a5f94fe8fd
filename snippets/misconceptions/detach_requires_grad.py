import torch

x = torch.tensor([1.0, 2.0], requires_grad=True)
h = (x * 3).detach().requires_grad_()  # en: a new leaf, cut off from x # zh: 新的叶子张量，已与 x 分离
(h**2).sum().backward()
print("h:", h.is_leaf, h.requires_grad, h.grad)
print("x.grad:", x.grad)
