"""The gradient one sample gets depends on the other samples (train, not eval)."""
import torch

torch.manual_seed(0)
N, C = 6, 3
bn = torch.nn.BatchNorm1d(C, dtype=torch.float64)
x = 2 * torch.randn(N, C, dtype=torch.float64) + 1
g = torch.randn(N, C, dtype=torch.float64)  # the same dL/dy every time
x_other = x.clone()
x_other[1] += 3.0  # change sample 1 only; sample 0 stays as it was


def show(label, inputs):
    inputs = inputs.clone().requires_grad_()
    bn(inputs).backward(g)
    print(f"{label:23}", [round(v, 4) for v in inputs.grad[0].tolist()])


bn.train()
show("train, batch x:", x)
show("train, sample 1 moved:", x_other)
bn.eval()
show("eval, batch x:", x)
show("eval, sample 1 moved:", x_other)
