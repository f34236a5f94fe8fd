# en: retain_graph=True on the first pass keeps the graph usable for a second one.
# zh: 第一次反向传播时传 retain_graph=True，图就留着，还能再走一遍。
import torch

x = torch.tensor(2.0, requires_grad=True)
y = (x + 1) * (x + 2)

y.backward(retain_graph=True)
print("x.grad:", x.grad)
print("grad:  ", torch.autograd.grad(y, x))
