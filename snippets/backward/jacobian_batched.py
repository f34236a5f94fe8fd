import warnings

import torch
from torch.func import jacfwd, jacrev, jvp


def f(x):
    return torch.stack([x[0] * x[1], x[0] ** 2, 3 * x[1]])


x = torch.tensor([2.0, 3.0])
rows = torch.tensor([[3.0, 2.0], [4.0, 0.0], [0.0, 3.0]])  # en: the rows found above # zh: 上面逐行求出的三行
J = jacrev(f)(x)
print(J)
print("jacrev equals the rows:", torch.equal(J, rows))

# en: Reverse mode, batched: every e_i in one call to autograd.grad.
# zh: 反向模式的批量版本：所有 e_i 一次交给 autograd.grad。
xr = x.clone().requires_grad_()
(Jb,) = torch.autograd.grad(f(xr), xr, torch.eye(3), is_grads_batched=True)
print("is_grads_batched equals:", torch.equal(Jb, rows))

# en: Forward mode: a pass with tangent e_j gives column j of J.
# zh: 前向模式：切向量取 e_j，一次前向计算得到 J 的第 j 列。
with warnings.catch_warnings():
    # en: torch 2.13 warns once when it first loads forward mode
    # zh: torch 2.13 第一次加载前向模式时会警告一次
    warnings.simplefilter("ignore", DeprecationWarning)
    _, col0 = jvp(f, (x,), (torch.tensor([1.0, 0.0]),))
    Jf = jacfwd(f)(x)
print("jvp with e_0 -> column 0:", col0)
print("jacfwd equals the rows:", torch.equal(Jf, rows))
