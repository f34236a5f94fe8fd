import torch

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = x.sigmoid()
print("before:", y.requires_grad, y.grad_fn, y.is_leaf)

r = y.detach_()
print("returns y itself:", r is y)
print("after: ", y.requires_grad, y.grad_fn, y.is_leaf)
