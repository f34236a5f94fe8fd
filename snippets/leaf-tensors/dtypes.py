import torch

a = torch.tensor([1.0, 2.0], dtype=torch.float64, requires_grad=True)
(a ** 2).sum().backward()
print("float64 grad:", a.grad)

z = torch.tensor([1 + 1j, 2 - 1j], requires_grad=True)
(z.abs() ** 2).sum().backward()  # en: start from a real scalar # zh: 从一个实数标量开始反向传播
print("complex grad:", z.grad)

n = torch.tensor([1, 2], requires_grad=True)
