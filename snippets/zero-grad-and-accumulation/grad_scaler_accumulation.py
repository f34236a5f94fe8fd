import copy

import torch
from torch import nn

torch.manual_seed(0)
start = nn.Linear(3, 1)
loss_fn = nn.MSELoss()
batches = [(torch.randn(8, 3), torch.randn(8, 1)) for _ in range(3)]
k = 4


def grads(model):
    return torch.cat([p.grad.flatten() for p in model.parameters()])


def train(use_scaler):
    model = copy.deepcopy(start)
    optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
    scaler = torch.amp.GradScaler("cpu", enabled=use_scaler)
    seen = []  # en: .grad before and after unscale_, per window # zh: 每个窗口 unscale_ 前后的 .grad
    for x, y in batches:
        optimizer.zero_grad()
        for xb, yb in zip(x.chunk(k), y.chunk(k)):
            with torch.autocast("cpu", dtype=torch.bfloat16):
                loss = loss_fn(model(xb), yb)
            scaler.scale(loss / k).backward()  # en: scale every micro-batch loss # zh: 每个微批次的损失都要缩放
        before = grads(model).clone()
        scaler.unscale_(optimizer)  # en: once per window, before clipping # zh: 每个窗口一次，在裁剪之前
        seen.append((before, grads(model).clone()))
        nn.utils.clip_grad_norm_(model.parameters(), 0.5)
        scaler.step(optimizer)  # en: once per k micro-batches # zh: 每 k 个微批次一次
        scaler.update()
    return model, optimizer, scaler, seen


plain, _, _, plain_seen = train(use_scaler=False)
model, optimizer, scaler, seen = train(use_scaler=True)
scale = scaler.get_scale()
print("scale:", scale)
for (before, after), (plain_grad, _) in zip(seen, plain_seen):
    print(f"before unscale_: {before[0].item():10.1f}  "
          f"after: {after[0].item():.6f}  without scaler: {plain_grad[0].item():.6f}  "
          f"equal: {torch.equal(after, plain_grad)}")
print("optimizer steps:", optimizer.state[model.weight]["step"].item())
print("same weights as without scaler:", torch.equal(model.weight, plain.weight))
