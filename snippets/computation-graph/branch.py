# en: A Python `if` decides which operations, so which nodes, get recorded.
# zh: Python 的 `if` 决定记录哪些运算，也就决定了图里有哪些节点。
import torch


def f(x):
    if x.sum() > 0:
        return (x * 2).sum()
    return x.exp().sum()


def chain(t):  # en: follow the first edge of each node down to the end # zh: 每个节点只沿第一条边往下走，一直走到底
    node, names = t.grad_fn, []
    while node is not None:
        names.append(type(node).__name__)
        node = node.next_functions[0][0] if node.next_functions else None
    return " -> ".join(names)


a = torch.tensor([1.0, 2.0], requires_grad=True)  # en: sum > 0 # zh: 元素和 > 0
b = torch.tensor([-1.0, -2.0], requires_grad=True)  # en: sum < 0 # zh: 元素和 < 0
out_a, out_b = f(a), f(b)
print(chain(out_a))
print(chain(out_b))
