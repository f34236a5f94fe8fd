# en: A tensor that needs no grad gets no node: its edge is (None, 0).
# zh: 不需要梯度的张量没有节点：它那条边是 (None, 0)。
import torch

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
w = torch.tensor([4.0, 5.0, 6.0])  # en: requires_grad=False # zh: requires_grad=False（不需要梯度）
z = x * w
print(z.grad_fn.next_functions)
z.sum().backward()
print("x.grad:", x.grad)
print("w.grad:", w.grad)
