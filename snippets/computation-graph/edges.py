# en: next_functions holds a node's edges: they lead to nodes, not tensors.
# zh: next_functions 存的是节点的边：边指向节点，不指向张量。
import torch

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = x ** 2
z = y.sigmoid()
print(z.grad_fn.next_functions)
print(z.grad_fn.next_functions[0][0] is y.grad_fn)
print(y.grad_fn.next_functions)
