# en: Two multiplications give two MulBackward0 nodes: the digit counts nothing.
# zh: 两次乘法得到两个 MulBackward0 节点：末尾的数字不是计数。
import torch

x = torch.tensor([1.0, 2.0], requires_grad=True)
a = x * 3
b = a * 4
print(a.grad_fn.name(), b.grad_fn.name())
print("same node:", a.grad_fn is b.grad_fn)
