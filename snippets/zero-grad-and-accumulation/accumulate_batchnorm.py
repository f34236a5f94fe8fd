import copy

import torch
from torch import nn

torch.manual_seed(0)
x = torch.randn(8, 3, dtype=torch.float64)
y = torch.randn(8, 1, dtype=torch.float64)
loss_fn = nn.MSELoss()
k = 4


def make(norm):
    return nn.Sequential(nn.Linear(3, 4), norm, nn.ReLU(),
                         nn.Linear(4, 1)).double()


def grads(model):
    return torch.cat([p.grad.flatten() for p in model.parameters()])


def compare(label, start, train):
    full, micro = copy.deepcopy(start), copy.deepcopy(start)
    full.train(train)
    micro.train(train)
    out_full = full(x)
    outs = [micro(xb) for xb in x.chunk(k)]  # en: one forward per micro-batch # zh: 每个微批次单独做一次前向传播
    loss_fn(out_full, y).backward()
    for out, yb in zip(outs, y.chunk(k)):
        (loss_fn(out, yb) / k).backward()
    g_full, g_micro = grads(full), grads(micro)
    diff = (g_micro - g_full).abs().max().item()
    print(label)
    print("  same outputs:  ", torch.allclose(out_full, torch.cat(outs)))
    print("  same gradients:", torch.allclose(g_micro, g_full),
          f"(max abs diff {diff:.3f})")
    for name, buf in full.named_buffers():
        if name.endswith("running_mean"):
            same = torch.allclose(buf, micro.get_buffer(name))
            print("  same running_mean:", same)


batchnorm = make(nn.BatchNorm1d(4))
compare("BatchNorm1d, train()", batchnorm, train=True)
compare("BatchNorm1d, eval()", batchnorm, train=False)
compare("LayerNorm, train()", make(nn.LayerNorm(4)), train=True)
