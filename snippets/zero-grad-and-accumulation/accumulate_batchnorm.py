import copy

import torch
from torch import nn

torch.manual_seed(0)
start = nn.Sequential(nn.Linear(3, 4), nn.BatchNorm1d(4), nn.ReLU(),
                      nn.Linear(4, 1)).double()
loss_fn = nn.MSELoss()
x = torch.randn(8, 3, dtype=torch.float64)
y = torch.randn(8, 1, dtype=torch.float64)
k = 4


def grads(model):
    return torch.cat([p.grad.flatten() for p in model.parameters()])


def compare(train):
    full, micro = copy.deepcopy(start), copy.deepcopy(start)
    full.train(train)
    micro.train(train)
    out_full = full(x)
    outs = [micro(xb) for xb in x.chunk(k)]  # one forward per micro-batch
    print(f"train={train}")
    print("  same outputs:  ", torch.allclose(out_full, torch.cat(outs)))
    loss_fn(out_full, y).backward()
    for out, yb in zip(outs, y.chunk(k)):
        (loss_fn(out, yb) / k).backward()
    g_full, g_micro = grads(full), grads(micro)
    diff = (g_micro - g_full).abs().max().item()
    print("  same gradients:", torch.allclose(g_micro, g_full),
          f"(max abs diff {diff:.3f})")
    rm_full, rm_micro = full[1].running_mean, micro[1].running_mean
    print("  same running_mean:", torch.allclose(rm_full, rm_micro))


compare(train=True)
compare(train=False)
