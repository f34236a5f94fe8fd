import torch

x = torch.tensor(1.0, requires_grad=True)
y = 2 * x + 1
loss = 1 - y ** 2
loss.backward()

y.retain_grad()  # en: too late: the gradient through y is already gone # zh: 太晚了：流经 y 的梯度早就没了
print("y.retains_grad:", y.retains_grad)
print("y.grad:", y.grad)
