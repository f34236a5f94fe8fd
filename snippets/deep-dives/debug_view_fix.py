import torch

x = torch.tensor([0.0, 1.0, 2.0], requires_grad=True)
y = x.exp().clone()  # en: the write now lands in a copy # zh: 写入落在副本上
y[0] = 0
y.sum().backward()
print("x.grad:", x.grad)
print("exp(x):", x.detach().exp())
