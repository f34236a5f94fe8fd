import torch

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = x.sigmoid()
print(y)
print(y.grad_fn.name(), (y * 2).grad_fn.name(), (y + 2).grad_fn.name())
