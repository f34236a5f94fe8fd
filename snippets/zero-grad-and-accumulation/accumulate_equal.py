import torch
from torch import nn

torch.manual_seed(0)
model = nn.Linear(3, 1).double()  # en: float64: differences are rounding, not noise # zh: 用 float64：出现差异只会是舍入误差，不是噪声
loss_fn = nn.MSELoss()  # en: reduction="mean": averages over the batch # zh: reduction="mean"：在批次上取平均
x = torch.randn(8, 3, dtype=torch.float64)
y = torch.randn(8, 1, dtype=torch.float64)
k = 4  # en: micro-batches of 2 # zh: 每个微批次 2 个样本


# en: All parameter gradients as one vector; then clear them.
# zh: 把所有参数的梯度拼成一个向量，然后清空。
def take_grads():
    g = torch.cat([p.grad.flatten() for p in model.parameters()])
    model.zero_grad()
    return g


loss_fn(model(x), y).backward()
full = take_grads()

for xb, yb in zip(x.chunk(k), y.chunk(k)):
    (loss_fn(model(xb), yb) / k).backward()  # en: .grad adds up across the loop # zh: .grad 在整个循环里不断累加
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
