import torch
from torch import nn

torch.manual_seed(0)
bn = nn.BatchNorm1d(2)
x = torch.randn(4, 2, requires_grad=True)
y = bn(x)
node = y.grad_fn
print(node.name())
print([type(n).__name__ for n, _ in node.next_functions])
print(node.next_functions[0][0].variable is x)
