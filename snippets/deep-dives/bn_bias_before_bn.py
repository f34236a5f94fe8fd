# en: In training mode, the bias of a layer right before BatchNorm gets a zero gradient.
# zh: 训练模式下，紧挨在 BatchNorm 之前那一层的偏置，梯度为零。
import torch

torch.manual_seed(0)
fc = torch.nn.Linear(4, 3, dtype=torch.float64)
bn = torch.nn.BatchNorm1d(3, dtype=torch.float64)
x = torch.randn(8, 4, dtype=torch.float64)
t = torch.randn(8, 3, dtype=torch.float64)

loss = torch.nn.functional.mse_loss(bn(fc(x)), t)
loss.backward()
print("fc.weight.grad is 0:", (fc.weight.grad.abs() < 1e-12).all().item())
print("fc.bias.grad is 0:  ", (fc.bias.grad.abs() < 1e-12).tolist())
