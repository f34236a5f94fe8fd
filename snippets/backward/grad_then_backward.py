# en: Calling grad first does not help: it frees the saved tensors just like backward().
# zh: 先调用 grad 也没用：它和 backward() 一样会释放保存的张量。
import torch

x = torch.tensor(2.0, requires_grad=True)
y = (x + 1) * (x + 2)

print("grad:", torch.autograd.grad(y, x))
y.backward()
