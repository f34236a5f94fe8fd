"""A Python `if` decides which operations, so which nodes, get recorded."""
import torch


def f(x):
    if x.sum() > 0:
        return (x * 2).sum()
    return x.exp().sum()


def chain(t):  # follow the first edge of each node down to the end
    node, names = t.grad_fn, []
    while node is not None:
        names.append(type(node).__name__)
        node = node.next_functions[0][0] if node.next_functions else None
    return " -> ".join(names)


a = torch.tensor([1.0, 2.0], requires_grad=True)  # sum > 0
b = torch.tensor([-1.0, -2.0], requires_grad=True)  # sum < 0
out_a, out_b = f(a), f(b)
print(chain(out_a))
print(chain(out_b))
