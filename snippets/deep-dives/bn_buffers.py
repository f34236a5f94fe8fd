# en: running_mean and running_var are buffers: no gradient; the forward pass sets them.
# zh: running_mean 和 running_var 是缓冲区：没有梯度，由前向传播更新。
import torch


def same(a, b):
    return torch.allclose(a, b, rtol=0, atol=1e-12)


torch.manual_seed(0)
N, C = 6, 3
bn = torch.nn.BatchNorm1d(C, dtype=torch.float64)
print("parameters:", [name for name, _ in bn.named_parameters()])
print("buffers:   ", [name for name, _ in bn.named_buffers()])

x = (2 * torch.randn(N, C, dtype=torch.float64) + 1).requires_grad_()
bn(x).sum().backward()  # en: one training-mode pass # zh: 在训练模式下跑一遍
print("running_var.requires_grad:", bn.running_var.requires_grad)
print("running_var.grad:", bn.running_var.grad)
print("num_batches_tracked:", bn.num_batches_tracked.item())

# en: new = (1 - momentum) * old + momentum * batch statistic; old mean 0, old var 1
# zh: 新值 = (1 - momentum) * 旧值 + momentum * 本批次统计量；旧均值为 0，旧方差为 1
m = bn.momentum
print("momentum:", m)
with torch.no_grad():
    unbiased = x.var(dim=0, correction=1)  # en: divides by N - 1 # zh: 除以 N - 1
    biased = x.var(dim=0, correction=0)    # en: divides by N # zh: 除以 N
    print("running_mean from batch mean:",
          same(bn.running_mean, m * x.mean(dim=0)))
    print("running_var from unbiased var:",
          same(bn.running_var, (1 - m) + m * unbiased))
    print("running_var from biased var:  ",
          same(bn.running_var, (1 - m) + m * biased))
