import torch

a = torch.tensor([1.0, 2.0])  # en: never asked for gradients # zh: 从没要求过梯度
b = a * 2  # en: computed, but nothing in it needs a gradient # zh: 是算出来的，但参与运算的张量都不需要梯度
w = torch.tensor([1.0, 2.0], requires_grad=True)
c = (w * 2).detach()
print("name  is_leaf  requires_grad  grad_fn")
for name, t in [("a", a), ("b", b), ("w", w), ("w*2", w * 2), ("c", c)]:
    fn = t.grad_fn.name() if t.grad_fn else None
    print(f"{name:5} {t.is_leaf!s:8} {t.requires_grad!s:14} {fn}")
