import torch
from torch import nn

torch.manual_seed(0)
model = nn.Linear(3, 1).double()
loss_fn = nn.MSELoss()
x = torch.randn(8, 3, dtype=torch.float64)
y = torch.randn(8, 1, dtype=torch.float64)
k, max_norm = 4, 0.5
clip = nn.utils.clip_grad_norm_  # en: returns the norm before clipping # zh: 返回的是裁剪前的范数


def take_grads():
    g = torch.cat([p.grad.flatten() for p in model.parameters()])
    model.zero_grad()
    return g


loss_fn(model(x), y).backward()
norm = clip(model.parameters(), max_norm)
full = take_grads()
print(f"full batch:    norm before {norm:.3f}, after {full.norm():.3f}")

for xb, yb in zip(x.chunk(k), y.chunk(k)):
    (loss_fn(model(xb), yb) / k).backward()
norm = clip(model.parameters(), max_norm)  # en: once, after the k-th backward # zh: 第 k 次反向传播之后，只裁剪一次
after = take_grads()
print(f"clip after k:  norm before {norm:.3f}, after {after.norm():.3f}",
      "same as full batch:", torch.allclose(after, full))

for xb, yb in zip(x.chunk(k), y.chunk(k)):
    (loss_fn(model(xb), yb) / k).backward()
    clip(model.parameters(), max_norm)  # en: clips a partial sum # zh: 裁剪的只是部分和
inside = take_grads()
print(f"clip inside:   norm after {inside.norm():.3f}",
      "same as full batch:", torch.allclose(inside, full))
print("cosine with the full-batch direction:",
      round(torch.cosine_similarity(inside, full, dim=0).item(), 3))
