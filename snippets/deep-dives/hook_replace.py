import torch

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
hooks = {
    "no hook": None,
    "y: g * 0.5": lambda g: g * 0.5,
    "y: g.clamp(max=6)": lambda g: g.clamp(max=6),
}
for name, hook in hooks.items():
    y = x * 2
    handle = y.register_hook(hook) if hook else None
    (y**2).sum().backward()
    print(f"{name:18} x.grad = {x.grad}")
    x.grad = None
    if handle:
        handle.remove()

# en: A hook on a leaf changes what is accumulated into its .grad.
# zh: 叶子张量上的钩子改变的是累加进 .grad 的值。
handle = x.register_hook(lambda g: g.clamp(max=10))
((x * 2) ** 2).sum().backward()
print(f"{'x: g.clamp(max=10)':18} x.grad = {x.grad}")
handle.remove()
