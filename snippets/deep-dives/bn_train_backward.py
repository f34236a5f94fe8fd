"""BatchNorm1d backward in training mode, by hand, checked against autograd."""
import torch


def same(a, b):
    return torch.allclose(a, b, rtol=0, atol=1e-12)


torch.manual_seed(0)
N, C = 6, 3  # batch, features
bn = torch.nn.BatchNorm1d(C, dtype=torch.float64)  # training mode
with torch.no_grad():  # gamma != 1, beta != 0, so a missing term shows
    bn.weight.uniform_(0.5, 1.5)
    bn.bias.uniform_(-0.5, 0.5)
x = (2 * torch.randn(N, C, dtype=torch.float64) + 1).requires_grad_()
g = torch.randn(N, C, dtype=torch.float64)  # upstream gradient dL/dy

y = bn(x)
y.backward(g)

with torch.no_grad():
    gamma, beta, eps = bn.weight, bn.bias, bn.eps
    mu = x.mean(dim=0)
    var = ((x - mu) ** 2).mean(dim=0)  # biased: divides by N
    s = 1 / torch.sqrt(var + eps)
    xhat = (x - mu) * s
    forward_ok = same(gamma * xhat + beta, y)

    # step by step, from the output back to x
    d_beta = g.sum(dim=0)
    d_gamma = (g * xhat).sum(dim=0)
    d_xhat = g * gamma
    d_var = (d_xhat * (x - mu)).sum(dim=0) * -0.5 * s**3
    d_mu = -(d_xhat * s).sum(dim=0) + d_var * (-2 * (x - mu)).mean(dim=0)
    dx_steps = d_xhat * s + d_var * 2 * (x - mu) / N + d_mu / N
    # the compact formula
    dx = gamma * s * (g - g.mean(dim=0) - xhat * (g * xhat).mean(dim=0))


print("forward y = gamma*xhat + beta:", forward_ok)
print("dL/dbeta: ", same(d_beta, bn.bias.grad))
print("dL/dgamma:", same(d_gamma, bn.weight.grad))
print("dL/dx, step by step:", same(dx_steps, x.grad))
print("dL/dx, compact:     ", same(dx, x.grad))
