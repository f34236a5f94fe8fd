import torch

x = torch.tensor([1.0, 2.0], requires_grad=True)
y = x * 2
y.retain_grad()  # en: asked for before any hook # zh: 比任何钩子都先调用
handles = [
    y.register_hook(lambda g: print("hook 1 sees:", g)),
    y.register_hook(lambda g: g * 10),
    y.register_hook(lambda g: print("hook 3 sees:", g)),
]
(y**2).sum().backward()
print("y.grad:", y.grad)
print("x.grad:", x.grad)
for handle in handles:
    handle.remove()
