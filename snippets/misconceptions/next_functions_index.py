import torch

x = torch.tensor([1.0, 2.0], requires_grad=True)
a, b = x.unbind()  # one node, two outputs: a is output 0, b is output 1
print((b * a).grad_fn.next_functions)
w = torch.tensor([3.0, 4.0])  # needs no grad: no node, only None
y1, y2 = x * w, x * 3
print(y1.grad_fn.next_functions)
# one AccumulateGrad per leaf, however many times the leaf is used
print(y1.grad_fn.next_functions[0][0] is y2.grad_fn.next_functions[0][0])
