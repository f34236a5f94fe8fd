# en: Training mode: BatchNorm's dL/dx sums to zero over the batch, per feature.
# zh: 训练模式下，BatchNorm 的 dL/dx 对每个特征在批次上求和都是零。
import torch

torch.manual_seed(0)
N, C = 6, 3
bn = torch.nn.BatchNorm1d(C, dtype=torch.float64)
with torch.no_grad():
    bn.weight.uniform_(0.5, 1.5)
    bn.bias.uniform_(-0.5, 0.5)
x = (2 * torch.randn(N, C, dtype=torch.float64) + 1).requires_grad_()
g = torch.randn(N, C, dtype=torch.float64)

bn(x).backward(g)
print("dL/dy summed over the batch:",
      [round(v, 4) for v in g.sum(dim=0).tolist()])
print("dL/dx summed over the batch is 0:",
      (x.grad.sum(dim=0).abs() < 1e-12).tolist())

# en: the reason: adding a constant to one feature of every sample leaves y as it was
# zh: 原因：给每个样本的同一个特征加上同一个常数，y 不变
with torch.no_grad():
    shift = torch.tensor([5.0, -3.0, 0.5], dtype=torch.float64)
    print("bn(x + shift) == bn(x):",
          torch.allclose(bn(x + shift), bn(x), rtol=0, atol=1e-12))
