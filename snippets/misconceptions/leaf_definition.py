import torch

a = torch.tensor([1.0, 2.0])  # never asked for gradients
b = a * 2  # computed, but nothing in it needs a gradient
w = torch.tensor([1.0, 2.0], requires_grad=True)
c = (w * 2).detach()
print("name  is_leaf  requires_grad  grad_fn")
for name, t in [("a", a), ("b", b), ("w", w), ("w*2", w * 2), ("c", c)]:
    fn = t.grad_fn.name() if t.grad_fn else None
    print(f"{name:5} {t.is_leaf!s:8} {t.requires_grad!s:14} {fn}")
