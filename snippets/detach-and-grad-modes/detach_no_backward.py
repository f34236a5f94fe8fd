import torch

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
z_d = x.sigmoid().sum().detach()
z_d.backward()
