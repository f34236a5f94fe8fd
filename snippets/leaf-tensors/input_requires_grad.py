import torch
from torch import nn


def weight_grad(inputs):
    torch.manual_seed(0)  # en: the same model both times # zh: 两次得到的是同一个模型
    model = nn.Linear(2, 1)
    loss = nn.functional.mse_loss(model(inputs), torch.tensor([[3.0]]))
    loss.backward()
    return model.weight.grad


plain = torch.tensor([[1.0, 2.0]])
tracked = torch.tensor([[1.0, 2.0]], requires_grad=True)
print("input plain:  ", weight_grad(plain))
print("input tracked:", weight_grad(tracked))
print("extra work, tracked.grad:", tracked.grad)
