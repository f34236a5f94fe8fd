import torch

x = torch.tensor([1.0, 2.0], requires_grad=True)
y = x * 3
z = (y * y).sum()
y.retain_grad()
mul = y.grad_fn  # en: the node that made y # zh: 算出 y 的那个节点

# en: Registered in an order that is not the order they run in.
# zh: 注册顺序故意和执行顺序不同。
handles = [
    x.register_post_accumulate_grad_hook(lambda p: print("post-accumulate hook on x  x.grad:", p.grad)),
    x.register_hook(lambda g: print("tensor hook on x           x.grad:", x.grad)),
    mul.register_hook(lambda gi, go: print("hook on MulBackward0       result:", gi[0])),
    mul.register_prehook(lambda go: print("pre-hook on MulBackward0   y.grad:", y.grad)),
    y.register_hook(lambda g: print("tensor hook on y           y.grad:", y.grad)),
]
z.backward()
for handle in handles:
    handle.remove()
