import torch
from torch.autograd import Variable

v = Variable(torch.tensor([1.0, 2.0]), requires_grad=True)
print(type(v), v.is_leaf, v.requires_grad)
v2 = Variable(torch.zeros(2))
v2[0] = 5.0  # en: in-place writes work: it is an ordinary tensor # zh: 可以原地写入：它就是普通张量
print(v2)
print("any tensor is a Variable:", isinstance(torch.zeros(1), Variable))
