import torch

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)  # en: created, tracked # zh: 直接创建，需要梯度
c = torch.tensor([1.0, 2.0, 3.0])  # en: created, not tracked # zh: 直接创建，不需要梯度
y = x * 2  # en: result of an op on a tensor that requires grad # zh: 对需要梯度的张量做运算的结果
u = c * 2  # en: result of an op on tensors that do not # zh: 对不需要梯度的张量做运算的结果

print("name is_leaf requires_grad grad_fn")
for name, t in [("x", x), ("c", c), ("y", y), ("u", u)]:
    print(f"{name:<4} {t.is_leaf!s:<7} {t.requires_grad!s:<13} {t.grad_fn}")
