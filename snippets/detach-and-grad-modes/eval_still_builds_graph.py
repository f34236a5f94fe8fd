import torch
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 3), nn.Dropout(0.5), nn.Linear(3, 1))
x = torch.randn(2, 4)

model.eval()
out = model(x)
print("out.grad_fn:", out.grad_fn)
out.sum().backward()
print("first weight grad:", model[0].weight.grad)
