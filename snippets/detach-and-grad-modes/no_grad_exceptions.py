import torch
from torch import nn

x = torch.ones(2, requires_grad=True)
with torch.no_grad():
    y = x * 2
    a = torch.ones(2, requires_grad=True)  # en: you asked for it explicitly # zh: 显式要求了梯度
    p = nn.Parameter(torch.ones(2))
print("y = x * 2:          ", y.requires_grad)
print("torch.ones(..., requires_grad=True):", a.requires_grad, "is_leaf:", a.is_leaf)
print("nn.Parameter(...):  ", p.requires_grad, "is_leaf:", p.is_leaf)
