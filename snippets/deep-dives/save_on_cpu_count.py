import torch
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(8, 32), nn.Tanh(), nn.Linear(32, 8))
x = torch.randn(4, 8)

model(x).sum().backward()
expected = [p.grad.clone() for p in model.parameters()]
model.zero_grad()

# en: save_on_cpu is a pair of saved-tensor hooks; wrap its pack hook to see what it stores.
# zh: save_on_cpu 就是一对保存张量的钩子；包一层它的 pack 钩子，看看它存下了什么。
offload = torch.autograd.graph.save_on_cpu()
print("a saved_tensors_hooks:", isinstance(offload, torch.autograd.graph.saved_tensors_hooks))
packed = []


def pack(t):
    packed.append((t, offload.pack_hook(t)))
    return packed[-1][1]


with torch.autograd.graph.saved_tensors_hooks(pack, offload.unpack_hook):
    out = model(x).sum()
_, (device, stored) = packed[0]
print("saved tensors:", len(packed))
print("each kept as (device, tensor), e.g.:", device, "and a tensor on", stored.device)
print("copies made here:", sum(s.data_ptr() != t.data_ptr() for t, (_, s) in packed))

out.backward()
print("same gradients:", all(torch.equal(p.grad, g) for p, g in zip(model.parameters(), expected)))
