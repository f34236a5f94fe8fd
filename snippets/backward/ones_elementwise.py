# en: For an elementwise function the Jacobian is diagonal, so ones give its diagonal.
# zh: 逐元素函数的雅可比矩阵是对角阵，所以全 1 向量得到的正是对角线。
import torch
from torch.autograd.functional import jacobian


def g(m):
    return torch.stack([m[0] ** 2, m[1] ** 3])  # en: y[i] depends on m[i] only # zh: y[i] 只依赖 m[i]


m = torch.tensor([2.0, 3.0], requires_grad=True)
g(m).backward(gradient=torch.ones(2))
print("m.grad:", m.grad)
print(jacobian(g, m))
