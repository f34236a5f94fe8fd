import torch

x = torch.tensor(1.0, requires_grad=True)
with torch.no_grad():
    q = x * 2  # en: depends on x, recorded nothing # zh: 依赖 x，但没有记录
r = x.detach() * 3  # en: depends on x's values, cut off from its graph # zh: 用到 x 的值，却已与它的图分离
loss = x ** 2  # en: one differentiable path from the root to x # zh: 从根到 x 的一条可求导的路径
print("q, r requires_grad:", q.requires_grad, r.requires_grad)
loss.backward()
print("x.grad:", x.grad)
