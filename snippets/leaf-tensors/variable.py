import torch
from torch.autograd import Variable

v = Variable(torch.tensor([2.0, 3.0]), requires_grad=True)
print(type(v))
print(v, v.is_leaf)

t = torch.tensor([2.0, 3.0])
print(isinstance(t, Variable))  # en: every Tensor counts as a "Variable" # zh: 每个 Tensor 都算作“Variable”
print(t.data, t.grad, t.grad_fn)  # en: the attributes Variable used to add # zh: 以前要靠 Variable 才有的属性
