import torch
from torch import nn

torch.manual_seed(0)
P = -100  # en: padding label, ignore_index's default # zh: 填充位置的标签，即 ignore_index 的默认值
targets = torch.tensor([[1, 4, 2, 3],
                        [0, 2, 1, P],
                        [3, 1, P, P],
                        [2, P, P, P]])
x = torch.randn(4, 4, 3, dtype=torch.float64)  # en: 4 sequences, 4 positions # zh: 4 条序列，每条 4 个位置
model = nn.Linear(3, 5).double()  # en: 5 classes per position # zh: 每个位置 5 个类别
mean_loss = nn.CrossEntropyLoss()  # en: mean over counted tokens # zh: 对计入的 token 取平均
sum_loss = nn.CrossEntropyLoss(reduction="sum")
k = 2  # en: 2 sequences per micro-batch # zh: 每个微批次 2 条序列


def loss_of(fn, xb, tb):
    return fn(model(xb).flatten(0, 1), tb.flatten())


def take_grads():
    g = torch.cat([p.grad.flatten() for p in model.parameters()])
    model.zero_grad()
    return g


def compare(label):
    g = take_grads()
    diff = (g - full).abs().max().item()
    print(f"{label:22} allclose: {torch.allclose(g, full)!s:5} "
          f"max abs diff: {diff:.3f}")


micro = list(zip(x.chunk(k), targets.chunk(k)))
counts = [(tb != P).sum().item() for _, tb in micro]
total = sum(counts)
print("sequences per micro-batch:", [len(tb) for _, tb in micro])
print("counted tokens:           ", counts, "total", total)

loss_of(mean_loss, x, targets).backward()
full = take_grads()

for xb, tb in micro:
    (loss_of(mean_loss, xb, tb) / k).backward()
compare("mean loss / k")

for xb, tb in micro:
    (loss_of(sum_loss, xb, tb) / total).backward()
compare("sum loss / total count")
