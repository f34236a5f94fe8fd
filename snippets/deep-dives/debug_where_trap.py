import torch

x = torch.tensor([-1.0, 4.0], requires_grad=True)
y = torch.where(x > 0, torch.sqrt(x), 0.0)  # en: sqrt only where x > 0, or so it seems # zh: 看上去只在 x > 0 处开方
print("y:", y)
print("sqrt(x):", torch.sqrt(x.detach()))  # en: the branch where did not pick # zh: where 没选中的那一支
y.sum().backward()
print("x.grad:", x.grad)
