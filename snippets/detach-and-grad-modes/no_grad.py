import torch

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)

with torch.no_grad():
    print("inside, grad enabled:", torch.is_grad_enabled())
    y = x * 2
print("after,  grad enabled:", torch.is_grad_enabled())

print("y:", y, "| requires_grad:", y.requires_grad, "| grad_fn:", y.grad_fn)
print("y.is_inference():", y.is_inference())
z = x * 2  # en: outside the block: recorded again # zh: 出了 with 块，又开始记录
print("z:", z)
