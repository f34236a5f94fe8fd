import torch
from torch import nn

model = nn.Linear(2, 1)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
x = torch.tensor([[1.0, 2.0]])

model(x).sum().backward()
print("after backward:             ", model.weight.grad)
optimizer.zero_grad()
print("after zero_grad():          ", model.weight.grad)

model(x).sum().backward()
optimizer.zero_grad(set_to_none=False)
print("after zero_grad(False):     ", model.weight.grad)

model(x).sum().backward()
model.zero_grad()  # en: the module's own zero_grad behaves the same way # zh: 模块自己的 zero_grad 也一样
print("after model.zero_grad():    ", model.weight.grad)
