import torch
from torch import nn

torch.manual_seed(0)
model = nn.Linear(3, 1).double()
x = torch.randn(8, 3, dtype=torch.float64)
y = torch.randn(8, 1, dtype=torch.float64)
k = 4
sum_loss = nn.MSELoss(reduction="sum")  # en: adds over the batch, no average # zh: 在批次上求和，不取平均


def take_grads():
    g = torch.cat([p.grad.flatten() for p in model.parameters()])
    model.zero_grad()
    return g


sum_loss(model(x), y).backward()
full = take_grads()

for xb, yb in zip(x.chunk(k), y.chunk(k)):
    sum_loss(model(xb), yb).backward()  # en: no / k: a sum of sums is the sum # zh: 不除以 k：各部分的和加起来就是总和
plain = take_grads()

for xb, yb in zip(x.chunk(k), y.chunk(k)):
    (sum_loss(model(xb), yb) / k).backward()
divided = take_grads()

print("no / k, allclose:", torch.allclose(plain, full))
print("no / k, max abs diff < 1e-12:", (plain - full).abs().max().item() < 1e-12)
print("with / k == full / k:", torch.allclose(divided, full / k))
