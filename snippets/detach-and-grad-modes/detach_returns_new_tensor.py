import torch

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
z = x.sigmoid().sum()
z_d = z.detach()

print("z:  ", z)
print("z_d:", z_d)
print("z_d is z:", z_d is z)
print("z_d.requires_grad:", z_d.requires_grad, "| grad_fn:", z_d.grad_fn)
print("z_d.is_leaf:", z_d.is_leaf)
print("z unchanged:", z.requires_grad, z.grad_fn)
