import torch
from torch.autograd import Variable

v = Variable(torch.tensor([2.0, 3.0]), requires_grad=True)
print(type(v))
print(v, v.is_leaf)

t = torch.tensor([2.0, 3.0])
print(isinstance(t, Variable))  # every Tensor counts as a "Variable"
print(t.data, t.grad, t.grad_fn)  # the attributes Variable used to add
