import torch

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = x.sigmoid()  # en: SigmoidBackward0 saves y itself for the backward pass # zh: SigmoidBackward0 为反向传播保存的就是 y 本身
d = y.detach()
print("same memory:", d.data_ptr() == y.data_ptr())
d.zero_()  # en: so this also zeroes y # zh: 所以 y 也被清零了
print(y)
y.sum().backward()
