import copy

import torch
from torch import nn

torch.manual_seed(0)
start = nn.Linear(3, 1).double()
loss_fn = nn.MSELoss()
batches = [(torch.randn(8, 3, dtype=torch.float64),
            torch.randn(8, 1, dtype=torch.float64)) for _ in range(3)]
k = 4  # en: each batch of 8 is fed as 4 micro-batches of 2 # zh: 每个批次 8 个样本，分成 4 个微批次送入，每个 2 个样本


def train(accumulate):
    model = copy.deepcopy(start)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
    for x, y in batches:
        optimizer.zero_grad()
        if accumulate:
            for xb, yb in zip(x.chunk(k), y.chunk(k)):
                loss = loss_fn(model(xb), yb) / k
                loss.backward()
        else:
            loss_fn(model(x), y).backward()
        optimizer.step()  # en: one update per batch of 8 in both cases # zh: 两种做法都是每个批次（8 个样本）更新一次
    return torch.cat([p.detach().flatten() for p in model.parameters()])


big, small = train(accumulate=False), train(accumulate=True)
print("full batches:", [round(v, 6) for v in big.tolist()])
print("accumulated: ", [round(v, 6) for v in small.tolist()])
print("allclose:", torch.allclose(big, small))
print("max abs diff < 1e-12:", (big - small).abs().max().item() < 1e-12)
