import torch
from torch import nn
from torch.utils.checkpoint import checkpoint

torch.manual_seed(0)
block = nn.Sequential(nn.Linear(2, 3), nn.Tanh(), nn.Linear(3, 1))
x = torch.randn(4, 2)


# en: The names of the backward nodes under t, in the order a walk meets them.
# zh: t 下面反向节点的名字，按遍历遇到的顺序排列。
def node_names(t):
    names, todo, seen = [], [t.grad_fn], set()
    while todo:
        node = todo.pop(0)
        if node is not None and node not in seen:
            seen.add(node)
            names.append(type(node).__name__)
            todo += [n for n, _ in node.next_functions]
    return names


plain = block(x).sum()
out = checkpoint(block, x, use_reentrant=False).sum()
print("checkpointed:", node_names(out))
print("same nodes as without checkpointing:", node_names(out) == node_names(plain))
