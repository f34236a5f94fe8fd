# en: A loop that runs a data-dependent number of times adds a node a pass.
# zh: 循环次数由数据决定：每多转一圈，图里就多一个节点。
import torch


def grow(x):
    while x.norm() < 10:
        x = x * 2
    return x


def chain(t):  # en: follow the first edge of each node down to the end # zh: 每个节点只沿第一条边往下走，一直走到底
    node, names = t.grad_fn, []
    while node is not None:
        names.append(type(node).__name__)
        node = node.next_functions[0][0] if node.next_functions else None
    return " -> ".join(names)


print(chain(grow(torch.tensor([1.0, 1.0], requires_grad=True))))
print(chain(grow(torch.tensor([3.0, 3.0], requires_grad=True))))
