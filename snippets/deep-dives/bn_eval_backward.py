# en: BatchNorm1d backward in eval mode, where the running statistics are constants.
# zh: 评估模式下 BatchNorm1d 的反向传播：滑动统计量是常数。
import torch


def same(a, b):
    return torch.allclose(a, b, rtol=0, atol=1e-12)


torch.manual_seed(0)
N, C = 6, 3
bn = torch.nn.BatchNorm1d(C, dtype=torch.float64)
with torch.no_grad():
    bn.weight.uniform_(0.5, 1.5)
    bn.bias.uniform_(-0.5, 0.5)
    for _ in range(20):  # en: training-mode passes fill the running statistics # zh: 先在训练模式下跑几遍，把滑动统计量填上
        bn(3 * torch.randn(N, C, dtype=torch.float64) - 2)
bn.eval()
x = (2 * torch.randn(N, C, dtype=torch.float64) + 1).requires_grad_()
g = torch.randn(N, C, dtype=torch.float64)
bn(x).backward(g)

with torch.no_grad():
    s = 1 / torch.sqrt(bn.running_var + bn.eps)
    xhat = (x - bn.running_mean) * s
    dx = bn.weight * s * g
    d_gamma = (g * xhat).sum(dim=0)
    d_beta = g.sum(dim=0)


print("dL/dx:    ", same(dx, x.grad))
print("dL/dgamma:", same(d_gamma, bn.weight.grad))
print("dL/dbeta: ", same(d_beta, bn.bias.grad))
print("dL/dx summed over the batch:",
      [round(v, 4) for v in x.grad.sum(dim=0).tolist()])
