import copy

import torch
from torch import nn

torch.manual_seed(0)
start = nn.Linear(3, 1).double()
loss_fn = nn.MSELoss()
x = torch.randn(20, 3, dtype=torch.float64)
y = torch.randn(20, 1, dtype=torch.float64)
micro = list(zip(x.split(2), y.split(2)))  # en: 10 micro-batches of 2 # zh: 10 个微批次，每个 2 个样本
k, n = 4, len(micro)  # en: windows of 4, 4 and 2 micro-batches # zh: 窗口依次是 4、4、2 个微批次


def weights(model):
    return torch.cat([p.detach().flatten() for p in model.parameters()])


def train(flush, divisor):
    model = copy.deepcopy(start)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    steps = []
    optimizer.register_step_post_hook(lambda *args: steps.append(1))
    for i, (xb, yb) in enumerate(micro):
        window = min(k, n - i // k * k)  # en: micro-batches in this window # zh: 当前窗口里的微批次数
        d = k if divisor == "k" else window
        (loss_fn(model(xb), yb) / d).backward()
        if (i + 1) % k == 0 or (flush and i + 1 == n):
            optimizer.step()
            optimizer.zero_grad()
    left = model.weight.grad is not None
    return weights(model), len(steps), left


reference = copy.deepcopy(start)  # en: one step per batch of 8, 8 and 4 samples # zh: 每批 8、8、4 个样本，各更新一次
optimizer = torch.optim.SGD(reference.parameters(), lr=0.1)
for xb, yb in zip(x.split(8), y.split(8)):
    optimizer.zero_grad()
    loss_fn(reference(xb), yb).backward()
    optimizer.step()

for label, flush, divisor in [("no flush", False, "k"),
                              ("flush, / k", True, "k"),
                              ("flush, / window size", True, "window")]:
    w, steps, left = train(flush, divisor)
    print(f"{label:21} steps: {steps}  gradient left in .grad: {left!s:5}"
          f"  same as full batches: {torch.allclose(w, weights(reference))}")
