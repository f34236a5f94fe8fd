import torch

x = torch.tensor(2.0, requires_grad=True)
y = (x + 1) * (x + 2)  # en: the multiplication saves both factors # zh: 乘法把两个因子都保存下来
y.backward()  # en: ... and frees them here # zh: ……在这里释放它们
print("x.grad:", x.grad)
torch.autograd.grad(y, x)
