# en: The gradient one sample gets depends on the other samples (train, not eval).
# zh: 一个样本得到的梯度取决于同批次的其他样本（训练模式下如此，评估模式下不会）。
import torch

torch.manual_seed(0)
N, C = 6, 3
bn = torch.nn.BatchNorm1d(C, dtype=torch.float64)
x = 2 * torch.randn(N, C, dtype=torch.float64) + 1
g = torch.randn(N, C, dtype=torch.float64)  # en: the same dL/dy every time # zh: 每次都用同一个 dL/dy
x_other = x.clone()
x_other[1] += 3.0  # en: change sample 1 only; sample 0 stays as it was # zh: 只改样本 1，样本 0 保持不变


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
