import torch
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(*[nn.Sequential(nn.Linear(8, 32), nn.Tanh(), nn.Linear(32, 8)) for _ in range(4)])


# en: Run a forward pass and count what it saves for backward: the saved tensors, and
# en: the elements of the memory they hold (each storage once, parameters left out).
# zh: 跑一次前向传播，数一数它为反向传播保存了什么：保存的张量个数，以及它们占用的
# zh: 内存里有多少个元素（同一块存储只算一次，参数不算）。
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
        forward()
    return tensors, sum(storages.values())


x = torch.randn(4, 8)
x_big = torch.randn(8, 8)


def show(label, forward):
    tensors, elements = count_saved(forward)
    print(f"{label:22}{tensors:>8}{elements:>10}")


print(f"{'':22}{'tensors':>8}{'elements':>10}")
show("batch of 4", lambda: model(x))
show("batch of 8", lambda: model(x_big))
with torch.no_grad():
    show("batch of 4, no_grad()", lambda: model(x))
model[0].requires_grad_(False)  # en: freeze the first block # zh: 冻结第一个块
show("block 0 frozen", lambda: model(x))
model[0].requires_grad_(True)
