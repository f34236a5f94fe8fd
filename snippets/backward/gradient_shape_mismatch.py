# en: gradient must have the shape of the output, not of the input.
# zh: gradient 的形状要和输出一样，而不是和输入一样。
import torch


def f(x):
    return torch.stack([x[0] * x[1], x[0] ** 2, 3 * x[1]])


x = torch.tensor([2.0, 3.0], requires_grad=True)
y = f(x)
print("x.shape:", x.shape, " y.shape:", y.shape)
y.backward(gradient=torch.ones(2))  # en: shaped like x: wrong # zh: 形状和 x 一样：错了
