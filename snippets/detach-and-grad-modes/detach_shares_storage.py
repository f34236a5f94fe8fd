import torch

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = x.sigmoid()  # SigmoidBackward0 saves y to compute its gradient
y_d = y.detach()

print("same storage:", y_d.data_ptr() == y.data_ptr())
print("version before:", y._version)
y_d.zero_()  # in place, on the detached tensor
print("y after y_d.zero_():", y)
print("version after: ", y._version)
y.sum().backward()
