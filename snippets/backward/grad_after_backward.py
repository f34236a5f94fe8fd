# en: torch.autograd.grad after backward() on the same graph: the saved tensors are gone.
# zh: 同一张图上先 backward() 再 torch.autograd.grad：保存的张量已经没了。
import torch

x = torch.tensor(2.0, requires_grad=True)
y = (x + 1) * (x + 2)

y.backward()
print("x.grad:", x.grad)
torch.autograd.grad(y, x)
