import torch

x = torch.tensor(2.0, requires_grad=True)
t = torch.tensor(3.0)
# en: two multiplications, then the three forms of power
# zh: 两次乘法，然后是幂运算的三种形式
ys = [x * 3, x * x, x**2, x**t, 2**x]
print(*[y.grad_fn.name() for y in ys])
