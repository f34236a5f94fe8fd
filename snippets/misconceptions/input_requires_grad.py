import torch

torch.manual_seed(0)
model = torch.nn.Linear(2, 1)
x = torch.randn(4, 2)  # en: a plain input: requires_grad=False # zh: 普通输入：requires_grad=False
loss = model(x).pow(2).mean()
loss.backward()
print("x.grad:", x.grad)
print("weight.grad:", model.weight.grad)
