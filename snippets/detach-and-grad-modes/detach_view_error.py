import torch

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = x * 2
first_two = y[:2]  # en: a view of y # zh: y 的一个视图
first_two.detach_()
