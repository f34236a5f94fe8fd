import torch

x = torch.tensor(1.0, requires_grad=True)
y = 2 * x + 1
z = y**2
y.retain_grad()  # en: keep the gradient of this non-leaf # zh: 保留这个非叶子张量的梯度
z.backward()
print("y.grad:", y.grad, " x.grad:", x.grad)
print("z.grad:", z.grad)  # en: not retained # zh: 没有保留
