import torch
from torch import nn
from torch.utils.checkpoint import checkpoint

torch.manual_seed(0)
model = nn.Sequential(*[nn.Sequential(nn.Linear(8, 32), nn.Tanh(), nn.Linear(32, 8)) for _ in range(4)])
x = torch.randn(4, 8)


# en: As in the previous example: saved tensors, and the elements they hold
# en: (each storage once, parameters left out).
# zh: 和上一个例子一样：保存的张量个数，以及它们占用的元素个数（同一块存储只算一次，参数不算）。
def count_saved(forward):
    params = {p.untyped_storage().data_ptr() for p in model.parameters()}
    tensors, storages = 0, {}

    def pack(t):
        nonlocal tensors
        tensors += 1
        storage = t.untyped_storage()
        if storage.data_ptr() not in params:
            storages[storage.data_ptr()] = storage.nbytes() // t.element_size()
        return t

    with torch.autograd.graph.saved_tensors_hooks(pack, lambda t: t):
        out = forward()
    return out, tensors, sum(storages.values())


def plain():
    return model(x)


def checkpointed():
    h = x
    for block in model:
        h = checkpoint(block, h, use_reentrant=False)
    return h


calls = []
handles = [block.register_forward_pre_hook(lambda m, args: calls.append(m)) for block in model]
grads = {}
print(f"{'':12}{'tensors':>8}{'elements':>10}  block forwards (forward + backward)")
for forward in [plain, checkpointed]:
    calls.clear()
    out, tensors, elements = count_saved(forward)
    in_forward = len(calls)
    out.sum().backward()
    print(f"{forward.__name__:12}{tensors:>8}{elements:>10}  {in_forward} + {len(calls) - in_forward}")
    grads[forward.__name__] = [p.grad.clone() for p in model.parameters()]
    model.zero_grad()
for handle in handles:
    handle.remove()
print("same gradients:", all(torch.equal(a, b) for a, b in zip(grads["plain"], grads["checkpointed"])))
