# en: The note's three-factor chain rule as full Jacobians for one sample.
# zh: 用完整的雅可比矩阵验证笔记里的三因子链式法则（单个样本）。
import torch
from torch.autograd.functional import jacobian

torch.manual_seed(0)
D, H, K = 3, 5, 2
x = torch.randn(D, dtype=torch.float64)  # en: one sample # zh: 单个样本
t = torch.randn(K, dtype=torch.float64)
fc1 = torch.nn.Linear(D, H, dtype=torch.float64)
fc2 = torch.nn.Linear(H, K, dtype=torch.float64)
W1, b1 = fc1.weight, fc1.bias

x_c = fc1(x)                # en: the note's x_c: the output of the layer that owns w # zh: 笔记里的 x_c：w 所在那一层的输出
x_a = torch.sigmoid(x_c)    # en: the note's x_a: the activation # zh: 笔记里的 x_a：激活值
loss = ((fc2(x_a) - t) ** 2).mean()
loss.backward()

with torch.no_grad():
    def head(a):
        return ((fc2(a) - t) ** 2).mean()
    J1 = jacobian(head, x_a)                     # en: dloss/dx_a # zh: 因子一：dloss/dx_a
    J2 = jacobian(torch.sigmoid, x_c)            # en: dx_a/dx_c # zh: 因子二：dx_a/dx_c
    J3 = jacobian(lambda w: x @ w.T + b1, W1)    # en: dx_c/dw # zh: 因子三：dx_c/dw
    row = J1.reshape(1, H) @ J2 @ J3.reshape(H, H * D)  # en: (1,H)(H,H)(H,H*D) # zh: 形状 (1,H)(H,H)(H,H*D)
    # en: no Jacobian built: diagonal -> elementwise, sparse -> outer product
    # zh: 不构造雅可比矩阵：对角阵换成逐元素相乘，稀疏阵换成外积
    compact = torch.outer(J1 * x_a * (1 - x_a), x)

print("dloss/dx_a:", tuple(J1.shape))
print("dx_a/dx_c: ", tuple(J2.shape), "diagonal:",
      torch.equal(J2, torch.diag(torch.diagonal(J2))))
print("dx_c/dw:   ", tuple(J3.shape), "nonzeros:",
      torch.count_nonzero(J3).item(), "of", J3.numel())
print("product:", tuple(row.shape), "-> reshaped", (H, D))
print("matches W1.grad:",
      torch.allclose(row.reshape(H, D), W1.grad, rtol=0, atol=1e-12))
print("compact form matches:",
      torch.allclose(compact, W1.grad, rtol=0, atol=1e-12))
