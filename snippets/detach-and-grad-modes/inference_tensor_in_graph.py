import torch

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
with torch.inference_mode():
    y = x * 2

y_c = y.clone()  # en: a normal tensor with the same values # zh: 值相同的普通张量
print("y_c.is_inference():", y_c.is_inference())
(x * y_c).sum().backward()
print("with the clone, x.grad:", x.grad)

(x * y).sum()  # en: the multiplication must save y for backward # zh: 乘法要为反向传播保存 y
