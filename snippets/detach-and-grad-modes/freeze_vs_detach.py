import torch
from torch import nn


# en: Every backward node reachable from a tensor's grad_fn.
# zh: 从张量的 grad_fn 出发能走到的所有反向节点。
def count_nodes(t):
    seen, todo = set(), [t.grad_fn]
    while todo:
        node = todo.pop()
        if node is not None and node not in seen:
            seen.add(node)
            todo += [n for n, _ in node.next_functions]
    return len(seen)


torch.manual_seed(0)
x = torch.randn(4, 3)
for how in ["requires_grad_(False)", "detach()"]:
    torch.manual_seed(1)  # en: the same layers both times # zh: 两次得到同样的层
    layer1, layer2 = nn.Linear(3, 2), nn.Linear(2, 1)
    if how == "requires_grad_(False)":
        layer1.requires_grad_(False)
        h = layer1(x)
        out = layer2(h)
    else:
        h = layer1(x)
        out = layer2(h.detach())
    out.sum().backward()
    print(how)
    print("  h.grad_fn:         ", type(h.grad_fn).__name__ if h.grad_fn else None)
    print("  nodes under h:     ", count_nodes(h))
    print("  layer1.weight.grad:", layer1.weight.grad)
    print("  layer2.weight.grad:", layer2.weight.grad)
