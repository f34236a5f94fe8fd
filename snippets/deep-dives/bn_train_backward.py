# en: BatchNorm1d backward in training mode, by hand, checked against autograd.
# zh: 训练模式下 BatchNorm1d 的反向传播：手算一遍，再和自动求导核对。
import torch


def same(a, b):
    return torch.allclose(a, b, rtol=0, atol=1e-12)


torch.manual_seed(0)
N, C = 6, 3  # en: batch, features # zh: 批次大小、特征数
bn = torch.nn.BatchNorm1d(C, dtype=torch.float64)  # en: training mode # zh: 训练模式
with torch.no_grad():  # en: gamma != 1, beta != 0, so a missing term shows # zh: 让 gamma != 1、beta != 0，漏掉哪一项都看得出来
    bn.weight.uniform_(0.5, 1.5)
    bn.bias.uniform_(-0.5, 0.5)
x = (2 * torch.randn(N, C, dtype=torch.float64) + 1).requires_grad_()
g = torch.randn(N, C, dtype=torch.float64)  # en: upstream gradient dL/dy # zh: 上游梯度 dL/dy

y = bn(x)
y.backward(g)

with torch.no_grad():
    gamma, beta, eps = bn.weight, bn.bias, bn.eps
    mu = x.mean(dim=0)
    var = ((x - mu) ** 2).mean(dim=0)  # en: biased: divides by N # zh: 有偏方差：除以 N
    s = 1 / torch.sqrt(var + eps)
    xhat = (x - mu) * s
    forward_ok = same(gamma * xhat + beta, y)

    # en: step by step, from the output back to x
    # zh: 一步一步，从输出倒推回 x
    d_beta = g.sum(dim=0)
    d_gamma = (g * xhat).sum(dim=0)
    d_xhat = g * gamma
    d_var = (d_xhat * (x - mu)).sum(dim=0) * -0.5 * s**3
    d_mu = -(d_xhat * s).sum(dim=0) + d_var * (-2 * (x - mu)).mean(dim=0)
    dx_steps = d_xhat * s + d_var * 2 * (x - mu) / N + d_mu / N
    # en: the compact formula
    # zh: 化简后的公式
    dx = gamma * s * (g - g.mean(dim=0) - xhat * (g * xhat).mean(dim=0))


print("forward y = gamma*xhat + beta:", forward_ok)
print("dL/dbeta: ", same(d_beta, bn.bias.grad))
print("dL/dgamma:", same(d_gamma, bn.weight.grad))
print("dL/dx, step by step:", same(dx_steps, x.grad))
print("dL/dx, compact:     ", same(dx, x.grad))
