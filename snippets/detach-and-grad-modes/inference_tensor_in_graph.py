import torch

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
with torch.inference_mode():
    y = x * 2

y_c = y.clone()  # a normal tensor with the same values
print("y_c.is_inference():", y_c.is_inference())
(x * y_c).sum().backward()
print("with the clone, x.grad:", x.grad)

(x * y).sum()  # the multiplication must save y for backward
