"""running_mean and running_var are buffers: no gradient; the forward pass sets them."""
import torch

torch.manual_seed(0)
N, C = 6, 3
bn = torch.nn.BatchNorm1d(C, dtype=torch.float64)
print("parameters:", [name for name, _ in bn.named_parameters()])
print("buffers:   ", [name for name, _ in bn.named_buffers()])

x = (2 * torch.randn(N, C, dtype=torch.float64) + 1).requires_grad_()
bn(x).sum().backward()  # one training-mode pass
print("running_var.requires_grad:", bn.running_var.requires_grad)
print("running_var.grad:", bn.running_var.grad)

# the update: new = (1 - momentum) * old + momentum * batch statistic
m = bn.momentum
with torch.no_grad():
    unbiased = x.var(dim=0, correction=1)  # divides by N - 1
    biased = x.var(dim=0, correction=0)    # divides by N
    print("running_mean from batch mean:",
          torch.allclose(bn.running_mean, m * x.mean(dim=0)))
    print("running_var from unbiased var:",
          torch.allclose(bn.running_var, (1 - m) + m * unbiased))
    print("running_var from biased var:  ",
          torch.allclose(bn.running_var, (1 - m) + m * biased))
