# en: torch.autograd.grad returns the gradients; backward() stores them in .grad.
# zh: torch.autograd.grad 把梯度返回给你；backward() 把梯度存进 .grad。
import torch

x = torch.tensor(2.0, requires_grad=True)


def build():
    return (x + 1) * (x + 2)  # en: dy/dx = 2x + 3 = 7 at x = 2 # zh: x = 2 时 dy/dx = 2x + 3 = 7


result = torch.autograd.grad(build(), x)
print("grad returned:        ", result)
print("x.grad after grad:    ", x.grad)

result = build().backward()
print("backward returned:    ", result)
print("x.grad after backward:", x.grad)
