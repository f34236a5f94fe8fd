import torch
from torch import nn

torch.manual_seed(0)
model = nn.Linear(3, 1).double()  # float64: differences are rounding, not noise
loss_fn = nn.MSELoss()  # reduction="mean": averages over the batch
x = torch.randn(8, 3, dtype=torch.float64)
y = torch.randn(8, 1, dtype=torch.float64)
k = 4  # micro-batches of 2


def take_grads():
    """All parameter gradients as one vector; then clear them."""
    g = torch.cat([p.grad.flatten() for p in model.parameters()])
    model.zero_grad()
    return g


loss_fn(model(x), y).backward()
full = take_grads()

for xb, yb in zip(x.chunk(k), y.chunk(k)):
    (loss_fn(model(xb), yb) / k).backward()  # .grad adds up across the loop
accumulated = take_grads()

for xb, yb in zip(x.chunk(k), y.chunk(k)):
    loss_fn(model(xb), yb).backward()
undivided = take_grads()

print("full batch:     ", [round(v, 6) for v in full.tolist()])
print("accumulated / k:", [round(v, 6) for v in accumulated.tolist()])
print("allclose:", torch.allclose(accumulated, full))
print("max abs diff < 1e-12:", (accumulated - full).abs().max().item() < 1e-12)
print("without / k:    ", [round(v, 6) for v in undivided.tolist()])
print("without / k == k * full:", torch.allclose(undivided, k * full))
