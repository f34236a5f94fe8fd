import torch
from torch import nn

torch.manual_seed(0)
model = nn.Linear(3, 1).double()
x = torch.randn(10, 3, dtype=torch.float64)
y = torch.randn(10, 1, dtype=torch.float64)
sizes = [4, 4, 2]  # en: a batch size of 4 leaves a short last micro-batch # zh: 按 4 个一份切分，最后一个微批次不满
k, n = len(sizes), len(x)
mean_loss = nn.MSELoss()
sum_loss = nn.MSELoss(reduction="sum")


def take_grads():
    g = torch.cat([p.grad.flatten() for p in model.parameters()])
    model.zero_grad()
    return g


def compare(label):
    g = take_grads()
    diff = (g - full).abs().max().item()
    print(f"{label:15} allclose: {torch.allclose(g, full)!s:5} "
          f"max abs diff: {diff:.3f}")


full_loss = mean_loss(model(x), y)
full_loss.backward()
full = take_grads()

micro_losses = [mean_loss(model(xb), yb)
                for xb, yb in zip(x.split(sizes), y.split(sizes))]
print(f"full mean loss:  {full_loss.item():.6f}")
print(f"mean of means:   {(sum(micro_losses) / k).item():.6f}")

for loss in micro_losses:
    (loss / k).backward()
compare("loss / k")

for xb, yb in zip(x.split(sizes), y.split(sizes)):
    (mean_loss(model(xb), yb) * len(xb) / n).backward()  # en: weight by size # zh: 按样本数加权
compare("loss * n_j / n")

for xb, yb in zip(x.split(sizes), y.split(sizes)):
    (sum_loss(model(xb), yb) / n).backward()  # en: sum, then divide by the total # zh: 先求和，再除以总样本数
compare("sum loss / n")
