import copy

import torch
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(3, 2), nn.Tanh(), nn.Linear(2, 1))
reference = copy.deepcopy(model)
x = torch.randn(4, 3)

# en: One optimizer per parameter, stepped as soon as that parameter's .grad is complete.
# zh: 每个参数一个优化器，参数的 .grad 一算完就立刻更新它。
names = {p: name for name, p in model.named_parameters()}
optimizers = {p: torch.optim.SGD([p], lr=0.1) for p in model.parameters()}


def held(params):
    return sum(p.grad is not None for p in params)


def step_now(p):
    print(f"  stepping {names[p]:8}  .grad tensors held: {held(model.parameters())}")
    optimizers[p].step()
    optimizers[p].zero_grad()  # en: the gradient is not needed any more # zh: 梯度已经用完了


handles = [p.register_post_accumulate_grad_hook(step_now) for p in model.parameters()]
print("backward starts")
model(x).sum().backward()
print("backward returned")
print("gradients left:", [p.grad for p in model.parameters()])
for handle in handles:
    handle.remove()

# en: The usual order: the whole backward pass, then one step.
# zh: 常规做法：先做完整个反向传播，再更新一次。
optimizer = torch.optim.SGD(reference.parameters(), lr=0.1)
reference(x).sum().backward()
print("ordinary backward(), before step(): .grad tensors held:", held(reference.parameters()))
optimizer.step()
same = all(torch.equal(p, q) for p, q in zip(model.parameters(), reference.parameters()))
print("same parameters as a normal step:", same)
