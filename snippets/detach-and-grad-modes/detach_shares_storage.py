import torch

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = x.sigmoid()  # en: SigmoidBackward0 saves y to compute its gradient # zh: SigmoidBackward0 保存了 y，求梯度时要用
y_d = y.detach()

print("same storage:", y_d.data_ptr() == y.data_ptr())
print("version before:", y._version)
y_d.zero_()  # en: in place, on the detached tensor # zh: 在分离出的张量上原地修改
print("y after y_d.zero_():", y)
print("version after: ", y._version)
y.sum().backward()
