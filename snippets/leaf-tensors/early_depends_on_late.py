import torch
from torch import nn

torch.manual_seed(0)
layer1, layer2 = nn.Linear(2, 2), nn.Linear(2, 1)
x = torch.tensor([[1.0, -1.0]])


def layer1_weight_grad():
    layer1.zero_grad()
    layer2(torch.tanh(layer1(x))).sum().backward()
    return layer1.weight.grad.clone()


before = layer1_weight_grad()
with torch.no_grad():
    layer2.weight *= 2  # en: change only the later layer # zh: 只改深层
after = layer1_weight_grad()
print("before:", before)
print("after: ", after)
print("after == 2 * before:", torch.equal(after, 2 * before))
