import torch

a = torch.tensor(2.0, requires_grad=True)
b = torch.tensor(5.0, requires_grad=True)  # en: never used below # zh: 下面根本没用到
out = a * 3
torch.autograd.grad(out, [a, b])
