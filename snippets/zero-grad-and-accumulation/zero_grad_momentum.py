import torch
from torch import nn


def second_step(set_to_none):
    torch.manual_seed(0)
    model = nn.Linear(2, 1)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
    model(torch.tensor([[1.0, 2.0]])).sum().backward()
    optimizer.step()  # fills the momentum buffer
    optimizer.zero_grad(set_to_none=set_to_none)
    before = model.weight.detach().clone()
    optimizer.step()  # no new backward in between
    return torch.equal(model.weight, before)


print("grad None,  weight unchanged by step():", second_step(True))
print("grad zeros, weight unchanged by step():", second_step(False))
