# en: create_graph=True records the backward pass, so a gradient can be differentiated again.
# zh: create_graph=True 把反向传播本身也记录下来，梯度还能再求一次导。
import torch

x = torch.tensor(3.0, requires_grad=True)
y = x ** 3

(dy,) = torch.autograd.grad(y, x, create_graph=True)
print("dy/dx = 3x^2:  ", dy)

(d2y,) = torch.autograd.grad(dy, x)
print("d2y/dx2 = 6x:  ", d2y)
