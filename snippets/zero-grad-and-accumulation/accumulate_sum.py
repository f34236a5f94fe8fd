import torch
from torch import nn

torch.manual_seed(0)
model = nn.Linear(3, 1).double()
x = torch.randn(8, 3, dtype=torch.float64)
y = torch.randn(8, 1, dtype=torch.float64)
k = 4
sum_loss = nn.MSELoss(reduction="sum")  # adds over the batch, no average


def take_grads():
    g = torch.cat([p.grad.flatten() for p in model.parameters()])
    model.zero_grad()
    return g


sum_loss(model(x), y).backward()
full = take_grads()

for xb, yb in zip(x.chunk(k), y.chunk(k)):
    sum_loss(model(xb), yb).backward()  # no / k: a sum of sums is the sum
plain = take_grads()

for xb, yb in zip(x.chunk(k), y.chunk(k)):
    (sum_loss(model(xb), yb) / k).backward()
divided = take_grads()

print("no / k, allclose:", torch.allclose(plain, full))
print("no / k, max abs diff < 1e-12:", (plain - full).abs().max().item() < 1e-12)
print("with / k == full / k:", torch.allclose(divided, full / k))
