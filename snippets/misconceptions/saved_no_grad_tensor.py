import torch

x = torch.tensor([1.0, 2.0], requires_grad=True)
w = torch.tensor([3.0, 4.0])  # en: requires_grad=False # zh: requires_grad=False（不需要梯度）
y = x * w
print(y.grad_fn.next_functions)  # en: no node for w: None # zh: w 没有节点：None
print(y.grad_fn._saved_other)  # en: but w is saved: d(x*w)/dx = w # zh: 但 w 被保存了：d(x*w)/dx = w
w.add_(1)  # en: change w after the forward pass # zh: 前向传播之后修改 w
y.sum().backward()
