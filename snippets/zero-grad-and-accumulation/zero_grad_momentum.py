import torch
from torch import nn

optimizers = {
    "SGD()": lambda p: torch.optim.SGD(p, lr=0.1),
    "SGD(momentum=0.9)": lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9),
    "SGD(weight_decay=0.1)": lambda p: torch.optim.SGD(p, lr=0.1,
                                                       weight_decay=0.1),
    "Adam": lambda p: torch.optim.Adam(p, lr=0.1),
}


def moved_by_second_step(make_optimizer, set_to_none):
    torch.manual_seed(0)
    model = nn.Linear(2, 1)
    optimizer = make_optimizer(model.parameters())
    model(torch.tensor([[1.0, 2.0]])).sum().backward()
    optimizer.step()  # en: fills the optimizer's state, if it keeps one (momentum, averages) # zh: 优化器若有状态（动量、梯度的滑动平均），这一步把它填好
    optimizer.zero_grad(set_to_none=set_to_none)
    before = model.weight.detach().clone()
    optimizer.step()  # en: no new backward in between # zh: 中间没有新的 backward()
    return not torch.equal(model.weight, before)


print("weight moved by a step() after zero_grad:")
for name, make in optimizers.items():
    print(f"  {name:22} grad None: {moved_by_second_step(make, True)!s:5}"
          f"  grad zeros: {moved_by_second_step(make, False)}")
