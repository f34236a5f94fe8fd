import torch

x = torch.tensor([-1.0, 4.0], requires_grad=True)
positive = x > 0
safe_x = torch.where(positive, x, 1.0)  # en: any value sqrt handles well # zh: 随便取一个 sqrt 能正常处理的值
y = torch.where(positive, torch.sqrt(safe_x), 0.0)
print("y:", y)
y.sum().backward()
print("x.grad:", x.grad)
