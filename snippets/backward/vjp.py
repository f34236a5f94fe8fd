# en: backward(gradient=v) computes the vector-Jacobian product v^T J.
# zh: backward(gradient=v) 算的是向量-雅可比积 v^T J。
import torch


def f(x):
    return torch.stack([x[0] * x[1], x[0] ** 2, 3 * x[1]])


x = torch.tensor([2.0, 3.0], requires_grad=True)
y = f(x)
v = torch.tensor([1.0, 10.0, 100.0])  # en: one weight per element of y # zh: y 的每个元素对应一个权重
y.backward(gradient=v)
print("y:", y)
print("x.grad:", x.grad)

# en: The Jacobian of f at x = (2, 3), from the formulas by hand
# zh: f 在 x = (2, 3) 处的雅可比矩阵，按公式手算
J = torch.tensor([[3.0, 2.0],
                  [4.0, 0.0],
                  [0.0, 3.0]])
print("v @ J: ", v @ J)
