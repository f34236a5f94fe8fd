import torch

w = torch.tensor([1.0, 2.0], requires_grad=True)
(w ** 2).sum().backward()
with torch.no_grad():
    w -= 0.1 * w.grad  # en: allowed: nothing is recorded here # zh: 可以：这里什么都不记录
print("by hand:", w, w.is_leaf, w.grad_fn)

# en: torch.optim.SGD performs the same update.
# zh: torch.optim.SGD 做的是同样的更新。
v = torch.tensor([1.0, 2.0], requires_grad=True)
opt = torch.optim.SGD([v], lr=0.1)
(v ** 2).sum().backward()
opt.step()
print("SGD:    ", v, v.is_leaf, v.grad_fn)
print("equal:", torch.equal(w, v))
