import torch
from torch import nn

torch.manual_seed(0)
layer1 = nn.Linear(3, 2)
layer2 = nn.Linear(2, 1)
x = torch.randn(4, 3)

h = layer1(x)
out = layer2(h.detach())  # en: layer2 sees h's values, not its history # zh: layer2 只看到 h 的值，看不到它的来历
out.sum().backward()

print("layer1.weight.grad:", layer1.weight.grad)
print("layer1.bias.grad:  ", layer1.bias.grad)
print("layer2.weight.grad:", layer2.weight.grad)
print("layer2.bias.grad:  ", layer2.bias.grad)
