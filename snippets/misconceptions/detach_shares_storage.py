import torch

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = x.sigmoid()  # SigmoidBackward0 saves y itself for the backward pass
d = y.detach()
print("same memory:", d.data_ptr() == y.data_ptr())
d.zero_()  # so this also zeroes y
print(y)
y.sum().backward()
