# en: gradient=v gives the same result as backward() on the scalar (y * v).sum().
# zh: gradient=v 的结果，和对标量 (y * v).sum() 调用 backward() 一样。
import torch


def f(x):
    return torch.stack([x[0] * x[1], x[0] ** 2, 3 * x[1]])


v = torch.tensor([1.0, 10.0, 100.0])

x1 = torch.tensor([2.0, 3.0], requires_grad=True)
f(x1).backward(gradient=v)

x2 = torch.tensor([2.0, 3.0], requires_grad=True)
(f(x2) * v).sum().backward()

print("gradient=v:   ", x1.grad)
print("(y * v).sum():", x2.grad)
print("equal:", torch.equal(x1.grad, x2.grad))
