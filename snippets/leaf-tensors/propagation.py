import torch

x = torch.ones(2, 2)
y = torch.ones(2, 2)
z = torch.ones(2, 2, requires_grad=True)

a = x + y  # en: no input requires grad # zh: 没有输入需要梯度
b = a + z  # en: one input does # zh: 有一个输入需要梯度
print("x, y, z requires_grad:",
      x.requires_grad, y.requires_grad, z.requires_grad)
print("a, b requires_grad:   ", a.requires_grad, b.requires_grad)
print("a, b is_leaf:         ", a.is_leaf, b.is_leaf)

with torch.no_grad():
    c = a + z  # en: grad mode off: nothing propagates # zh: 梯度模式关闭：requires_grad 不往下传
print("c requires_grad, is_leaf:", c.requires_grad, c.is_leaf)
