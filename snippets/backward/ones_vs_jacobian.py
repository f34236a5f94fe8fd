# en: gradient=ones gives the column sums of the Jacobian, not the Jacobian.
# zh: gradient 取全 1，得到的是雅可比矩阵的列和，不是雅可比矩阵本身。
import torch
from torch.autograd.functional import jacobian


def f(x):
    return torch.stack([x[0] * x[1], x[0] ** 2, 3 * x[1]])


x = torch.tensor([2.0, 3.0], requires_grad=True)
f(x).backward(gradient=torch.ones(3))
print("gradient=ones:", x.grad)

x.grad = None  # en: start from an empty .grad, backward() adds to it # zh: 先把 .grad 清空：backward() 是往里累加的
f(x).sum().backward()
print("y.sum():      ", x.grad)

J = jacobian(f, x)
print("J.shape:", J.shape)
print(J)
print("J.sum(dim=0): ", J.sum(dim=0))
