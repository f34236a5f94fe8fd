# en: A node keeps the values its formula needs, even of no-grad tensors.
# zh: 节点会保存求导公式要用的值，哪怕它来自不需要梯度的张量。
import torch

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
w = torch.tensor([4.0, 5.0, 6.0])  # en: requires_grad=False # zh: requires_grad=False（不需要梯度）
z = x * w
print("saved other:", z.grad_fn._saved_other)
print("it is w:", z.grad_fn._saved_other is w)
print("saved self:", z.grad_fn._saved_self)
v = torch.tensor([4.0, 5.0, 6.0], requires_grad=True)
print("with v:", (x * v).grad_fn._saved_self)
