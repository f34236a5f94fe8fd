import torch

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)  # created, tracked
c = torch.tensor([1.0, 2.0, 3.0])  # created, not tracked
y = x * 2  # result of an op on a tensor that requires grad
u = c * 2  # result of an op on tensors that do not

print("name is_leaf requires_grad grad_fn")
for name, t in [("x", x), ("c", c), ("y", y), ("u", u)]:
    print(f"{name:<4} {t.is_leaf!s:<7} {t.requires_grad!s:<13} {t.grad_fn}")
