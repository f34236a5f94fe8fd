import torch
from torch import nn

torch.manual_seed(0)
fc1, fc2 = nn.Linear(3, 2), nn.Linear(2, 1)
x = torch.randn(4, 3)

saved = []


def pack(t):
    saved.append(t)
    return t  # en: what pack returns is what the node keeps # zh: pack 返回什么，节点就保存什么


def unpack(t):
    print("  backward uses a saved tensor of shape", tuple(t.shape))
    return t


with torch.autograd.graph.saved_tensors_hooks(pack, unpack):
    a = torch.tanh(fc1(x))
    loss = fc2(a).sum()

names = {x.data_ptr(): "x", a.data_ptr(): "a", fc2.weight.data_ptr(): "fc2.weight (transposed view)"}
print("saved during the forward pass:")
for t in saved:
    print(" ", tuple(t.shape), names.get(t.data_ptr(), "?"))
print("backward:")
loss.backward()
