import torch
from torch import nn

model = nn.Linear(2, 1)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
model(torch.tensor([[1.0, 2.0]])).sum().backward()
optimizer.zero_grad()

print("grad norm:", model.weight.grad.norm())
