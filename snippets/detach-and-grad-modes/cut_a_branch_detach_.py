import torch
from torch import nn

torch.manual_seed(0)
layer1 = nn.Linear(3, 2)
layer2 = nn.Linear(2, 1)
x = torch.randn(4, 3)

h = layer1(x)
h.detach_()  # en: cuts h itself off the graph # zh: 把 h 本身从计算图上剪下来
out = layer2(h)
out.sum().backward()

print("layer1.weight.grad:", layer1.weight.grad)
print("layer2.weight.grad:", layer2.weight.grad)
